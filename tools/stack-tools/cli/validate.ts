/**
 * `npm run validate [-- DIR]`: checks every stack of a synth output folder (default cdktf.out)
 * against the committed SAP/btp schema snapshot: an offline reading of `terraform validate`, for
 * reviewers without Terraform. Exit 1 with one line per finding, 0 with a one-line count, 2 when
 * the folder cannot be read.
 */
import { loadBtpSchema } from "../src/provider-schema";
import { readStackModels } from "../src/stack-model";
import { validateStacks } from "../src/stack-validator";
import { readSynthOutput } from "../src/synth-output";
import { readCommandLine } from "../src/command-line";

const USAGE = "usage: npm run validate [-- DIR]   (DIR: a synth output folder, default cdktf.out)";

async function main(): Promise<number> {
  const command = readCommandLine(process.argv.slice(2), {}, USAGE, 1);
  if (!command.ok) return command.exitCode;
  const dir = command.positionals[0] ?? "cdktf.out";
  const stacks = readSynthOutput(dir);
  const findings = await validateStacks(stacks, loadBtpSchema());
  for (const f of findings) {
    console.log(`${f.stack}: ${f.address}${f.attribute ? ` ${f.attribute}` : ""}: ${f.message}`);
  }
  const blocks = (await readStackModels(stacks))
    .flatMap((model) => model.blocks)
    .filter(
      (block) => (block.kind === "resource" || block.kind === "data") && block.scope === undefined,
    ).length;
  const summary = `${Object.keys(stacks).length} stacks, ${blocks} resources and data sources`;
  if (findings.length > 0) {
    console.error(`validate: ${findings.length} finding${findings.length === 1 ? "" : "s"} in ${summary}`);
    return 1;
  }
  console.log(`validate: no findings in ${summary} (${dir})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`validate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
