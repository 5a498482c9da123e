import { setupJest } from "cdktf/lib/testing/adapters/jest";
import { removeTempDirs } from "./support/temp";

setupJest();
afterAll(removeTempDirs);

// cdktf (and constructs) record a complete stack trace for every token they create, raising
// Error.stackTraceLimit to Number.MAX_SAFE_INTEGER for the capture. Under Jest, source-map-support
// mapped each of those frames, parsing the inline source maps of cdktf's own files: about a tenth
// of the suite's CPU, for traces that no assertion reads (main.ts turns source maps off for the
// same reason). Those captures get V8's plain format; every other trace, a failing test's
// included, is still mapped.
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]): unknown =>
  Error.stackTraceLimit === Number.MAX_SAFE_INTEGER || mapped === undefined
    ? `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`
    : mapped(error, frames);
