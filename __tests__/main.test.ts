import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, selectedConfiguration } from "../stacks";
import { DEFAULT_CONFIG, writeConfig } from "./support/app";
import { withEnv } from "./support/command";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");

/** Runs the app the way `cdktf synth` does (cdktf.json's `app`, with CDKTF_OUTDIR), into a fresh folder. */
function runApp(env: Record<string, string>): { status: number | null; stderr: string; outdir: string } {
  const outdir = tempDir();
  const result = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TERRAFORM_BINARY_NAME: "/nonexistent/terraform", ...env },
    encoding: "utf8",
  });
  return { status: result.status, stderr: result.stderr, outdir };
}

describe("main.ts", () => {
  it("stops with a clear message, a non-zero exit and nothing written on bad input", () => {
    const config = writeConfig({
      environments: {
        dev: { globalAccount: "ga", subaccountId: "11111111-2222-4333-8444-555555555555" },
        prod: { globalAccount: "ga", subaccountId: "not-a-guid" },
      },
    });
    const { status, stderr, outdir } = runApp({ APIM_CONFIG: config });
    expect(status).toBe(1);
    expect(stderr).toContain('environment "prod": subaccountId "not-a-guid" is not a GUID');
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readdirSync(outdir)).toEqual([]);
  });

  // In this process: main.ts stops on every ConfigError the same way, which the test above runs.
  it("stops on an unknown environment asked for", () => {
    const outdir = tempDir();
    const env = { APIM_CONFIG: DEFAULT_CONFIG, APIM_ENVIRONMENTS: "dev,staging", CDKTF_OUTDIR: outdir };
    expect(() => withEnv(env, selectedConfiguration)).toThrow(ConfigError);
    expect(() => withEnv(env, selectedConfiguration)).toThrow(
      'environment "staging" was asked for but is not configured',
    );
    expect(readdirSync(outdir)).toEqual([]);
  });

  it("synthesizes the selected environments", () => {
    const { status, stderr, outdir } = runApp({ APIM_ENVIRONMENTS: "prod" });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["prod"]);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
  });
});
