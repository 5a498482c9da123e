import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseConfiguration } from "../stacks";

const ROOT = join(__dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The bodies of the README's fenced code blocks of `language`. */
function codeBlocks(language: string): string[] {
  return [...README.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]);
}

describe("README.md", () => {
  // Each TypeScript example is an example project's main.ts, which CI compiles and synthesizes:
  // examples/consumer/ against the packed tarballs (`npm run example`), the others in place
  // (`npm run typecheck`, `npm run examples`).
  it("has TypeScript examples, and each is the main.ts of an example project, word for word", () => {
    const blocks = codeBlocks("ts");
    expect(blocks.length).toBeGreaterThan(0);
    const projects = readdirSync(join(ROOT, "examples"))
      .map((name) => join(ROOT, "examples", name, "main.ts"))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, "utf8"));
    for (const block of blocks) expect(projects).toContain(block);
  });

  it("has environments examples, and each is a valid environments file", () => {
    const examples = codeBlocks("json").filter((block) => block.includes('"environments"'));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(() => parseConfiguration("README.md example", JSON.parse(example))).not.toThrow();
    }
  });
});
