import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { parseConfiguration } from "../stacks";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The bodies of the README's fenced code blocks of `language`. */
function codeBlocks(language: string): string[] {
  return [...README.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]);
}

describe("README.md", () => {
  it("has TypeScript examples, and each compiles against the package as a consumer imports it", () => {
    const blocks = codeBlocks("ts");
    expect(blocks.length).toBeGreaterThan(0);
    const dir = tempDir();
    const files = blocks.map((code, i) => {
      const file = join(dir, `block${i}.ts`);
      // Each block is a module of its own; the class in it is what a consumer would export.
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      noUnusedLocals: false,
      target: ts.ScriptTarget.ES2022,
      // tsconfig.json's lib: without it the target's default adds the DOM's declarations, a third
      // of what the program parses, which no example may rely on.
      lib: ["lib.es2022.d.ts"],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      types: [],
      baseUrl: ROOT,
      typeRoots: [join(ROOT, "node_modules/@types")],
      paths: {
        "btp-apim-transport-destination": ["constructs/index.ts"],
        "*": ["node_modules/*"],
      },
    });
    // What a consumer's compiler says about the examples; the package's own code is type-checked
    // by `npm run typecheck` under its own tsconfig.json.
    const examples = files.map((file) => program.getSourceFile(file));
    expect(examples).not.toContain(undefined);
    const problems = examples
      .flatMap((example) => ts.getPreEmitDiagnostics(program, example))
      .map(
        (d) =>
          `${d.file ? d.file.fileName.replace(dir, "README block") : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    expect(problems).toEqual([]);
  });

  it("has environments examples, and each is a valid environments file", () => {
    const examples = codeBlocks("json").filter((block) => block.includes('"environments"'));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(() => parseConfiguration("README.md example", JSON.parse(example))).not.toThrow();
    }
  });
});
