/**
 * Generates the `@cdktf/provider-btp` bindings (packages/provider-btp) from the committed schema
 * snapshot, with the same generator and the same output layout as `cdktf get`.
 *
 * `cdktf get` would fetch the schema by running `terraform providers schema -json` against the
 * registry; neither Terraform nor the registry is reachable where this project is built, so the
 * snapshot stands in for that one step and everything after it is cdktf's own code.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConstructsMakerProviderTarget, Language, ProviderSchema } from "@cdktf/commons";
import {
  CodeMaker,
  TerraformProviderConstraint,
  TerraformProviderGenerator,
} from "@cdktf/provider-generator";

const root = resolve(__dirname, "..");
const SCHEMA_FILE = join(root, "packages/provider-btp/schema/provider-schema.json");

interface CdktfJson {
  readonly codeMakerOutput: string;
  readonly terraformProviders: readonly string[];
}

async function main(): Promise<void> {
  const cdktfJson = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as CdktfJson;
  const btp = cdktfJson.terraformProviders.find((p) => /^sap\/btp@/i.test(p));
  if (!btp) {
    throw new Error('cdktf.json: terraformProviders has no "SAP/btp@<version>" entry');
  }
  const constraint = new TerraformProviderConstraint(btp);
  if (!constraint.version || !/^\d+\.\d+\.\d+$/.test(constraint.version)) {
    throw new Error(`cdktf.json: "${btp}" must pin an exact version, e.g. "SAP/btp@1.25.0"`);
  }

  const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as ProviderSchema;
  const fqpns = Object.keys(schema.provider_schemas ?? {});
  if (fqpns.length !== 1 || fqpns[0] !== "registry.terraform.io/sap/btp") {
    throw new Error(`${SCHEMA_FILE}: expected exactly the provider registry.terraform.io/sap/btp`);
  }
  // `terraform version -json` would report the installed version; the snapshot is of exactly the
  // pinned version, so the constraint is that version.
  const pinned: ProviderSchema = {
    ...schema,
    provider_versions: { [fqpns[0]]: constraint.version },
  };

  const outdir = join(root, cdktfJson.codeMakerOutput);
  rmSync(join(outdir, "providers", constraint.name), { recursive: true, force: true });
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, pinned);
  generator.generate(new ConstructsMakerProviderTarget(constraint, Language.TYPESCRIPT));
  await generator.save(outdir);
  console.log(`generated ${constraint.source}@${constraint.version} bindings in ${outdir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
