import { types } from "node:util";
import { setupJest } from "cdktf/lib/testing/adapters/jest";
import { removeTempDirs } from "./support/temp";

setupJest();
afterAll(removeTempDirs);

// cdktf (and constructs) record a complete stack trace for every token they create, on a plain
// object rather than an Error, and keep it only to say where an unresolvable token came from. Under
// Jest, formatting those frames (and source-mapping them, as source-map-support did) cost about a
// tenth of the suite's CPU, for traces that no assertion reads: those captures get no frames here.
// The trace of every Error, a failing test's included, is still mapped.
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]): unknown =>
  types.isNativeError(error) && mapped !== undefined ? mapped(error as Error, frames) : "";
