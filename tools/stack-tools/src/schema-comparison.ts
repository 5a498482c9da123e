/**
 * The committed provider schema snapshot held against the real provider's schema, both in the
 * format of `terraform providers schema -json`: every block of the snapshot must be in the real
 * schema with the same attributes, types, required/optional/computed, sensitive and nested blocks.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SchemaAttribute, SchemaBlock, SchemaFile } from "./provider-schema";

/** Where the real schemas are: APIM_PROVIDER_SCHEMAS, else `../shared/provider-schemas` beside the project. */
export function realSchemasDir(): string {
  return process.env.APIM_PROVIDER_SCHEMAS ?? resolve(__dirname, "../../../../shared/provider-schemas");
}

/** The real schema file of `<namespace>-<type>-<version>.json`, or undefined where the folder lacks it. */
export function realSchemaFile(name: string): string | undefined {
  const file = join(realSchemasDir(), name);
  return existsSync(file) ? file : undefined;
}

/** The properties of an attribute that change what Terraform accepts or hides. */
const COMPARED = ["required", "optional", "computed", "sensitive"] as const;

function attributeDifferences(path: string, ours: SchemaAttribute, real: SchemaAttribute): string[] {
  const differences: string[] = [];
  for (const property of COMPARED) {
    if ((ours[property] ?? false) !== (real[property] ?? false)) {
      differences.push(
        `${path}: ${property} is ${ours[property] ?? false} in the snapshot, ${real[property] ?? false} in the real schema`,
      );
    }
  }
  if (JSON.stringify(ours.type) !== JSON.stringify(real.type)) {
    differences.push(
      `${path}: type is ${JSON.stringify(ours.type)} in the snapshot, ${JSON.stringify(real.type)} in the real schema`,
    );
  }
  if (ours.nested_type || real.nested_type) {
    if (ours.nested_type?.nesting_mode !== real.nested_type?.nesting_mode) {
      differences.push(
        `${path}: nesting is ${ours.nested_type?.nesting_mode ?? "none"} in the snapshot, ${real.nested_type?.nesting_mode ?? "none"} in the real schema`,
      );
    }
    differences.push(
      ...attributesDifferences(path, ours.nested_type?.attributes ?? {}, real.nested_type?.attributes ?? {}),
    );
  }
  return differences;
}

function attributesDifferences(
  path: string,
  ours: Record<string, SchemaAttribute>,
  real: Record<string, SchemaAttribute>,
): string[] {
  const names = [...new Set([...Object.keys(ours), ...Object.keys(real)])].sort();
  return names.flatMap((name) => {
    const at = `${path}.${name}`;
    if (!(name in real)) return [`${at}: in the snapshot, not in the real schema`];
    if (!(name in ours)) return [`${at}: in the real schema, not in the snapshot`];
    return attributeDifferences(at, ours[name], real[name]);
  });
}

/** Every difference between two blocks, each naming the attribute or nested block by its path. */
export function blockDifferences(path: string, ours: SchemaBlock, real: SchemaBlock): string[] {
  const differences = attributesDifferences(path, ours.attributes ?? {}, real.attributes ?? {});
  const ourBlocks = ours.block_types ?? {};
  const realBlocks = real.block_types ?? {};
  for (const name of [...new Set([...Object.keys(ourBlocks), ...Object.keys(realBlocks)])].sort()) {
    const at = `${path}.${name}`;
    const [mine, theirs] = [ourBlocks[name], realBlocks[name]];
    if (!theirs) differences.push(`${at}: block in the snapshot, not in the real schema`);
    else if (!mine) differences.push(`${at}: block in the real schema, not in the snapshot`);
    else {
      if (mine.nesting_mode !== theirs.nesting_mode || (mine.min_items ?? 0) !== (theirs.min_items ?? 0)) {
        differences.push(
          `${at}: block nesting ${mine.nesting_mode} (min ${mine.min_items ?? 0}) in the snapshot, ${theirs.nesting_mode} (min ${theirs.min_items ?? 0}) in the real schema`,
        );
      }
      differences.push(...blockDifferences(at, mine.block, theirs.block));
    }
  }
  return differences;
}

/**
 * Every difference between the snapshot `oursFile` and the real schema `realFile`, over the
 * provider block and every resource and data source the snapshot holds (the ones the project uses).
 */
export function snapshotDifferences(oursFile: string, realFile: string): string[] {
  const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as SchemaFile;
  const [ours, real] = [read(oursFile), read(realFile)];
  return Object.entries(ours.provider_schemas).flatMap(([address, mine]) => {
    const theirs = real.provider_schemas[address];
    if (!theirs) return [`${address}: not in ${realFile}`];
    const kinds = [
      ["resource", mine.resource_schemas ?? {}, theirs.resource_schemas ?? {}],
      ["data source", mine.data_source_schemas ?? {}, theirs.data_source_schemas ?? {}],
    ] as const;
    return [
      ...blockDifferences("provider", mine.provider.block, theirs.provider.block),
      ...kinds.flatMap(([kind, snapshot, actual]) =>
        Object.entries(snapshot).flatMap(([type, { block }]) =>
          actual[type]
            ? blockDifferences(kind === "resource" ? type : `data.${type}`, block, actual[type].block)
            : [`${kind} ${type}: in the snapshot, not in the real schema`],
        ),
      ),
    ];
  });
}
