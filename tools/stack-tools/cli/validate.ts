/**
 * `npm run validate [-- DIR] [--offline]`: validates every stack of a synth output folder (default
 * cdktf.out).
 *
 * Real `terraform validate` is the judge: each stack, without its backend, is initialised with
 * `-backend=false` (providers from the registry, or the mirror of TF_CLI_CONFIG_FILE) and validated;
 * Terraform's diagnostics are printed as they are. Only where no Terraform is found, or with
 * `--offline`, the offline reading against the committed SAP/btp schema snapshot answers instead, and
 * says so: it knows the four btp resources, references and the rules Terraform has refused before,
 * not everything Terraform checks (`npm run test:terraform` holds it against Terraform on every stack
 * and every broken fixture).
 *
 * Exit 1 with one line per finding, 0 with a one-line count, 2 when the folder cannot be read or
 * Terraform cannot install the providers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCommandLine } from "../src/command-line";
import { loadBtpSchema } from "../src/provider-schema";
import { readStackModels } from "../src/stack-model";
import { validateStacks } from "../src/stack-validator";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import { terraformBinary } from "../src/terraform-cli";
import { diagnosticLine, terraformValidate } from "../src/terraform-validate";

const USAGE = `usage: npm run validate [-- DIR] [--offline]   (DIR: a synth output folder, default cdktf.out)

  --offline  the offline reading against the schema snapshot instead of terraform validate`;

async function summary(stacks: Record<string, SynthesizedStack>): Promise<string> {
  const blocks = (await readStackModels(stacks))
    .flatMap((model) => model.blocks)
    .filter(
      (block) => (block.kind === "resource" || block.kind === "data") && block.scope === undefined,
    ).length;
  return `${Object.keys(stacks).length} stacks, ${blocks} resources and data sources`;
}

async function offline(stacks: Record<string, SynthesizedStack>, dir: string): Promise<number> {
  const findings = await validateStacks(stacks, loadBtpSchema());
  for (const f of findings) {
    console.log(`${f.stack}: ${f.address}${f.attribute ? ` ${f.attribute}` : ""}: ${f.message}`);
  }
  const counted = await summary(stacks);
  if (findings.length > 0) {
    console.error(
      `validate (offline): ${findings.length} finding${findings.length === 1 ? "" : "s"} in ${counted}`,
    );
    return 1;
  }
  console.log(`validate (offline): no findings in ${counted} (${dir})`);
  return 0;
}

async function withTerraform(
  binary: string,
  stacks: Record<string, SynthesizedStack>,
  dir: string,
): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), "apim-validate-"));
  try {
    let errors = 0;
    for (const [name, stack] of Object.entries(stacks)) {
      const result = await terraformValidate(binary, join(work, name), stack);
      if ("initError" in result && result.initError !== undefined) {
        console.error(
          `${name}: terraform init could not install the providers:\n${result.initError.trim()}\n` +
            "Where the registry is out of reach, point TF_CLI_CONFIG_FILE at a mirror (docs/operations.md, " +
            '"Deploying from a mirror"), or use --offline.',
        );
        return 2;
      }
      for (const diagnostic of result.diagnostics) console.log(diagnosticLine(name, diagnostic));
      errors += result.diagnostics.filter((d) => d.severity === "error").length;
    }
    const counted = await summary(stacks);
    if (errors > 0) {
      console.error(`validate (terraform validate): ${errors} error${errors === 1 ? "" : "s"} in ${counted}`);
      return 1;
    }
    console.log(`validate (terraform validate): no errors in ${counted} (${dir})`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const command = readCommandLine<{ offline: boolean }>(
    process.argv.slice(2),
    { offline: { type: "boolean", default: false } },
    USAGE,
    1,
  );
  if (!command.ok) return command.exitCode;
  const dir = command.positionals[0] ?? "cdktf.out";
  const stacks = readSynthOutput(dir);
  if (command.values.offline) return offline(stacks, dir);
  let binary: string;
  try {
    binary = terraformBinary().binary;
  } catch (err) {
    console.error(
      `${(err as Error).message}\nvalidate: no Terraform, so the offline reading answers instead`,
    );
    return offline(stacks, dir);
  }
  return withTerraform(binary, stacks, dir);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`validate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
