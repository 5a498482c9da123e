/**
 * Temporary projects for `npm run bench`: a bare cdktf app, generated environments files and a
 * precompiled copy of the app. Everything is written below a folder the caller owns and removes.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface CdktfJson {
  readonly app?: string;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The `app` command of the project's cdktf.json. */
export function appCommand(project: string): string {
  const app = (readJson(join(project, "cdktf.json")) as CdktfJson).app;
  if (app === undefined) throw new Error(`${project}/cdktf.json has no "app"`);
  return app;
}

/** The environment names of an environments file, in file order. */
export function environmentNames(file: string): string[] {
  const document = readJson(file) as { environments?: Record<string, unknown> };
  return Object.keys(document.environments ?? {});
}

/**
 * A cdktf project of its own in `dir` whose app declares one empty `TerraformStack` per name: the
 * same cdktf.json `app` runner as `project`, `cdktf synth` as its `synth` script (a bare app as
 * cdktf's template makes it), and `project`'s node_modules through a symlink. No providers: empty
 * stacks need none.
 */
export function writeBareProject(dir: string, project: string, stackNames: readonly string[]): void {
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
  writeFileSync(
    join(dir, "main.ts"),
    [
      'import { App, TerraformStack } from "cdktf";',
      "",
      "const app = new App();",
      `for (const name of ${JSON.stringify(stackNames)}) new TerraformStack(app, name);`,
      "app.synth();",
      "",
    ].join("\n"),
  );
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
 * A tsconfig in `dir` that compiles `project`'s main.ts (and what it imports) to `dir`/build, with
 * `project`'s compiler options; `dir` gets `project`'s node_modules through a symlink so that
 * `node dir/build/main.js` resolves its packages. Returns the tsconfig's path and main.js's path.
 */
export function writePrecompiledProject(dir: string, project: string): { tsconfig: string; mainJs: string } {
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(project, "node_modules"), join(dir, "node_modules"), "dir");
  const tsconfig = join(dir, "tsconfig.json");
  const config = {
    extends: join(project, "tsconfig.json"),
    compilerOptions: { noEmit: false, outDir: join(dir, "build"), rootDir: project, types: ["node"] },
    files: [join(project, "main.ts")],
    include: [],
  };
  writeFileSync(tsconfig, `${JSON.stringify(config, null, 2)}\n`);
  return { tsconfig, mainJs: join(dir, "build", "main.js") };
}
