import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { App } from "cdktf";
import { buildApp, loadEnvironments } from "../../stacks";
import { StackJson } from "./synth";
import { tempDir } from "./temp";

export const DEFAULT_CONFIG = join(__dirname, "../../environments.json");

/** Writes an environments file with the given document and returns its path. */
export function writeConfig(document: unknown): string {
  const file = join(tempDir(), "environments.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}

/** Synthesizes the app as `main.ts` does into a fresh folder, and returns the folder. */
export function synthAppTo(configFile = DEFAULT_CONFIG, environments: string[] = []): string {
  const outdir = tempDir();
  const app = new App({ outdir });
  buildApp(app, loadEnvironments(configFile, environments));
  app.synth();
  return outdir;
}

/** Every file below `dir`, by relative path, with its bytes. */
export function readTree(dir: string): Record<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(dir, path), readFileSync(path)];
    }),
  );
}

/** Synthesizes the app as `main.ts` does and returns each stack's cdk.tf.json. */
export function synthApp(
  configFile = DEFAULT_CONFIG,
  environments: string[] = [],
): Record<string, StackJson> {
  const stacks = join(synthAppTo(configFile, environments), "stacks");
  return Object.fromEntries(
    readdirSync(stacks)
      .sort()
      .map((name) => [
        name,
        JSON.parse(readFileSync(join(stacks, name, "cdk.tf.json"), "utf8")) as StackJson,
      ]),
  );
}
