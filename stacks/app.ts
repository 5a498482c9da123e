import { App } from "cdktf";
import { ApiManagementSourceStack } from "./api-management-source-stack";
import { EnvironmentConfig, loadEnvironments } from "./environment-config";
import { checkOutputFolder, outputFolder } from "./output-folder";

/** Adds one stack per environment to `app`; the environments come validated from `loadEnvironments`. */
export function buildApp(app: App, environments: readonly EnvironmentConfig[]): ApiManagementSourceStack[] {
  return environments.map((environment) => new ApiManagementSourceStack(app, environment));
}

/** Parses a comma-separated list of environment names, as given in `APIM_ENVIRONMENTS`. */
export function parseEnvironmentList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** The environments file the app reads: APIM_CONFIG, else environments.json. */
export function configFile(): string {
  return process.env.APIM_CONFIG ?? "environments.json";
}

/**
 * The environments `npm run synth` synthesizes: those of APIM_CONFIG, narrowed by
 * APIM_ENVIRONMENTS, once it is clear that writing them into the output folder loses nothing.
 */
export function selectedEnvironments(): EnvironmentConfig[] {
  const selection = parseEnvironmentList(process.env.APIM_ENVIRONMENTS);
  const environments = loadEnvironments(configFile(), selection);
  checkOutputFolder(
    outputFolder(),
    environments.map((environment) => environment.name),
    selection.length > 0,
  );
  return environments;
}
