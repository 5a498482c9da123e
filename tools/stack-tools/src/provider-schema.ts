/**
 * The committed provider schema snapshots (format of `terraform providers schema -json`), read where
 * no provider binary is at hand: the review takes from them which attributes are sensitive, the
 * generated `terraform test` files which ones need made-up computed values.
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
  readonly description?: string;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<
    string,
    { readonly nesting_mode: string; readonly block: SchemaBlock; readonly min_items?: number }
  >;
}

export interface ProviderSchema {
  /** The provider's local name in a configuration, e.g. `btp`, `cloudfoundry`. */
  readonly name: string;
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
    name: address.split("/").pop() ?? address,
    provider: provider.provider.block,
    resources: blocks(provider.resource_schemas),
    dataSources: blocks(provider.data_source_schemas),
  };
}

/** Loads the snapshot of `registry.terraform.io/sap/btp`. */
export function loadBtpSchema(file = BTP_SCHEMA_FILE): ProviderSchema {
  return loadProviderSchema(file, "registry.terraform.io/sap/btp");
}

let snapshots: ProviderSchema[] | undefined;

/** Both committed snapshots, SAP/btp's and the Cloud Foundry resources', read once per process. */
export function loadSnapshotSchemas(): readonly ProviderSchema[] {
  snapshots ??= [
    loadBtpSchema(),
    loadProviderSchema(CLOUDFOUNDRY_SCHEMA_FILE, "registry.terraform.io/cloudfoundry/cloudfoundry"),
  ];
  return snapshots;
}
