/**
 * Running real Terraform (or OpenTofu) from the tools: which binary, and one command in a folder.
 * Real Terraform is the judge of what the stacks mean; the tools only drive it.
 */
import { spawn, spawnSync } from "node:child_process";

/** The oldest Terraform whose `terraform test` has `mock_provider` and `override_*`. */
export const MINIMUM_TERRAFORM = [1, 7, 0] as const;

/** A Terraform command's result. */
export interface TerraformResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Which engine a binary is: Terraform or OpenTofu, which differ in their registry and a few test arguments. */
export type Engine = "terraform" | "opentofu";

/** The registry an engine resolves a provider source without a host against (`sap/btp`). */
export const DEFAULT_REGISTRY: Readonly<Record<Engine, string>> = {
  terraform: "registry.terraform.io",
  opentofu: "registry.opentofu.org",
};

/** The Terraform binary to run: `APIM_TERRAFORM`, else `terraform`, else `tofu` from PATH. */
export function terraformBinary(): { binary: string; version: string; engine: Engine } {
  const candidates = process.env.APIM_TERRAFORM ? [process.env.APIM_TERRAFORM] : ["terraform", "tofu"];
  for (const binary of candidates) {
    // `version`'s first line names the engine and its version ("Terraform v1.11.4", "OpenTofu
    // v1.10.10"), which `version -json` gives without the engine: one process answers both.
    const run = spawnSync(binary, ["version"], { encoding: "utf8" });
    const said = run.status === 0 ? /^(Terraform|OpenTofu) v(\S+)/.exec(run.stdout) : null;
    if (said === null) continue;
    const version = said[2];
    const parts = version.split(".").map((part) => parseInt(part, 10) || 0);
    const differs = MINIMUM_TERRAFORM.findIndex((min, i) => (parts[i] ?? 0) !== min);
    if (differs !== -1 && (parts[differs] ?? 0) < MINIMUM_TERRAFORM[differs]) {
      throw new Error(`${binary} ${version} is too old: ${MINIMUM_TERRAFORM.join(".")} or later is needed`);
    }
    return { binary, version, engine: said[1] === "OpenTofu" ? "opentofu" : "terraform" };
  }
  const tried = process.env.APIM_TERRAFORM
    ? `APIM_TERRAFORM=${process.env.APIM_TERRAFORM}`
    : `${candidates.join(", ")} on PATH`;
  throw new Error(
    `no Terraform found (tried ${tried}): install Terraform >= ${MINIMUM_TERRAFORM.join(".")} ` +
      "(https://developer.hashicorp.com/terraform/install) or OpenTofu, or set APIM_TERRAFORM to its path",
  );
}

const TERRAFORM_ENV = { TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" };

/**
 * Runs `binary args...` in `cwd`, without prompts and without blocking, so that several Terraform
 * commands can run side by side, and resolves with what it said; `env` adds to (or overrides) the
 * environment Terraform gets.
 */
export function runTerraformAsync(
  binary: string,
  cwd: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], {
      cwd,
      env: { ...process.env, ...TERRAFORM_ENV, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
}
