import { App } from "cdktf";
import { ValidationError } from "./constructs";
import { ConfigError, buildApp, selectedEnvironments } from "./stacks";

// APIM_CONFIG picks another environments file; APIM_ENVIRONMENTS=dev,prod synthesizes only those.
try {
  // Every environment is validated before the App exists, so bad input leaves nothing in cdktf.out.
  const environments = selectedEnvironments();
  const app = new App();
  buildApp(app, environments);
  app.synth();
} catch (err) {
  if (err instanceof ConfigError || err instanceof ValidationError) {
    // The message already names environment, field and value; a stack trace would only bury it.
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
