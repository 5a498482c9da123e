import { App } from "cdktf";
import { ValidationError } from "btp-apim-transport-destination";
import { ConfigError, buildApp, outputFolder, runByCdktfCli, selectedConfiguration } from "./stacks";

// cdktf records a full stack trace for every token it creates; with the source maps tsx turns on,
// Node maps each frame through each file's map: a third of a synth's own CPU, for traces no user is
// shown (problems are reported in one line). Asked for explicitly (--enable-source-maps), they stay.
if (
  !process.execArgv.includes("--enable-source-maps") &&
  !process.env.NODE_OPTIONS?.includes("--enable-source-maps")
) {
  process.setSourceMapsEnabled(false);
}

// APIM_CONFIG picks another environments file; APIM_ENVIRONMENTS=dev,prod synthesizes only those.
// `npm run synth` runs this file as it is; cdktf's CLI runs it for `cdktf synth`, `diff` and `deploy`.
try {
  // Every environment is validated before the App exists, so bad input leaves nothing in cdktf.out.
  const { environments, landscapes } = selectedConfiguration();
  const app = new App({ outdir: outputFolder() });
  buildApp(app, environments, landscapes);
  app.synth();
  if (!runByCdktfCli()) {
    const names = [...environments, ...landscapes].map((stack) => stack.name);
    console.log(`synthesized ${names.join(", ")} into ${outputFolder()}/stacks`);
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof ValidationError) {
    // The message already names environment, field and value; a stack trace would only bury it.
    console.error(err.message);
    process.exit(1);
  }
  const { code, path } = err as NodeJS.ErrnoException;
  if (code !== undefined && path !== undefined) {
    // A folder that cannot be written, or a file where a folder belongs: the path says which.
    console.error(`cannot synthesize into ${path}: ${code} (${(err as Error).message})`);
    process.exit(1);
  }
  throw err;
}
