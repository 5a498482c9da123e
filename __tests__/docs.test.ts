import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

// TypeDoc 0.28 is ESM only, which Jest's CommonJS runtime cannot load (neither `require` nor
// `import()` without --experimental-vm-modules), so the test runs TypeDoc's CLI with the same
// typedoc.json as `npm run docs`; only the output folder differs, and TypeDoc is not asked to
// type-check constructs/ first (--skipErrorChecking), which is `npm run typecheck`'s job: the pages
// are the same. The CLI module is run directly, without bin/typedoc's wrapper process.

const ROOT = join(__dirname, "..");
const COMMITTED = join(ROOT, "docs", "api");
const TYPEDOC = join(dirname(require.resolve("typedoc/package.json")), "dist", "cli.js");
const FIX = "Run `npm run docs` and commit docs/api/.";

/** Every file below `dir`, as sorted paths relative to it with `/` separators; empty when `dir` is missing. */
function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split("\\").join("/"))
    .sort();
}

/** The first line on which two texts differ, for a readable failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? "<end of file>")}, generated ${JSON.stringify(b[at] ?? "<end of file>")}`;
}

function runTypedoc(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TYPEDOC, "--options", "typedoc.json", "--out", out, "--logLevel", "Warn", "--skipErrorChecking"],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) {
          // typedoc.json treats warnings as errors: an unresolved {@link} or an undocumented export fails here.
          reject(new Error(`TypeDoc failed (${error.message.split("\n")[0]}):\n${stdout}${stderr}`));
        } else {
          resolve();
        }
      },
    );
  });
}

describe("docs/api", () => {
  let generated: string;

  beforeAll(async () => {
    generated = mkdtempSync(join(tmpdir(), "docs-api-"));
    await runTypedoc(generated);
  });

  afterAll(() => {
    if (generated) rmSync(generated, { recursive: true, force: true });
  });

  it("is what `npm run docs` generates from the JSDoc of constructs/", () => {
    const committed = listFiles(COMMITTED);
    const fresh = listFiles(generated);
    expect(fresh.length).toBeGreaterThan(0);

    const problems = [
      ...fresh.filter((file) => !committed.includes(file)).map((file) => `missing: docs/api/${file}`),
      ...committed.filter((file) => !fresh.includes(file)).map((file) => `stale: docs/api/${file}`),
    ];
    for (const file of fresh.filter((f) => committed.includes(f))) {
      const want = readFileSync(join(generated, file));
      const have = readFileSync(join(COMMITTED, file));
      if (!want.equals(have)) {
        problems.push(
          `changed: docs/api/${file}, ${firstDifference(have.toString("utf8"), want.toString("utf8"))}`,
        );
      }
    }
    if (problems.length > 0) {
      throw new Error(
        `${relative(ROOT, COMMITTED)}/ is out of date with the JSDoc in constructs/. ${FIX}\n` +
          problems.map((p) => `  - ${p}`).join("\n"),
      );
    }
  });
});
