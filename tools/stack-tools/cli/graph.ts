/**
 * `npm run graph [-- DIR]`: each stack's resources and the references between them, as Markdown
 * with one Mermaid flowchart per stack. Without DIR it synthesizes the app as `npm run synth` would
 * (APIM_CONFIG and APIM_ENVIRONMENTS included) in-process into a temporary folder, so it needs
 * neither `npm run synth` nor a Terraform binary. `npm run graph -- --update-readme` rewrites the diagram in README.md between
 * its graph markers, drawn from readmeExampleStacks (one environment with the default settings); a test
 * fails when that diagram is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { selectedConfiguration } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import { graphsMarkdown, readmeSection, replaceReadmeSection, stacksMermaid } from "../src/stack-graph";
import { readSynthOutput } from "../src/synth-output";
import { readmeExampleStacks, synthesizeStacks } from "../src/synthesize";

const ROOT = join(__dirname, "../../..");
const USAGE =
  "usage: npm run graph [-- DIR | -- --update-readme]   (no DIR: the app of APIM_CONFIG and APIM_ENVIRONMENTS)";

async function main(args: string[]): Promise<number> {
  const command = readCommandLine<{ "update-readme": boolean }>(
    args,
    { "update-readme": { type: "boolean", default: false } },
    USAGE,
    1,
  );
  if (!command.ok) return command.exitCode;
  const updateReadme = command.values["update-readme"];
  const [dir] = command.positionals;
  // The README shows its own example; drawing anything else into it would make it lie.
  if (updateReadme && dir !== undefined) {
    console.error(`--update-readme draws the README's example environment only: no DIR\n${USAGE}`);
    return 2;
  }

  const stacks = updateReadme
    ? readmeExampleStacks()
    : dir !== undefined
      ? readSynthOutput(dir)
      : synthesizeStacks(selectedConfiguration());
  const graphs = await stacksMermaid(stacks);
  if (!updateReadme) {
    process.stdout.write(graphsMarkdown(graphs));
    return 0;
  }
  const file = join(ROOT, "README.md");
  const readme = readFileSync(file, "utf8");
  const updated = replaceReadmeSection(readme, readmeSection(graphs));
  if (updated === readme) {
    console.log("graph: README.md's resource graph is up to date");
  } else {
    writeFileSync(file, updated);
    console.log("graph: README.md's resource graph updated");
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`graph: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
