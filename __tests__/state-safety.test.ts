import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, selectedConfiguration, synthesizeSelected } from "../stacks";
import { problemsOf, readTree, synthApp, synthAppInto, writeConfig } from "./support/app";
import { withEnv } from "./support/command";
import { tempDir } from "./support/temp";

const DEV = { globalAccount: "ga", subaccountId: "11111111-2222-4333-8444-555555555555" };
const PROD = { globalAccount: "ga", subaccountId: "66666666-7777-4888-9999-aaaaaaaaaaaa" };

/**
 * The message main.ts stops with, in this process: what selectedConfiguration() refuses for the
 * app's environment variables (cdktf's CLI sets SYNTH_HCL_OUTPUT, with `cli`). main.ts asks it
 * before anything is written and prints a ConfigError's message alone with exit 1, which
 * main.test.ts checks in a process of its own.
 */
function refusal(project: string, config: string, env: Record<string, string> = {}, cli = false): string {
  const variables = {
    APIM_CONFIG: config,
    APIM_ENVIRONMENTS: undefined,
    CDKTF_OUTDIR: join(project, "cdktf.out"),
    SYNTH_HCL_OUTPUT: cli ? "false" : undefined,
    ...env,
  };
  return withEnv(variables, () => {
    try {
      selectedConfiguration();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error("expected a ConfigError");
  });
}

describe("state that cannot vanish", () => {
  it.each([
    ["a path inside the synth output", "state/dev.tfstate"],
    ["the stack's own folder", "terraform.tfstate"],
    ["a path that climbs out and back in", "../../../cdktf.out/dev.tfstate"],
  ])("refuses a local state path to %s, naming field, value and environment", (_, path) => {
    expect(problemsOf({ dev: { ...DEV, backend: { type: "local", path } } })).toMatch(
      new RegExp(
        `environment "dev": backend\\.path ${JSON.stringify(path).replace(/[.]/g, "\\.")} puts the state at .*cdktf\\.out.*the state would be lost`,
      ),
    );
  });

  it("refuses an empty local state path, which cdktf would turn into this machine's absolute path", () => {
    expect(problemsOf({ dev: { ...DEV, backend: { type: "local", path: "" } } })).toContain(
      'environment "dev": backend.path "" is empty',
    );
  });

  it("keeps the state exactly where a path that leaves the synth output, or an absolute one, puts it", () => {
    const stacks = synthApp(
      writeConfig({
        environments: {
          dev: { ...DEV, backend: { type: "local", path: "../../../state/dev.tfstate" } },
          prod: { ...PROD, backend: { type: "local", path: "/var/lib/terraform/prod.tfstate" } },
        },
      }),
    );
    expect(stacks.dev.terraform.backend).toEqual({ local: { path: "../../../state/dev.tfstate" } });
    expect(stacks.prod.terraform.backend).toEqual({ local: { path: "/var/lib/terraform/prod.tfstate" } });
  });

  it("keeps every other environment's folder, lock file and state when a subset is synthesized", () => {
    const project = tempDir();
    const config = writeConfig({
      environments: {
        dev: { ...DEV, backend: { type: "local", path: "../../../state/dev.tfstate" } },
        prod: PROD,
      },
    });
    // Both synths run main.ts's code in this process (main.test.ts starts main.ts itself).
    synthAppInto(join(project, "cdktf.out"), config);
    // What `terraform init` and `apply` leave behind for dev: a lock file, providers, a real state.
    const devDir = join(project, "cdktf.out", "stacks", "dev");
    writeFileSync(join(devDir, ".terraform.lock.hcl"), "# lock\n");
    mkdirSync(join(devDir, ".terraform"));
    mkdirSync(join(project, "state"));
    writeFileSync(join(project, "state", "dev.tfstate"), JSON.stringify({ version: 4, serial: 7 }));
    const before = readTree(project);

    const env = { APIM_CONFIG: config, APIM_ENVIRONMENTS: "prod", CDKTF_OUTDIR: join(project, "cdktf.out") };
    expect(withEnv(env, synthesizeSelected).environments.map((e) => e.name)).toEqual(["prod"]);
    const after = readTree(project);
    for (const file of Object.keys(before).filter(
      (f) => !f.startsWith(join("cdktf.out", "stacks", "prod")),
    )) {
      if (file === join("cdktf.out", "manifest.json")) continue;
      expect([file, after[file]]).toEqual([file, before[file]]);
    }
    expect(existsSync(join(devDir, ".terraform"))).toBe(true);
  });

  it("refuses, under cdktf's CLI, a subset that the CLI would make it delete the others' folders for", () => {
    const project = tempDir();
    const config = writeConfig({ environments: { dev: DEV, prod: PROD } });
    synthAppInto(join(project, "cdktf.out"), config);
    writeFileSync(join(project, "cdktf.out", "stacks", "dev", ".terraform.lock.hcl"), "# lock\n");
    const before = readTree(project);

    const message = refusal(project, config, { APIM_ENVIRONMENTS: "prod" }, true);
    expect(message).toContain("cdktf's CLI would then delete the folders of dev");
    expect(message).not.toMatch(/\n\s+at /);
    expect(readTree(project)).toEqual(before);
  });

  it("says so, in one line, when cdktf.out is a file", () => {
    const project = tempDir();
    writeFileSync(join(project, "cdktf.out"), "not a folder");
    expect(refusal(project, writeConfig({ environments: { dev: DEV } }))).toBe(
      `${join(project, "cdktf.out")}: invalid configuration:\n  - is a file, not a folder: cdktf writes the stacks there; move the file away`,
    );
    expect(readFileSync(join(project, "cdktf.out"), "utf8")).toBe("not a folder");
    expect(readdirSync(project)).toEqual(["cdktf.out"]);
  });
});

describe("a landscape's state", () => {
  // A landscape holds three subaccounts' keys and the deploy password: its state goes where its
  // backend says, on the host it names, never to a local file or HCP Terraform's default host.
  it("is kept by the backend the landscape names, its hostname included", () => {
    const backend = {
      type: "remote",
      organization: "acme",
      workspace: "apim-landscape",
      hostname: "tfe.example.test",
    };
    const stacks = synthApp(
      writeConfig({
        landscapes: {
          transport: {
            globalAccount: "ga",
            cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
            source: {
              subaccountId: DEV.subaccountId,
              spaceId: "4f7a2c9e-8d1b-4e63-b5a0-6c3e9f2d7b18",
              nodeName: "APIM_DEV",
            },
            transport: {
              subaccountId: PROD.subaccountId,
              spaceId: "a6c1e8d3-2f9b-4a75-8d4e-1b7c3f9a6e20",
              deployUser: "deployer@example.com",
            },
            target: {
              subaccountId: "e5d2b8f4-1c7a-4f36-a9e0-3b6c8d2f1a97",
              spaceId: "d9b4f2a7-6e3c-4d81-9a5f-8c2e7b1d4f36",
              nodeName: "APIM_PROD",
            },
            backend,
          },
        },
      }),
    );
    expect(stacks.transport.terraform.backend).toEqual({
      remote: { organization: "acme", hostname: "tfe.example.test", workspaces: { name: "apim-landscape" } },
    });
  });
});

describe("no credentials in URL options", () => {
  it.each([
    ["cliServerUrl", { cliServerUrl: "https://admin:made-up-password@cli.btp.example.test" }],
    [
      "backend.endpoint",
      { backend: { type: "s3", bucket: "b", key: "k", endpoint: "https://u:p@s3.example.test" } },
    ],
    [
      "backend.endpoints.s3",
      {
        backend: {
          type: "s3",
          bucket: "b",
          key: "k",
          endpoints: { s3: "https://s3.example.test/?X-Amz-Signature=made-up" },
        },
      },
    ],
  ])("refuses %s with credentials in it, without quoting them", (field, fields) => {
    const message = problemsOf({ dev: { ...DEV, ...fields } });
    expect(message).toContain(`environment "dev": ${field} holds a URL with credentials`);
    expect(message).not.toMatch(/made-up|u:p/);
  });
});
