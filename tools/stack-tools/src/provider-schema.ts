/**
 * The committed SAP/btp provider schema snapshot (format of `terraform providers schema -json`) and
 * a check of synthesized blocks against it: the part of `terraform validate` that concerns which
 * attributes a block may, must and must not set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JsonObject as Json, isPlainObject } from "./json";
import { isExpression } from "./references";
import { SynthesizedStack } from "./synth-output";

export interface SchemaAttribute {
  readonly type?: unknown;
  readonly nested_type?: {
    readonly attributes: Record<string, SchemaAttribute>;
    readonly nesting_mode: string;
  };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<
    string,
    { readonly nesting_mode: string; readonly block: SchemaBlock; readonly min_items?: number }
  >;
}

export interface ProviderSchema {
  readonly provider: SchemaBlock;
  readonly resources: Record<string, SchemaBlock>;
  readonly dataSources: Record<string, SchemaBlock>;
}

/** A file in the format of `terraform providers schema -json`. */
export interface SchemaFile {
  readonly provider_schemas: Record<
    string,
    {
      readonly provider: { readonly block: SchemaBlock };
      readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
      readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
    }
  >;
}

export const BTP_SCHEMA_FILE = join(__dirname, "../../../packages/provider-btp/schema/provider-schema.json");

export const CLOUDFOUNDRY_SCHEMA_FILE = join(
  __dirname,
  "../../../packages/provider-cloudfoundry/schema/provider-schema.json",
);

/** Loads the snapshot of provider `address` from `file`. */
export function loadProviderSchema(file: string, address: string): ProviderSchema {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as SchemaFile;
  const provider = parsed.provider_schemas[address];
  const blocks = (
    schemas: Record<string, { readonly block: SchemaBlock }> = {},
  ): Record<string, SchemaBlock> =>
    Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, schema.block]));
  return {
    provider: provider.provider.block,
    resources: blocks(provider.resource_schemas),
    dataSources: blocks(provider.data_source_schemas),
  };
}

/** Loads the snapshot of `registry.terraform.io/sap/btp`. */
export function loadBtpSchema(file = BTP_SCHEMA_FILE): ProviderSchema {
  return loadProviderSchema(file, "registry.terraform.io/sap/btp");
}

/** Both committed snapshots: SAP/btp's and the Cloud Foundry resources'. */
export function loadSnapshotSchemas(): ProviderSchema[] {
  return [
    loadBtpSchema(),
    loadProviderSchema(CLOUDFOUNDRY_SCHEMA_FILE, "registry.terraform.io/cloudfoundry/cloudfoundry"),
  ];
}

/** One thing `terraform validate` would reject. */
export interface Finding {
  readonly stack: string;
  /** Terraform address, e.g. `btp_subaccount_entitlement.x` or `provider.btp`. */
  readonly address: string;
  /** Attribute path inside the block, e.g. `timeouts.create`; empty for the block itself. */
  readonly attribute: string;
  readonly message: string;
}

/** Terraform's meta-arguments, allowed on every resource or data block whatever its schema. */
const META_ARGUMENTS = new Set([
  "count",
  "for_each",
  "depends_on",
  "provider",
  "lifecycle",
  "provisioner",
  "connection",
  "//",
]);

/** Checks every `btp_*` resource, data source and `btp` provider block of a synthesized stack. */
export function checkStackAgainstSchema(
  stack: string,
  synthesized: SynthesizedStack,
  schema: ProviderSchema,
): Finding[] {
  const findings: Finding[] = [];
  const report = (address: string, attribute: string, message: string): void => {
    findings.push({ stack, address, attribute, message });
  };

  const kinds = [
    ["resource", schema.resources, "resource type"],
    ["data", schema.dataSources, "data source"],
  ] as const;
  for (const [section, schemas, what] of kinds) {
    for (const [type, instances] of Object.entries(synthesized[section] ?? {})) {
      if (!type.startsWith("btp_")) continue;
      for (const [name, body] of Object.entries(instances)) {
        const address = `${section === "data" ? "data." : ""}${type}.${name}`;
        const block = schemas[type];
        if (!block) {
          report(address, "", `unknown ${what} ${JSON.stringify(type)} in the SAP/btp schema`);
          continue;
        }
        checkBlock(block, body, "", (attr, msg) => report(address, attr, msg), META_ARGUMENTS);
      }
    }
  }
  for (const config of synthesized.provider?.btp ?? []) {
    checkBlock(
      schema.provider,
      config,
      "",
      (attr, msg) => report("provider.btp", attr, msg),
      new Set(["alias"]),
    );
  }
  return findings;
}

