// First, before cdktf loads: see the module.
import "./stacks/source-maps-off";
import { ValidationError } from "btp-apim-transport-destination";
import {
  ConfigError,
  outputFolder,
  runByCdktfCli,
  stateWarnings,
  synthesizeSelected,
  synthesisSummary,
} from "./stacks";

// APIM_CONFIG picks another environments file; APIM_ENVIRONMENTS=dev,prod synthesizes only those.
// `npm run synth` runs this file as it is; cdktf's CLI runs it for `cdktf synth`, `diff` and `deploy`.
try {
  const configuration = synthesizeSelected();
  if (!runByCdktfCli()) console.log(synthesisSummary(configuration, outputFolder()));
  for (const warning of stateWarnings(configuration)) console.error(warning);
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
