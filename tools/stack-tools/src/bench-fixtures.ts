/**
 * Temporary projects for `npm run bench`: the bare cdktf app, generated environments files and the
 * trivial jest suite, the floors the project is measured against. Everything is written below a
 * folder the caller owns and removes.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface CdktfJson {
  readonly app?: string;
}

/** The variable that names the bare app's stacks, comma-separated. */
export const BARE_STACKS = "BENCH_STACKS";

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The `app` command of the project's cdktf.json. */
export function appCommand(project: string): string {
  const app = (readJson(join(project, "cdktf.json")) as CdktfJson).app;
  if (app === undefined) throw new Error(`${project}/cdktf.json has no "app"`);
  return app;
}

/**
 * A cdktf project of its own in `dir` whose main.ts is bench-bare-app.ts: the same cdktf.json `app`
 * runner as `project`, `cdktf synth` as its `synth` script (as cdktf's template makes it), and
 * `project`'s node_modules through a symlink, which is how the app and its runner find cdktf and
 * the providers from a folder outside the project.
 */
export function writeBareProject(dir: string, project: string): void {
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(project, "node_modules"), join(dir, "node_modules"), "dir");
  const cdktf = { language: "typescript", app: appCommand(project), sendCrashReports: "false", context: {} };
  writeFileSync(join(dir, "cdktf.json"), `${JSON.stringify(cdktf, null, 2)}\n`);
  const pkg = {
    name: "bench-bare-app",
    private: true,
    scripts: { synth: "CHECKPOINT_DISABLE=1 cdktf synth" },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  copyFileSync(join(__dirname, "bench-bare-app.ts"), join(dir, "main.ts"));
}

/** Names of `count` generated environments: env01, env02, ... */
export function generatedEnvironmentNames(count: number): string[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `env${String(i + 1).padStart(Math.max(width, 2), "0")}`);
}

/** Writes an environments file with `count` valid environments, each with its own subaccount GUID. */
export function writeEnvironments(file: string, count: number): void {
  const environments = Object.fromEntries(
    generatedEnvironmentNames(count).map((name, i) => [
      name,
      {
        globalAccount: "bench-global-account",
        subaccountId: `6f2b1c3a-0d4e-4f5a-9b8c-${(i + 1).toString(16).padStart(12, "0")}`,
      },
    ]),
  );
  writeFileSync(file, `${JSON.stringify({ environments }, null, 2)}\n`);
}

/**
 * A jest config in `dir` that is `project`'s (transform, setup files, workers, root folder) but runs
 * only one generated test of `expect(1).toBe(1)`, also in `dir`: what `npm test` costs before any
 * test of the project. Returns the config's path.
 */
export function writeTrivialJestSuite(dir: string, project: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "trivial.test.ts"), 'test("nothing", () => {\n  expect(1).toBe(1);\n});\n');
  const config = join(dir, "jest.config.js");
  // rootDir stays the project's, so that its `<rootDir>/...` setup files and moduleNameMapper and
  // ts-jest's tsconfig.json resolve as in `npm test`; only the tests found change.
  writeFileSync(
    config,
    `module.exports = { ...require(${JSON.stringify(join(project, "jest.config.js"))}), ` +
      `rootDir: ${JSON.stringify(project)}, roots: [${JSON.stringify(dir)}], testMatch: ["**/trivial.test.ts"] };\n`,
  );
  return config;
}

/**
 * What a synthesized stack declares, by kind: providers, resource types and data source types with
 * their counts, data sources inside `check` blocks counted as data sources. Names, values and
 * metadata are left out, so that the project's stack and the bare app's compare equal when they
 * declare the same things.
 */
export function stackShape(file: string): string[] {
  type Blocks = Record<string, Record<string, unknown> | unknown[]>;
  const stack = readJson(file) as {
    provider?: Blocks;
    resource?: Blocks;
    data?: Blocks;
    check?: Record<string, { data?: Blocks }>;
  };
  const counts = new Map<string, number>();
  const add = (kind: string, blocks: Blocks | undefined): void => {
    for (const [type, items] of Object.entries(blocks ?? {})) {
      const key = `${kind} ${type}`;
      counts.set(key, (counts.get(key) ?? 0) + Object.keys(items).length);
    }
  };
  add("provider", stack.provider);
  add("resource", stack.resource);
  add("data", stack.data);
  for (const check of Object.values(stack.check ?? {})) add("data", check.data);
  return [...counts].map(([key, count]) => `${key} × ${count}`).sort();
}
