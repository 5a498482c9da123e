import { App, TerraformStack } from "cdktf";
import { NameRules } from "btp-apim-transport-destination";
import { ApiManagementSourceStack } from "./api-management-source-stack";
import { ContentTransportLandscapeStack } from "./content-transport-landscape-stack";
import { LandscapeConfig, landscapesOf } from "./landscape-config";
import { ConfigError } from "./config-error";
import { EnvironmentConfig, environmentsOf } from "./environment-config";
import { schemaProblems } from "./environments-schema-check";
import { readJsonDocument } from "./json-document";
import { countedNames, nameList } from "./name-list";
import { checkOutputFolder, outputFolder } from "./output-folder";
import { unprotectedState } from "./backend";

/**
 * Adds one stack per environment and one per landscape to `app`; both come validated from the
 * environments file (`loadConfiguration`).
 */
export function buildApp(
  app: App,
  environments: readonly EnvironmentConfig[],
  landscapes: readonly LandscapeConfig[] = [],
): TerraformStack[] {
  return [
    ...environments.map((environment) => new ApiManagementSourceStack(app, environment)),
    ...landscapes.map((landscape) => new ContentTransportLandscapeStack(app, landscape)),
  ];
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

/** The stacks an environments file describes: its environments and its landscapes. */
export interface AppConfiguration {
  readonly environments: EnvironmentConfig[];
  readonly landscapes: LandscapeConfig[];
}

/**
 * Checks a parsed environments document, environments and landscapes alike, in one pass of the
 * schema, and throws one ConfigError listing every problem, both sections' before anything is
 * reported, so one run names them all.
 */
export function parseConfiguration(file: string, document: unknown): AppConfiguration {
  const schema = schemaProblems(document);
  const { environments, problems } = environmentsOf(document, schema.environments);
  // Every environment is checked, selected or not: a landscape may clash with any. The clash rules
  // take the environments as checked, so with problems among them only the landscapes are compared.
  const landscapes = landscapesOf(document, schema.landscapes, problems.length === 0 ? environments : []);
  const all = [...problems, ...landscapes.problems];
  if (all.length > 0) throw new ConfigError(file, all);
  return { environments, landscapes: landscapes.landscapes };
}

/**
 * Reads and checks an environments file (parseConfiguration), narrowed to the `selected` names (each
 * an environment or a landscape; all when none), and throws one ConfigError listing every problem.
 */
export function loadConfiguration(file: string, selected: readonly string[] = []): AppConfiguration {
  const { environments, landscapes } = parseConfiguration(file, readJsonDocument(file));
  const names = [...environments, ...landscapes].map((stack) => stack.name);
  const unknown = selected.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      file,
      unknown.map((name) => {
        const nearest = NameRules.nearest(name, names);
        const hint = nearest === undefined ? "" : `did you mean ${JSON.stringify(nearest)}? `;
        return `environment ${JSON.stringify(name)} was asked for but is not configured (${hint}configured: ${nameList(names)})`;
      }),
    );
  }
  const chosen = (name: string) => selected.length === 0 || selected.includes(name);
  return {
    environments: environments.filter((e) => chosen(e.name)),
    landscapes: landscapes.filter((l) => chosen(l.name)),
  };
}

/**
 * The environments and landscapes `npm run synth` synthesizes: those of APIM_CONFIG, narrowed by
 * APIM_ENVIRONMENTS, once it is clear that writing them into the output folder loses nothing.
 */
export function selectedConfiguration(): AppConfiguration {
  const selection = parseEnvironmentList(process.env.APIM_ENVIRONMENTS);
  const configuration = loadConfiguration(configFile(), selection);
  checkOutputFolder(
    outputFolder(),
    [...configuration.environments, ...configuration.landscapes].map((stack) => stack.name),
    selection.length > 0,
  );
  return configuration;
}

/**
 * What main.ts does: synthesizes the selected environments and landscapes into the output folder
 * (CDKTF_OUTDIR, else cdktf.out) and returns them. Every entry is validated before the App exists,
 * so bad input throws (a ConfigError, or a ValidationError) with nothing written.
 */
export function synthesizeSelected(): AppConfiguration {
  const configuration = selectedConfiguration();
  const app = new App({ outdir: outputFolder() });
  buildApp(app, configuration.environments, configuration.landscapes);
  app.synth();
  return configuration;
}

/**
 * A warning for each stack whose state would keep the keys' secrets readable (unprotectedState), and
 * what to do: a backend that encrypts at rest (docs/operations.md, "Secrets in the state"). Past ten
 * stacks, the rest are counted in one line.
 */
export function stateWarnings(configuration: AppConfiguration): string[] {
  const unprotected = [...configuration.environments, ...configuration.landscapes].flatMap(
    ({ name, backend }) => {
      const why = unprotectedState(name, backend);
      return why === undefined ? [] : [{ name, why }];
    },
  );
  const advice =
    'keep it in a backend that encrypts at rest: s3 with "encrypt": true or "kmsKeyId", azurerm, gcs or remote (docs/operations.md, "Secrets in the state")';
  const shown = unprotected
    .slice(0, 10)
    .map(
      ({ name, why }) =>
        `warning: ${JSON.stringify(name)}: ${why}, yet it holds the service keys' client secrets in clear; ${advice}`,
    );
  const rest = unprotected.slice(10).map(({ name }) => name);
  return rest.length === 0
    ? shown
    : [...shown, `warning: ${countedNames("more stack", rest)} keep their state unencrypted too; ${advice}`];
}

/** What `npm run synth` says it wrote: counts, and the names while they are few. */
export function synthesisSummary(configuration: AppConfiguration, outdir: string): string {
  const { environments, landscapes } = configuration;
  const parts = [
    ["environment", environments.map((e) => e.name)] as const,
    ["landscape", landscapes.map((l) => l.name)] as const,
  ]
    .filter(([, names]) => names.length > 0)
    .map(([noun, names]) => countedNames(noun, names));
  return `synthesized ${parts.join(" and ")} into ${outdir}/stacks`;
}
