/**
 * An environments document against environments.schema.json (ajv), each problem as a sentence that
 * names the environment, the field and the value, with the nearest known name for a typo and the
 * environment variable for a secret backend option.
 */
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { secretOptionTarget } from "./backend";
import { BackendEntry } from "./environments-file";
import { ConfigError } from "./config-error";
import { isObject } from "./json-document";
import { NameRules } from "btp-apim-transport-destination";

/** The schema's `$id`, under which the validators are compiled. */
export const SCHEMA_ID = "environments.schema.json";

/** The options the validators are compiled with (by `npm run schema`). */
export const VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

/** The schema definition of each backend type's options. */
export const BACKEND_DEFINITIONS: Readonly<Record<BackendEntry["type"], string>> = {
  local: "LocalBackendEntry",
  s3: "S3BackendEntry",
  azurerm: "AzurermBackendEntry",
  gcs: "GcsBackendEntry",
  remote: "RemoteBackendEntry",
};
/** What a document without environments is told. */
export const EMPTY =
  'expected {"environments": {"<name>": {...}}} with at least one environment, or {"landscapes": {"<name>": {...}}} with at least one landscape';

/** The precompiled validators: `file` for the document, one per backend definition. */
type Validators = Readonly<Record<string, ValidateFunction>>;

let validators: Validators | undefined;
function loadValidators(): Validators {
  if (!validators) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated CommonJS, loaded when first needed
      validators = require("./environments-schema-validators.js") as Validators;
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new ConfigError(join(__dirname, "environments-schema-validators.js"), [
        `cannot be loaded (${why}): \`npm ci\` generates it, \`npm run schema\` writes it anew`,
      ]);
    }
  }
  return validators;
}

/** The file's sections of named stacks, each entry labelled by its kind in messages. */
const SECTIONS = { environments: "environment", landscapes: "landscape" } as const;

/** A section's problems against the schema, and the names of its entries that have any. */
export interface SectionProblems {
  readonly problems: string[];
  readonly broken: ReadonlySet<string>;
}

/** The document's problems against environments.schema.json, section by section. */
export function schemaProblems(document: unknown): Record<keyof typeof SECTIONS, SectionProblems> {
  const compiled = loadValidators();
  const { file } = compiled;
  // Each section's problems apart, so the environments' loader and the landscapes' each report theirs.
  const problems = { environments: [] as string[], landscapes: [] as string[] };
  const broken = { environments: new Set<string>(), landscapes: new Set<string>() };
  const report = (section: keyof typeof SECTIONS, name: string | undefined, message: string) => {
    if (name !== undefined) broken[section].add(name);
    // A missing section is said by several schema errors (each anyOf branch): once is enough.
    if (message === EMPTY && problems[section].includes(EMPTY)) return;
    problems[section].push(
      name === undefined ? message : `${SECTIONS[section]} ${JSON.stringify(name)}: ${message}`,
    );
  };

  file(document);
  // A value that matches none of a field's forms (anyOf) is said once, by the forms' description:
  // each form's own complaints about it would contradict one another.
  const unmatched = (file.errors ?? []).filter((e) => e.keyword === "anyOf").map((e) => e.instancePath);
  const underUnmatched = (error: ErrorObject) =>
    error.keyword !== "anyOf" &&
    unmatched.some((at) => error.instancePath === at || error.instancePath.startsWith(`${at}/`));
  for (const error of file.errors ?? []) {
    if (underUnmatched(error)) continue;
    const [root, name, ...field] = pointer(error.instancePath);
    const section = root === "landscapes" ? "landscapes" : "environments";
    if (root === undefined) {
      report(
        section,
        undefined,
        error.keyword === "additionalProperties" ? describe(error, [], "field") : EMPTY,
      );
    } else if (error.keyword === "pattern" && error.propertyName !== undefined) {
      report(
        section,
        error.propertyName,
        'the name must start with a letter and contain only letters, digits, "-" and "_" (at most 63 characters)',
      );
    } else if (error.keyword === "minProperties" || (name === undefined && error.keyword === "type")) {
      report(
        section,
        undefined,
        section === "environments" ? EMPTY : `landscapes ${show(error.data)} must be an object`,
      );
    } else if (name !== undefined && field[0] !== "backend" && error.keyword !== "propertyNames") {
      report(section, name, describe(error, field, "field"));
    }
  }

  // A backend is checked against the one definition its type picks: the schema's anyOf of all
  // backends would report every other backend's options too.
  for (const section of Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>) {
    const entries = isObject(document) && isObject(document[section]) ? document[section] : {};
    for (const [name, entry] of Object.entries(entries)) {
      if (!isObject(entry) || entry.backend === undefined) continue;
      const backend = entry.backend;
      const type = isObject(backend) ? backend.type : undefined;
      if (!isObject(backend)) {
        report(section, name, `backend ${show(backend)} must be an object`);
      } else if (typeof type !== "string" || !Object.hasOwn(BACKEND_DEFINITIONS, type)) {
        report(
          section,
          name,
          `backend.type ${show(type)} is not a supported backend (supported: ${Object.keys(BACKEND_DEFINITIONS).join(", ")})`,
        );
      } else {
        const check = compiled[BACKEND_DEFINITIONS[type as BackendEntry["type"]]];
        if (check && !check(backend)) {
          for (const error of check.errors ?? []) {
            report(
              section,
              name,
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
  }
  return {
    environments: { problems: problems.environments, broken: broken.environments },
    landscapes: { problems: problems.landscapes, broken: broken.landscapes },
  };
}

function pointer(instancePath: string): string[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A field path as the messages write it: `stages[1].nodeName` (names in this file start with a letter, indices never). */
function fieldPath(path: readonly string[]): string {
  return path.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text === "" ? part : `${text}.${part}`),
    "",
  );
}

/** One schema error as a sentence that names the field and its value. */
function describe(error: ErrorObject, path: readonly string[], what: string, backendType?: string): string {
  const field = fieldPath(path);
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
      const nearest = NameRules.nearest(name, known);
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
    case "anyOf": {
      const forms = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${field} ${value} is none of the forms it may take${forms ? `: ${forms}` : ""}`;
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
