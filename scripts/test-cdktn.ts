/**
 * `npm run test:cdktn`: runs the construct and stack tests on CDK Terrain (`cdktn`), the community
 * continuation of the archived cdktf, without changing the project's dependencies.
 *
 * 1. Generates the btp bindings with CDK Terrain's generator (`@cdktn/provider-generator`) from the
 *    same schema snapshot and cdktf.json constraint as `npm run generate:providers`, into the git-ignored
 *    `.cdktn/provider-btp/src`, and compiles them into `.cdktn/provider-btp/lib` with the options of
 *    packages/provider-btp. Skipped when the inputs have not changed since the last run.
 * 2. Runs jest with jest.cdktn.config.js, which resolves `cdktf` to `cdktn` and `@cdktf/provider-btp`
 *    to those bindings, and exits with its code. Arguments are passed on to jest.
 *
 * Needs no network and no Terraform binary: the generator and jest run with TERRAFORM_BINARY_NAME
 * pointing at nothing and CHECKPOINT_DISABLE set.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateBindings } from "./generate-providers";

const root = resolve(__dirname, "..");
const PACKAGE_DIR = join(root, ".cdktn/provider-btp");
const STAMP = join(PACKAGE_DIR, "inputs.sha256");

const env: NodeJS.ProcessEnv = {
  ...process.env,
  TERRAFORM_BINARY_NAME: "/nonexistent/terraform",
  CHECKPOINT_DISABLE: "1",
};
// The generator runs in this process; @cdktn/commons reads both variables when it is loaded.
Object.assign(process.env, env);

/** A hash of everything the generated and compiled bindings depend on. */
function inputsHash(): string {
  const hash = createHash("sha256");
  for (const file of [
    "cdktf.json",
    "packages/provider-btp/schema/provider-schema.json",
    "packages/provider-btp/tsconfig.json",
    "scripts/generate-providers.ts",
    "node_modules/@cdktn/provider-generator/package.json",
    "node_modules/cdktn/package.json",
    "node_modules/typescript/package.json",
  ]) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

function run(args: readonly string[]): number {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.error) {
    throw result.error;
  }
  return result.status ?? 1;
}

async function buildBindings(): Promise<void> {
  const hash = inputsHash();
  if (
    existsSync(join(PACKAGE_DIR, "lib/index.js")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === hash
  ) {
    console.log(`cdktn btp bindings in ${PACKAGE_DIR} are up to date`);
    return;
  }
  rmSync(STAMP, { force: true });
  rmSync(join(PACKAGE_DIR, "lib"), { recursive: true, force: true });
  mkdirSync(PACKAGE_DIR, { recursive: true });
  await generateBindings("btp", { generator: "@cdktn/provider-generator", outdir: join(PACKAGE_DIR, "src") });
  // Its paths (src/providers/btp -> lib) are relative to the file, so the same options apply here.
  copyFileSync(join(root, "packages/provider-btp/tsconfig.json"), join(PACKAGE_DIR, "tsconfig.json"));
  const status = run([join(root, "node_modules/typescript/bin/tsc"), "-p", PACKAGE_DIR]);
  if (status !== 0) {
    throw new Error(`compiling the cdktn btp bindings failed (tsc exit code ${status})`);
  }
  writeFileSync(STAMP, hash);
}

async function main(): Promise<number> {
  await buildBindings();
  return run([
    join(root, "node_modules/jest/bin/jest.js"),
    "-c",
    "jest.cdktn.config.js",
    ...process.argv.slice(2),
  ]);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
