/**
 * `npm run validate [-- DIR]`: real `terraform validate` on every stack of a synth output folder
 * (default cdktf.out). Each stack, without its backend, is initialised with `-backend=false`
 * (providers from the registry, or the mirror of TF_CLI_CONFIG_FILE) and validated; Terraform's
 * diagnostics are printed as they are. There is no answer without Terraform: only it knows what it
 * accepts.
 *
 * Exit 1 with one line per finding, 0 with a one-line count, 2 when Terraform is missing, the folder
 * cannot be read or Terraform cannot install the providers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCommandLine } from "../src/command-line";
import { readStackModels } from "../src/stack-model";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import { terraformBinary } from "../src/terraform-cli";
import { diagnosticLine, terraformValidate } from "../src/terraform-validate";

const USAGE =
  "usage: npm run validate [-- DIR]   (DIR: a synth output folder, default cdktf.out; needs Terraform)";

async function summary(stacks: Record<string, SynthesizedStack>): Promise<string> {
  const blocks = (await readStackModels(stacks))
    .flatMap((model) => model.blocks)
    .filter(
      (block) => (block.kind === "resource" || block.kind === "data") && block.scope === undefined,
    ).length;
  return `${Object.keys(stacks).length} stacks, ${blocks} resources and data sources`;
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
      if (result.initError !== undefined) {
        console.error(
          `${name}: terraform init could not install the providers:\n${result.initError.trim()}\n` +
            "Where the registry is out of reach, point TF_CLI_CONFIG_FILE at a mirror (docs/operations.md, " +
            '"Deploying from a mirror").',
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

async function main(args: readonly string[]): Promise<number> {
  const command = readCommandLine<Record<string, never>>(args, {}, USAGE, 1);
  if (!command.ok) return command.exitCode;
  const dir = command.positionals[0] ?? "cdktf.out";
  // A wrong folder is said first, whether or not Terraform is installed.
  const stacks = readSynthOutput(dir);
  let binary: string;
  try {
    binary = terraformBinary().binary;
  } catch (err) {
    console.error(
      `validate needs Terraform to run \`terraform validate\` on each stack: ${(err as Error).message}`,
    );
    return 2;
  }
  return withTerraform(binary, stacks, dir);
}

/** The command with `args`: its exit code, a problem said on stderr in one line (exit 2). */
export async function validate(args: readonly string[]): Promise<number> {
  try {
    return await main(args);
  } catch (err) {
    console.error(`validate: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

// Run as a command; a test imports `validate` and also runs it inside Jest.
if (require.main === module) void validate(process.argv.slice(2)).then((code) => process.exit(code));
