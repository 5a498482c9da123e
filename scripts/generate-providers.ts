/**
 * Generates the `@cdktf/provider-btp` and `@cdktf/provider-cloudfoundry` bindings
 * (packages/provider-<name>) from their committed schema snapshots, with the same generator and the
 * same output layout as `cdktf get`.
 *
 * `cdktf get` would fetch the schema by running `terraform providers schema -json` against the
 * registry; neither Terraform nor the registry is reachable where this project is built, so the
 * snapshot stands in for that one step and everything after it is cdktf's own code.
 *
 * Run as a script it generates both with cdktf's generator, each into `src/` of its package.
 * `generateBindings` can also use CDK Terrain's generator (`@cdktn/provider-generator`, whose
 * bindings import `cdktn`) and write elsewhere; `npm run test:cdktn` does so into `.cdktn/`.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ProviderSchema } from "@cdktf/commons";

const root = resolve(__dirname, "..");
/** The providers whose bindings are generated here: no prebuilt package exists on npm for them. */
export const GENERATED_PROVIDERS = {
  btp: { address: "registry.terraform.io/sap/btp", package: "packages/provider-btp" },
  cloudfoundry: {
    address: "registry.terraform.io/cloudfoundry/cloudfoundry",
    package: "packages/provider-cloudfoundry",
  },
} as const;

export type GeneratedProvider = keyof typeof GENERATED_PROVIDERS;

/** The generator packages this script can drive; they share one API. */
export type BindingsGenerator = "@cdktf/provider-generator" | "@cdktn/provider-generator";

export interface GenerateBindingsOptions {
  /** Default `@cdktf/provider-generator`. */
  readonly generator?: BindingsGenerator;
  /** The folder that gets `providers/<name>/`, as `codeMakerOutput`; default the package's `src/`. */
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

// The two packages are loaded on demand, so a plain `generate:providers` never loads CDK Terrain. Their
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

/** Generates the bindings of `name` into `<outdir>/providers/<name>` and returns that folder. */
export async function generateBindings(
  name: GeneratedProvider,
  options: GenerateBindingsOptions = {},
): Promise<string> {
  const { address, package: packageDir } = GENERATED_PROVIDERS[name];
  const toolkit = await TOOLKITS[options.generator ?? "@cdktf/provider-generator"]();
  const cdktfJson = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as CdktfJson;
  // cdktf.json names the provider as `<namespace>/<type>`, without the registry.
  const source = address.replace("registry.terraform.io/", "");
  const spec = cdktfJson.terraformProviders.find((p) => p.split("@")[0].toLowerCase() === source);
  if (!spec) {
    throw new Error(`cdktf.json: terraformProviders has no "${source}@<version>" entry`);
  }
  const constraint = toolkit.constraint(spec);
  if (!constraint.version || !/^\d+\.\d+\.\d+$/.test(constraint.version)) {
    throw new Error(`cdktf.json: "${spec}" must pin an exact version, e.g. "sap/btp@1.25.0"`);
  }

  const schemaFile = join(root, packageDir, "schema/provider-schema.json");
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as ProviderSchema;
  const fqpns = Object.keys(schema.provider_schemas ?? {});
  if (fqpns.length !== 1 || fqpns[0] !== address) {
    throw new Error(`${schemaFile}: expected exactly the provider ${address}`);
  }
  // `terraform version -json` would report the installed version; the snapshot is of exactly the
  // pinned version, so the constraint is that version.
  const pinned: ProviderSchema = {
    ...schema,
    provider_versions: { [fqpns[0]]: constraint.version },
  };

  const outdir = resolve(root, options.outdir ?? join(packageDir, "src"));
  const providerDir = join(outdir, "providers", constraint.name);
  rmSync(providerDir, { recursive: true, force: true });
  await toolkit.generate(spec, pinned, outdir);
  console.log(`generated ${constraint.source}@${constraint.version} bindings in ${outdir}`);
  return providerDir;
}

if (require.main === module) {
  (async () => {
    for (const name of Object.keys(GENERATED_PROVIDERS) as GeneratedProvider[]) await generateBindings(name);
  })().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
