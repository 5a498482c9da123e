import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  BackendEntry,
  ConfigError,
  EnvironmentConfig,
  loadConfiguration,
  selectedConfiguration,
  stateWarnings,
  synthesisSummary,
  synthesizeSelected,
} from "../stacks";
import { BOTH_PATHS, writeConfig } from "./support/app";
import { withEnv } from "./support/command";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");

/** Runs the app the way `cdktf synth` does (cdktf.json's `app`, with CDKTF_OUTDIR), into a fresh folder. */
function runApp(env: Record<string, string>): {
  status: number | null;
  stdout: string;
  stderr: string;
  outdir: string;
} {
  const outdir = tempDir();
  const result = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TERRAFORM_BINARY_NAME: "/nonexistent/terraform", ...env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outdir };
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
    const env = {
      APIM_CONFIG: writeConfig(BOTH_PATHS),
      APIM_ENVIRONMENTS: "dev,staging",
      CDKTF_OUTDIR: outdir,
    };
    expect(() => withEnv(env, selectedConfiguration)).toThrow(ConfigError);
    expect(() => withEnv(env, selectedConfiguration)).toThrow(
      'environment "staging" was asked for but is not configured',
    );
    expect(readdirSync(outdir)).toEqual([]);
  });

  // In this process: what main.ts runs, started as a process of its own by the test above.
  it("synthesizes only the environments APIM_ENVIRONMENTS names, as a person types them", () => {
    const outdir = tempDir();
    const env = { APIM_CONFIG: writeConfig(BOTH_PATHS), APIM_ENVIRONMENTS: " cf ,", CDKTF_OUTDIR: outdir };
    withEnv(env, synthesizeSelected);
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["cf"]);
    expect(
      withEnv({ ...env, APIM_ENVIRONMENTS: " cf , dev " }, selectedConfiguration)
        .environments.map((e) => e.name)
        .sort(),
    ).toEqual(["cf", "dev"]);
  });
});

describe("what the app says it wrote", () => {
  const environment = (name: string): EnvironmentConfig => ({
    name,
    globalAccount: "acme",
    subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
  });

  it("names every stack while they are few", () => {
    const environments = ["dev", "prod"].map(environment);
    expect(synthesisSummary({ environments, landscapes: [] }, "cdktf.out")).toBe(
      "synthesized 2 environments (dev, prod) into cdktf.out/stacks",
    );
  });

  it("stays one short line for 500 environments: a count and the first names", () => {
    const environments = Array.from({ length: 500 }, (_, i) =>
      environment(`env${String(i).padStart(3, "0")}`),
    );
    const summary = synthesisSummary({ environments, landscapes: [] }, "cdktf.out");
    expect(summary).toBe(
      "synthesized 500 environments (env000, env001, env002, env003, env004, env005, env006, env007, env008, env009 and 490 more) into cdktf.out/stacks",
    );
  });

  it("warns once per stack whose state keeps the keys' secrets unencrypted, and says what to do", () => {
    const withBackend = (name: string, backend?: BackendEntry): EnvironmentConfig => ({
      ...environment(name),
      backend,
    });
    const warnings = stateWarnings({
      environments: [
        withBackend("dev"),
        withBackend("s3-plain", {
          type: "s3",
          bucket: "tf-state",
          key: "apim.tfstate",
          region: "eu-central-1",
        }),
        withBackend("s3-sse", {
          type: "s3",
          bucket: "tf-state",
          key: "a.tfstate",
          region: "eu-central-1",
          encrypt: true,
        }),
        withBackend("s3-kms", {
          type: "s3",
          bucket: "tf-state",
          key: "b.tfstate",
          region: "eu-central-1",
          kmsKeyId: "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        }),
        withBackend("gcs", { type: "gcs", bucket: "tf-state" }),
      ],
      landscapes: [],
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: "dev": its state is a local file \(.*terraform\.dev\.tfstate\), unencrypted, yet it holds the service keys' client secrets in clear; keep it in a backend that encrypts at rest/,
      ),
      expect.stringMatching(
        /^warning: "s3-plain": its state is in S3 bucket "tf-state" without "encrypt" or "kmsKeyId"/,
      ),
    ]);
    expect(warnings.every((w) => w.includes('docs/operations.md, "Secrets in the state"'))).toBe(true);
    // Many stacks: ten said one by one, the rest counted in one line.
    const many = stateWarnings({
      environments: Array.from({ length: 25 }, (_, i) => environment(`env${String(i).padStart(2, "0")}`)),
      landscapes: [],
    });
    expect(many).toHaveLength(11);
    expect(many[10]).toMatch(
      /^warning: 15 more stacks \(env10, env11, .* and 5 more\) keep their state unencrypted too/,
    );
  });

  it("says which configured name an unknown one most likely meant, and counts the rest when many", () => {
    const environments = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `env${i}`,
        { globalAccount: "acme", subaccountId: `6f2b1c3a-0d4e-4f5a-9b8c-${String(i).padStart(12, "0")}` },
      ]),
    );
    expect(() => loadConfiguration(writeConfig({ environments }), ["enw25"])).toThrow(
      'environment "enw25" was asked for but is not configured (did you mean "env25"? configured: env0, env1, env2, env3, env4, env5, env6, env7, env8, env9 and 20 more)',
    );
  });
});
