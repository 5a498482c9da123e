import { existsSync, readFileSync } from "node:fs";
import { ApiManagementSource, ApiManagementSourceProps } from "../constructs";
import { BackendConfig, validateBackend } from "./backend";

/** One environment's entry in the configuration file: where its source subaccount is and how its state is kept. */
export interface EnvironmentConfig extends ApiManagementSourceProps {
  /** Environment name; also the stack name (`cdktf deploy <name>`). */
  readonly name: string;

  /** Subdomain of the BTP global account that holds the subaccount (the provider's `globalaccount`). */
  readonly globalAccount: string;

  /** URL of the BTP CLI server, for global accounts outside the default landscape; the provider's default otherwise. */
  readonly cliServerUrl?: string;

  /** Where Terraform keeps the state of this environment; a local file next to the project otherwise. */
  readonly backend?: BackendConfig;
}

/**
 * A configuration that cannot be synthesized. Its message lists every problem, each naming the
 * file, the environment, the field and the value.
 */
export class ConfigError extends Error {
  public constructor(
    public readonly file: string,
    public readonly problems: readonly string[],
  ) {
    super(`${file}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Environment names become stack names and folder names under cdktf.out/stacks. */
const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

type FieldType = "string" | "number" | "boolean" | "object";
/** Every field an entry may have; typed by EnvironmentConfig, so a new prop cannot be forgotten here. */
const FIELDS: Readonly<Record<Exclude<keyof EnvironmentConfig, "name">, FieldType>> = {
  globalAccount: "string",
  subaccountId: "string",
  cliServerUrl: "string",
  backend: "object",
  destinationName: "string",
  destinationDescription: "string",
  serviceInstanceName: "string",
  serviceKeyName: "string",
  role: "string",
  createEntitlement: "boolean",
  adopt: "object",
  keyRotationDays: "number",
  connectionCheck: "boolean",
};
const REQUIRED: ReadonlyArray<keyof typeof FIELDS> = ["globalAccount", "subaccountId"];

/**
 * Reads and validates the environments file (`{"environments": {"<name>": {...}}}`) and returns the
 * environments asked for, in file order; all of them when `selected` is empty.
 * Throws a `ConfigError` that lists every problem before any stack is built.
 */
export function loadEnvironments(file: string, selected: readonly string[] = []): EnvironmentConfig[] {
  if (!existsSync(file)) {
    throw new ConfigError(file, ["file not found"]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseEnvironments(file, parsed, selected);
}

/** Validates an already parsed environments document; see {@link loadEnvironments}. */
export function parseEnvironments(
  file: string,
  document: unknown,
  selected: readonly string[] = [],
): EnvironmentConfig[] {
  const entries = isObject(document) && isObject(document.environments) ? document.environments : undefined;
  if (!entries || Object.keys(entries).length === 0) {
    throw new ConfigError(file, [
      'expected {"environments": {"<name>": {...}}} with at least one environment',
    ]);
  }

  const problems: string[] = [];
  for (const name of selected) {
    // Own keys only: "constructor" or "toString" are `in` every object but name no environment.
    if (!Object.hasOwn(entries, name)) {
      problems.push(
        `environment ${JSON.stringify(name)} was asked for but is not configured (configured: ${Object.keys(entries).join(", ")})`,
      );
    }
  }

  const environments: EnvironmentConfig[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (selected.length > 0 && !selected.includes(name)) continue;
    const at = `environment ${JSON.stringify(name)}:`;
    if (!ENVIRONMENT_NAME.test(name)) {
      problems.push(
        `${at} the name must start with a letter and contain only letters, digits, "-" and "_" (at most 63 characters)`,
      );
    }
    if (!isObject(entry)) {
      problems.push(`${at} expected an object, got ${JSON.stringify(entry)}`);
      continue;
    }
    const fieldProblems = validateFields(entry);
    if (fieldProblems.length === 0) {
      const config = { name, ...entry } as unknown as EnvironmentConfig;
      fieldProblems.push(
        ...ApiManagementSource.validateProps(config),
        ...(config.cliServerUrl === undefined ? [] : validateHttpsUrl("cliServerUrl", config.cliServerUrl)),
        ...(config.backend === undefined ? [] : validateBackend("backend", config.backend)),
      );
      environments.push(config);
    }
    problems.push(...fieldProblems.map((p) => `${at} ${p}`));
  }

  if (problems.length > 0) {
    throw new ConfigError(file, problems);
  }
  return environments;
}

function validateFields(entry: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED) {
    if (entry[field] === undefined) problems.push(`${field} is required`);
  }
  for (const [field, value] of Object.entries(entry)) {
    const type: FieldType | undefined = FIELDS[field as keyof typeof FIELDS];
    if (!type) {
      problems.push(`${field} is not a known field (known: ${Object.keys(FIELDS).join(", ")})`);
    } else if (type === "object" ? !isObject(value) : typeof value !== type) {
      problems.push(
        `${field} ${JSON.stringify(value)} must be ${type === "object" ? "an object" : `a ${type}`}`,
      );
    } else if (type === "string" && (value as string).trim() === "") {
      problems.push(`${field} ${JSON.stringify(value)} is empty or blank`);
    }
  }
  return problems;
}

function validateHttpsUrl(field: string, value: string): string[] {
  try {
    if (new URL(value).protocol === "https:") return [];
  } catch {
    // reported below
  }
  return [`${field} ${JSON.stringify(value)} is not an https:// URL`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
