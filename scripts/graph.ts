/**
 * `npm run graph [-- DIR]`: each stack's resources and the references between them, as Markdown
 * with one Mermaid flowchart per stack. Without DIR it synthesizes the default app
 * (environments.json) in-process into a temporary folder, so it needs neither `npm run synth` nor a
 * Terraform binary. `npm run graph -- --update-readme` rewrites the diagram in README.md between
 * its graph markers; a test fails when that diagram is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadEnvironments } from "../stacks";
import { graphsMarkdown, readmeSection, replaceReadmeSection, stacksMermaid } from "./lib/stack-graph";
import { readSynthOutput } from "./lib/synth-output";
import { synthesizeStacks } from "./lib/synthesize";

const ROOT = join(__dirname, "..");
const USAGE = "usage: npm run graph [-- DIR | -- --update-readme]";

async function main(args: string[]): Promise<number> {
  const flags = args.filter((arg) => arg.startsWith("-"));
  const dirs = args.filter((arg) => !arg.startsWith("-"));
  if (flags.some((flag) => flag === "-h" || flag === "--help")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = flags.filter((flag) => flag !== "--update-readme");
  const updateReadme = flags.includes("--update-readme");
  // The README shows the default app; drawing another folder into it would make it lie.
  if (unknown.length > 0 || dirs.length > 1 || (updateReadme && dirs.length > 0)) {
    console.error(USAGE);
    return 2;
  }

  const stacks =
    dirs.length > 0
      ? readSynthOutput(dirs[0])
      : synthesizeStacks(loadEnvironments(join(ROOT, "environments.json")));
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
