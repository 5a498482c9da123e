import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { ApiManagementSource, ApiManagementSourceProps } from "../constructs";
import { validateName } from "../constructs/private/validation";
import {
  BackendConfig,
  BACKEND_SECRETS,
  secretOptionTarget,
  stateLocation,
  validateBackend,
} from "./backend";
import { nearestName } from "./did-you-mean";
import { EnvironmentEntry } from "./environments-file";

/** One environment, ready for its stack: the entry of the environments file mapped to construct props. */
export interface EnvironmentConfig extends ApiManagementSourceProps {
  /** Environment name; also the stack name (`cdktf deploy <name>`). */
  readonly name: string;

  /** Subdomain of the BTP global account that holds the subaccount (the provider's `globalaccount`). */
  readonly globalAccount: string;

  /** URL of the BTP CLI server, for global accounts outside the default landscape; the provider's default otherwise. */
  readonly cliServerUrl?: string;

  /** Where Terraform keeps the state of this environment; a local file next to the project otherwise. */
  readonly backend?: BackendConfig;

  /** Whether the environment shares its subaccount with another one on purpose. */
  readonly sharedSubaccount?: boolean;
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
export const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** An environments file larger than this is a wrong file, not a configuration. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const SCHEMA_FILE = join(__dirname, "..", "environments.schema.json");
const SCHEMA_ID = "environments.schema.json";
const BACKEND_DEFINITIONS: Readonly<Record<BackendConfig["type"], string>> = {
  local: "LocalBackendEntry",
  s3: "S3BackendEntry",
  azurerm: "AzurermBackendEntry",
  gcs: "GcsBackendEntry",
  remote: "RemoteBackendEntry",
};
const EMPTY = 'expected {"environments": {"<name>": {...}}} with at least one environment';

/** Reads, checks and maps an environments file; throws one ConfigError listing every problem. */
export function loadEnvironments(file: string, selected: readonly string[] = []): EnvironmentConfig[] {
  return parseEnvironments(file, readJsonDocument(file), selected);
}

/**
 * The JSON document of a file, refused unless it is at most MAX_CONFIG_BYTES of UTF-8 (a leading
 * byte order mark is allowed), plain JSON (no comments, no trailing commas) and free of duplicate
 * keys, which JSON.parse would silently resolve to the last.
 */
export function readJsonDocument(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot be read (${code})`,
    ]);
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new ConfigError(file, [
      `is ${bytes.length} bytes; an environments file is at most ${MAX_CONFIG_BYTES}`,
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConfigError(file, ["not valid JSON: the file is not UTF-8 text"]);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || tree === undefined) {
    throw new ConfigError(
      file,
      errors.length === 0
        ? ["not valid JSON: the file is empty"]
        : errors.map((e) => `not valid JSON: ${printParseErrorCode(e.error)} at ${position(text, e.offset)}`),
    );
  }
  const duplicates = duplicateKeys(tree, text);
  if (duplicates.length > 0) throw new ConfigError(file, duplicates);
  // JSON.parse rather than the tree's value: it keeps a "__proto__" key an own property.
  return JSON.parse(text);
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function duplicateKeys(node: JsonNode, text: string, path = ""): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const child of node.children ?? []) {
    if (node.type === "object" && child.children) {
      const [key, value] = child.children;
      const name = String(key.value);
      const at = path === "" ? name : `${path}.${name}`;
      if (seen.has(name)) {
        found.push(
          `${at} appears more than once (again at ${position(text, key.offset)}): JSON would keep only the last`,
        );
      }
      seen.add(name);
      if (value) found.push(...duplicateKeys(value, text, at));
    } else {
      found.push(...duplicateKeys(child, text, path));
    }
  }
  return found;
}

/** Checks a parsed environments document and maps each entry to an EnvironmentConfig. */
export function parseEnvironments(
  file: string,
  document: unknown,
  selected: readonly string[] = [],
): EnvironmentConfig[] {
  const { problems, broken } = schemaProblems(document);
  const entries = isObject(document) && isObject(document.environments) ? document.environments : undefined;
  if (!entries || Object.keys(entries).length === 0)
    throw new ConfigError(file, problems.length ? problems : [EMPTY]);

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
    if (broken.has(name)) continue;
    const config = toEnvironmentConfig(name, entry as EnvironmentEntry);
    problems.push(
      ...[
        ...validateName("globalAccount", config.globalAccount),
        ...ApiManagementSource.validateProps(config),
        ...(config.cliServerUrl === undefined ? [] : validateHttpsUrl("cliServerUrl", config.cliServerUrl)),
        ...(config.backend === undefined ? [] : validateBackend("backend", config.backend)),
      ].map((p) => `environment ${JSON.stringify(name)}: ${p}`),
    );
    environments.push(config);
  }
  problems.push(...conflicts(environments));

  if (problems.length > 0) throw new ConfigError(file, problems);
  return environments.filter((e) => selected.length === 0 || selected.includes(e.name));
}

/** The file's entry as the stack's config: each field named here, so a renamed prop cannot slip through. */
function toEnvironmentConfig(name: string, entry: EnvironmentEntry): EnvironmentConfig {
  return {
    name,
    globalAccount: entry.globalAccount,
    cliServerUrl: entry.cliServerUrl,
    backend: entry.backend,
    sharedSubaccount: entry.sharedSubaccount,
    subaccountId: entry.subaccountId,
    destinationName: entry.destinationName,
    destinationDescription: entry.destinationDescription,
    serviceInstanceName: entry.serviceInstanceName,
    serviceKeyName: entry.serviceKeyName,
    createEntitlement: entry.createEntitlement,
    adopt: entry.adopt,
    keyRotationDays: entry.keyRotationDays,
    connectionCheck: entry.connectionCheck,
  };
}

/** Environments that would fight over one state or one subaccount's objects. */
function conflicts(environments: readonly EnvironmentConfig[]): string[] {
  const problems: string[] = [];
  const groups = (key: (e: EnvironmentConfig) => string) => {
    const byKey = new Map<string, string[]>();
    for (const e of environments) byKey.set(key(e), [...(byKey.get(key(e)) ?? []), e.name]);
    return [...byKey].filter(([, names]) => names.length > 1);
  };
  const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(" and ");

  for (const [location, names] of groups((e) => stateLocation(e.name, e.backend))) {
    problems.push(`environments ${list(names)}: share one Terraform state (${location}); each needs its own`);
  }
  for (const [subaccountId, names] of groups((e) => e.subaccountId)) {
    const unmarked = environments.filter((e) => names.includes(e.name) && e.sharedSubaccount !== true);
    if (unmarked.length > 0) {
      problems.push(
        `environments ${list(names)}: subaccountId ${JSON.stringify(subaccountId)} is in more than one environment; ` +
          'if that is meant, set "sharedSubaccount": true on each of them',
      );
      continue;
    }
    const sharing = environments.filter((e) => names.includes(e.name));
    for (const [field, value] of [
      ["destinationName", (e: EnvironmentConfig) => e.destinationName ?? "APIManagement"],
      ["serviceInstanceName", (e: EnvironmentConfig) => e.serviceInstanceName ?? "apim-content-transport"],
    ] as const) {
      const seen = new Map<string, string[]>();
      for (const e of sharing) seen.set(value(e), [...(seen.get(value(e)) ?? []), e.name]);
      for (const [name, same] of seen) {
        if (same.length > 1) {
          problems.push(
            `environments ${list(same)}: share subaccount ${subaccountId} and ${field} ${JSON.stringify(name)}; ` +
              "one subaccount cannot hold two of one name",
          );
        }
      }
    }
  }
  return problems;
}

let compiled: { ajv: Ajv; file: ValidateFunction } | undefined;
function validators(): { ajv: Ajv; file: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object, SCHEMA_ID);
    const file = ajv.getSchema(SCHEMA_ID);
    if (!file) throw new Error(`${SCHEMA_FILE} did not compile`);
    compiled = { ajv, file };
  }
  return compiled;
}

/** The document's problems against environments.schema.json, and the environments that have any. */
function schemaProblems(document: unknown): { problems: string[]; broken: Set<string> } {
  const { ajv, file } = validators();
  const problems: string[] = [];
  const broken = new Set<string>();
  const report = (environment: string | undefined, message: string) => {
    if (environment !== undefined) broken.add(environment);
    problems.push(
      environment === undefined ? message : `environment ${JSON.stringify(environment)}: ${message}`,
    );
  };

  file(document);
  for (const error of file.errors ?? []) {
    const [root, environment, ...field] = pointer(error.instancePath);
    if (root === undefined) {
      report(undefined, error.keyword === "additionalProperties" ? describe(error, [], "field") : EMPTY);
    } else if (error.keyword === "pattern" && error.propertyName !== undefined) {
      report(
        error.propertyName,
        'the name must start with a letter and contain only letters, digits, "-" and "_" (at most 63 characters)',
      );
    } else if (error.keyword === "minProperties" || (environment === undefined && error.keyword === "type")) {
      report(undefined, EMPTY);
    } else if (environment !== undefined && field[0] !== "backend" && error.keyword !== "propertyNames") {
      report(environment, describe(error, field, "field"));
    }
  }

  // A backend is checked against the one definition its type picks: the schema's anyOf of all
  // backends would report every other backend's options too.
  const entries = isObject(document) && isObject(document.environments) ? document.environments : {};
  for (const [environment, entry] of Object.entries(entries)) {
    if (!isObject(entry) || entry.backend === undefined) continue;
    const backend = entry.backend;
    const type = isObject(backend) ? backend.type : undefined;
    if (!isObject(backend)) {
      report(environment, `backend ${show(backend)} must be an object`);
    } else if (typeof type !== "string" || !Object.hasOwn(BACKEND_DEFINITIONS, type)) {
      report(
        environment,
        `backend.type ${show(type)} is not a supported backend (supported: ${Object.keys(BACKEND_DEFINITIONS).join(", ")})`,
      );
    } else {
      const check = ajv.getSchema(
        `${SCHEMA_ID}#/definitions/${BACKEND_DEFINITIONS[type as BackendConfig["type"]]}`,
      );
      if (check && !check(backend)) {
        for (const error of check.errors ?? []) {
          report(
            environment,
            describe(
              error,
              ["backend", ...pointer(error.instancePath)],
              `option of the ${type} backend`,
              type,
            ),
          );
        }
      }
    }
  }
  return { problems, broken };
}

