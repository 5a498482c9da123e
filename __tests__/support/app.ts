import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError, loadConfiguration, parseConfiguration, synthesizeSelected } from "@apim/stacks";
import { withEnv } from "./command";
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
  synthAppInto(outdir, configFile, environments);
  return outdir;
}

/** Synthesizes the app as `main.ts` does (`synthesizeSelected`) into `outdir`, in this process. */
export function synthAppInto(outdir: string, configFile = DEFAULT_CONFIG, environments: string[] = []): void {
  const env = {
    APIM_CONFIG: configFile,
    APIM_ENVIRONMENTS: environments.join(","),
    CDKTF_OUTDIR: outdir,
    SYNTH_HCL_OUTPUT: undefined,
  };
  withEnv(env, synthesizeSelected);
}

/**
 * Every file below `dir`, by relative path, with its bytes as a latin1 string: one character per
 * byte, so equal strings are equal bytes, and Jest compares strings at once where it would walk a
 * Buffer byte by byte (a tenth of a CPU-second per synthesized app).
 */
export function readTree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(dir, path), readFileSync(path, "latin1")];
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

/** The message of the ConfigError that parsing `environments` raises; fails the test when none is raised. */
export function problemsOf(environments: Record<string, unknown>): string {
  try {
    parseConfiguration("environments.json", { environments });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

/** The message of the ConfigError that loading `document` as the environments file raises; fails the test when none is raised. */
export function configurationProblemsOf(document: unknown): string {
  try {
    loadConfiguration(writeConfig(document));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

/**
 * An environments document with one environment on each path: `dev` in the "Other" environment,
 * `cf` in a Cloud Foundry space. For tests that need fixed stacks: environments.json may change.
 */
export const BOTH_PATHS = {
  environments: {
    dev: { globalAccount: "ga", subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" },
    cf: {
      globalAccount: "ga",
      subaccountId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
      cloudFoundry: {
        spaceId: "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a",
        apiUrl: "https://api.cf.eu10.hana.ondemand.com",
      },
    },
  },
} as const;