function checkBlock(
  block: SchemaBlock,
  body: Json,
  prefix: string,
  report: (attribute: string, message: string) => void,
  allowed: ReadonlySet<string> = new Set(),
): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  for (const [name, value] of Object.entries(body)) {
    const path = prefix + name;
    const attribute = attributes[name];
    const blockType = blockTypes[name];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        report(path, "is computed by the provider and cannot be set");
      } else if (attribute.nested_type) {
        const nested = attribute.nested_type;
        forEachNested(nested.nesting_mode, value, path, report, (item, itemPath) =>
          checkBlock({ attributes: nested.attributes }, item, itemPath, report),
        );
      } else {
        const problem = literalTypeProblem(value, attribute.type);
        if (problem) report(path, problem);
      }
    } else if (blockType) {
      forEachNested(blockType.nesting_mode, value, path, report, (item, itemPath) =>
        checkBlock(blockType.block, item, itemPath, report),
      );
    } else if (!allowed.has(name)) {
      report(path, "is not an attribute of this block in the SAP/btp schema");
    }
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && body[name] === undefined) {
      report(prefix + name, "is required but not set");
    }
  }
}

/** Visits each object of a nested attribute or block, whatever its nesting mode; a token is opaque. */
function forEachNested(
  mode: string,
  value: unknown,
  path: string,
  report: (attribute: string, message: string) => void,
  visit: (item: Json, path: string) => void,
): void {
  if (typeof value === "string" && isExpression(value)) return; // its shape is only known to Terraform
  const many = mode === "list" || mode === "set";
  if (many ? !Array.isArray(value) : !isPlainObject(value)) {
    report(
      path,
      `must be ${many ? `a ${mode} of objects` : mode === "map" ? "a map of objects" : "an object"}, got ${describe(value)}`,
    );
    return;
  }
  if (many) {
    (value as unknown[]).forEach((item, i) => visit(item as Json, `${path}[${i}].`));
  } else if (mode === "map") {
    for (const [key, item] of Object.entries(value as Json)) visit(item as Json, `${path}.${key}.`);
  } else {
    visit(value as Json, `${path}.`);
  }
}

/**
 * Why a literal value cannot be converted to a schema type, as Terraform's conversion rules go
 * (a number or bool is a fine string, "5" a fine number, "true" a fine bool); undefined when it
 * can, or when it is an expression whose value only Terraform knows.
 */
export function literalTypeProblem(value: unknown, type: unknown): string | undefined {
  if (value === null || value === undefined || type === "dynamic" || type === undefined) return undefined;
  if (typeof value === "string" && isExpression(value)) return undefined;
  const expected = typeName(type);
  const mismatch = `must be ${expected}, got ${describe(value)}`;
  if (type === "string") {
    return ["string", "number", "boolean"].includes(typeof value) ? undefined : mismatch;
  }
  if (type === "number") {
    const ok =
      typeof value === "number" ||
      (typeof value === "string" && value.trim() !== "" && !isNaN(Number(value)));
    return ok ? undefined : mismatch;
  }
  if (type === "bool") {
    return typeof value === "boolean" || value === "true" || value === "false" ? undefined : mismatch;
  }
  if (!Array.isArray(type)) return undefined;
  const [kind, inner] = type as [string, unknown];
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(value)) return mismatch;
    return firstProblem(value.map((item, i) => [`[${i}]`, literalTypeProblem(item, inner)]));
  }
  if (kind === "map") {
    if (!isPlainObject(value)) return mismatch;
    return firstProblem(
      Object.entries(value).map(([key, item]) => [`.${key}`, literalTypeProblem(item, inner)]),
    );
  }
  if (kind === "object") {
    if (!isPlainObject(value)) return mismatch;
    const attributes = inner as Record<string, unknown>;
    const optional = new Set((type as [string, unknown, string[]?])[2] ?? []);
    const unknown = Object.keys(value).find((key) => !(key in attributes));
    if (unknown) return `has no attribute ${JSON.stringify(unknown)} (${expected})`;
    const missing = Object.keys(attributes).find((key) => !(key in value) && !optional.has(key));
    if (missing) return `lacks the attribute ${JSON.stringify(missing)} (${expected})`;
    return firstProblem(
      Object.entries(value).map(([key, item]) => [`.${key}`, literalTypeProblem(item, attributes[key])]),
    );
  }
  return undefined;
}

function firstProblem(problems: Array<[string, string | undefined]>): string | undefined {
  const found = problems.find(([, problem]) => problem !== undefined);
  return found ? `${found[0]} ${found[1]}` : undefined;
}

function typeName(type: unknown): string {
  if (typeof type === "string") return type === "bool" ? "a bool" : `a ${type}`;
  const [kind, inner] = type as [string, unknown];
  if (kind === "object") return `an object {${Object.keys(inner as object).join(", ")}}`;
  return `a ${kind} of ${typeName(inner).replace(/^an? /, "")}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isPlainObject(value)) return "an object";
  return `${typeof value === "boolean" ? "the bool" : `the ${typeof value}`} ${JSON.stringify(value)}`;
}