function pointer(instancePath: string): string[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** One schema error as a sentence that names the field and its value. */
function describe(error: ErrorObject, path: readonly string[], what: string, backendType?: string): string {
  const field = path.join(".");
  const value = show(error.data);
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(error.params.additionalProperty);
      const full = field === "" ? name : `${field}.${name}`;
      const secret = backendType && secretOptionTarget(backendType, [...path.slice(1), name].join("."));
      if (secret) {
        return `${full} must not be in the configuration: it holds a secret; set it through ${secret} instead`;
      }
      const known = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const nearest = nearestName(name, known);
      return `${full} is not a known ${what}${nearest ? ` (did you mean ${JSON.stringify(nearest)}?)` : ` (known: ${known.join(", ")})`}`;
    }
    case "required": {
      const name = String(error.params.missingProperty);
      return `${field === "" ? name : `${field}.${name}`} is required${backendType ? ` for the ${backendType} backend` : ""}`;
    }
    case "type": {
      const type = String(error.params.type);
      const article =
        type === "integer"
          ? "a whole number"
          : type === "object" || type === "array"
            ? `an ${type}`
            : `a ${type}`;
      return `${field} ${value} must be ${article}`;
    }
    case "const":
      return `${field} ${value} must be ${show(error.params.allowedValue)}`;
    case "enum":
      return `${field} ${value} must be one of ${(error.params.allowedValues as unknown[]).map(show).join(", ")}`;
    case "minimum":
    case "maximum":
      return `${field} ${value} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(error.params.limit)}`;
    default:
      return `${field} ${value} ${error.message ?? "is invalid"}`;
  }
}

/** A value as an error message shows it: numbers as written, long text cut. */
function show(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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

/** Every backend type, for messages and tests. */
export const BACKEND_TYPES = Object.keys(BACKEND_SECRETS) as ReadonlyArray<BackendConfig["type"]>;
