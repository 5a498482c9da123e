/**
 * `npm run validate [-- DIR]`: checks every stack of a synth output folder (default cdktf.out)
 * against the committed SAP/btp schema snapshot, as `terraform validate` would, without Terraform.
 * Exit 1 with one line per finding, or 0 with a one-line count.
 */
import { loadBtpSchema } from "./lib/provider-schema";
import { validateStacks } from "./lib/stack-validator";
import { readSynthOutput } from "./lib/synth-output";

async function main(): Promise<number> {
  const dir = process.argv[2] ?? "cdktf.out";
  const stacks = readSynthOutput(dir);
  const findings = await validateStacks(stacks, loadBtpSchema());
  for (const f of findings) {
    console.log(`${f.stack}: ${f.address}${f.attribute ? ` ${f.attribute}` : ""}: ${f.message}`);
  }
  const blocks = Object.values(stacks)
    .flatMap((stack) => [stack.resource, stack.data])
    .flatMap((section) => Object.values(section ?? {}))
    .reduce((n, byName) => n + Object.keys(byName).length, 0);
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
