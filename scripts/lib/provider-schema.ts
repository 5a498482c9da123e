/**
 * The committed SAP/btp provider schema snapshot (format of `terraform providers schema -json`) and
 * a check of synthesized blocks against it: the part of `terraform validate` that concerns which
 * attributes a block may, must and must not set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

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

interface SchemaFile {
  readonly provider_schemas: Record<
    string,
    {
      readonly provider: { readonly block: SchemaBlock };
      readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
      readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
    }
  >;
}

export const BTP_SCHEMA_FILE = join(__dirname, "../../packages/provider-btp/schema/provider-schema.json");

/** Loads the snapshot of `registry.terraform.io/sap/btp`. */
export function loadBtpSchema(file = BTP_SCHEMA_FILE): ProviderSchema {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as SchemaFile;
  const btp = parsed.provider_schemas["registry.terraform.io/sap/btp"];
  const blocks = (
    schemas: Record<string, { readonly block: SchemaBlock }> = {},
  ): Record<string, SchemaBlock> =>
    Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, schema.block]));
  return {
    provider: btp.provider.block,
    resources: blocks(btp.resource_schemas),
    dataSources: blocks(btp.data_source_schemas),
  };
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

type Json = Record<string, unknown>;

/** Checks every `btp_*` resource, data source and `btp` provider block of a synthesized stack. */
export function checkStackAgainstSchema(stack: string, synthesized: Json, schema: ProviderSchema): Finding[] {
  const findings: Finding[] = [];
  const report = (address: string, attribute: string, message: string): void => {
    findings.push({ stack, address, attribute, message });
  };

  const kinds: Array<[string, Record<string, SchemaBlock>, string]> = [
    ["resource", schema.resources, "resource type"],
    ["data", schema.dataSources, "data source"],
  ];
  for (const [section, schemas, what] of kinds) {
    for (const [type, instances] of Object.entries((synthesized[section] ?? {}) as Json)) {
      if (!type.startsWith("btp_")) continue;
      for (const [name, body] of Object.entries(instances as Json)) {
        const address = `${section === "data" ? "data." : ""}${type}.${name}`;
        const block = schemas[type];
        if (!block) {
          report(address, "", `unknown ${what} ${JSON.stringify(type)} in the SAP/btp schema`);
          continue;
        }
        checkBlock(block, body as Json, "", (attr, msg) => report(address, attr, msg), META_ARGUMENTS);
      }
    }
  }
  const providers = ((synthesized.provider ?? {}) as Json).btp as Json[] | undefined;
  for (const config of providers ?? []) {
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
        forEachNested(nested.nesting_mode, value, path, (item, itemPath) =>
          checkBlock({ attributes: nested.attributes }, item, itemPath, report),
        );
      }
    } else if (blockType) {
      forEachNested(blockType.nesting_mode, value, path, (item, itemPath) =>
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
  visit: (item: Json, path: string) => void,
): void {
  if (typeof value === "string") return; // an expression: its shape is only known to Terraform
  if (mode === "single" || mode === "group") {
    visit(value as Json, `${path}.`);
  } else if (mode === "map") {
    for (const [key, item] of Object.entries(value as Json)) visit(item as Json, `${path}.${key}.`);
  } else {
    (value as Json[]).forEach((item, i) => visit(item, `${path}[${i}].`));
  }
}
