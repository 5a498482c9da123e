/**
 * Generates the `@cdktf/provider-btp` bindings (packages/provider-btp) from the committed schema
 * snapshot, with the same generator and the same output layout as `cdktf get`.
 *
 * `cdktf get` would fetch the schema by running `terraform providers schema -json` against the
 * registry; neither Terraform nor the registry is reachable where this project is built, so the
 * snapshot stands in for that one step and everything after it is cdktf's own code.
 *
 * Run as a script it generates with cdktf's generator into cdktf.json's `codeMakerOutput`.
 * `generateBtpBindings` can also use CDK Terrain's generator (`@cdktn/provider-generator`, whose
 * bindings import `cdktn`) and write elsewhere; `npm run test:cdktn` does so into `.cdktn/`.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ProviderSchema } from "@cdktf/commons";

const root = resolve(__dirname, "..");
const SCHEMA_FILE = join(root, "packages/provider-btp/schema/provider-schema.json");

/** The generator packages this script can drive; they share one API. */
export type BindingsGenerator = "@cdktf/provider-generator" | "@cdktn/provider-generator";

export interface GenerateBtpBindingsOptions {
  /** Default `@cdktf/provider-generator`. */
  readonly generator?: BindingsGenerator;
  /** The folder that gets `providers/btp/`, as `codeMakerOutput`; default cdktf.json's `codeMakerOutput`. */
  readonly outdir?: string;
}

interface CdktfJson {
  readonly codeMakerOutput: string;
  readonly terraformProviders: readonly string[];
}

interface ProviderConstraint {
  readonly name: string;
  readonly source: string;
  readonly version?: string;
}

/** What this script needs of a generator package and its commons package. */
interface GeneratorToolkit {
  /** Parses a cdktf.json provider entry such as "sap/btp@1.25.0". */
  constraint(spec: string): ProviderConstraint;
  /** Writes the TypeScript bindings of provider `spec` from `schema` into `outdir`. */
  generate(spec: string, schema: ProviderSchema, outdir: string): Promise<void>;
}

// The two packages are loaded on demand, so a plain `generate:btp` never loads CDK Terrain. Their
// classes are nominally distinct types, hence one adapter per package with the same body.
const TOOLKITS: Record<BindingsGenerator, () => Promise<GeneratorToolkit>> = {
  "@cdktf/provider-generator": async () => {
    const commons = await import("@cdktf/commons");
    const gen = await import("@cdktf/provider-generator");
    return {
      constraint: (spec) => new gen.TerraformProviderConstraint(spec),
      generate: async (spec, schema, outdir) => {
        const generator = new gen.TerraformProviderGenerator(new gen.CodeMaker(), schema);
        const constraint = new gen.TerraformProviderConstraint(spec);
        generator.generate(
          new commons.ConstructsMakerProviderTarget(constraint, commons.Language.TYPESCRIPT),
        );
        await generator.save(outdir);
      },
    };
  },
  "@cdktn/provider-generator": async () => {
    const commons = await import("@cdktn/commons");
    const gen = await import("@cdktn/provider-generator");
    return {
      constraint: (spec) => new gen.TerraformProviderConstraint(spec),
      generate: async (spec, schema, outdir) => {
        const generator = new gen.TerraformProviderGenerator(new gen.CodeMaker(), schema);
        const constraint = new gen.TerraformProviderConstraint(spec);
        generator.generate(
          new commons.ConstructsMakerProviderTarget(constraint, commons.Language.TYPESCRIPT),
        );
        await generator.save(outdir);
      },
    };
  },
};

/** Generates the btp bindings into `<outdir>/providers/btp` and returns that folder. */
export async function generateBtpBindings(options: GenerateBtpBindingsOptions = {}): Promise<string> {
  const toolkit = await TOOLKITS[options.generator ?? "@cdktf/provider-generator"]();
  const cdktfJson = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as CdktfJson;
  const btp = cdktfJson.terraformProviders.find((p) => /^sap\/btp@/i.test(p));
  if (!btp) {
    throw new Error('cdktf.json: terraformProviders has no "sap/btp@<version>" entry');
  }
  const constraint = toolkit.constraint(btp);
  if (!constraint.version || !/^\d+\.\d+\.\d+$/.test(constraint.version)) {
    throw new Error(`cdktf.json: "${btp}" must pin an exact version, e.g. "sap/btp@1.25.0"`);
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

  const outdir = resolve(root, options.outdir ?? cdktfJson.codeMakerOutput);
  const providerDir = join(outdir, "providers", constraint.name);
  rmSync(providerDir, { recursive: true, force: true });
  await toolkit.generate(btp, pinned, outdir);
  console.log(`generated ${constraint.source}@${constraint.version} bindings in ${outdir}`);
  return providerDir;
}

if (require.main === module) {
  generateBtpBindings().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
