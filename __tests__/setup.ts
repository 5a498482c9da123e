import { types } from "node:util";
import { setupJest } from "cdktf/lib/testing/adapters/jest";
import { removeTempDirs } from "./support/temp";

setupJest();
afterAll(removeTempDirs);

// cdktf (and constructs) record a complete stack trace for every token they create, on a plain
// object rather than an Error. Under Jest, source-map-support mapped each of those frames, parsing
// the inline source maps of cdktf's own files: about a tenth of the suite's CPU, for traces that no
// assertion reads (main.ts turns source maps off for the same reason). Those captures get V8's
// plain format; the trace of every Error, a failing test's included, is still mapped.
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]): unknown =>
  types.isNativeError(error) && mapped !== undefined
    ? mapped(error as Error, frames)
    : `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`;
