import { types } from "node:util";
import { Testing } from "cdktf";
import { setupJest } from "cdktf/lib/testing/adapters/jest";
import { removeTempDirs, tempDir } from "./support/temp";

setupJest();
afterAll(removeTempDirs);

// cdktf's Testing.app (and synthScope, through it) makes an output folder under the system's
// temporary folder for every app and never removes it: some 240 per run of npm test. Here each goes
// to a folder of the test file's own, removed after it.
const testingApp = Testing.app.bind(Testing);
Testing.app = (options = {}) => testingApp({ outdir: tempDir(), ...options });

// cdktf (and constructs) record a complete stack trace for every token they create, on a plain
// object rather than an Error, and keep it only to say where an unresolvable token came from. Under
// Jest, formatting those frames (and source-mapping them, as source-map-support did) cost about a
// tenth of the suite's CPU, for traces that no assertion reads: those captures get no frames here.
// The trace of every Error, a failing test's included, is still mapped.
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]): unknown =>
  types.isNativeError(error) && mapped !== undefined ? mapped(error as Error, frames) : "";
