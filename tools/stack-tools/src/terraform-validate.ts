/**
 * Real `terraform validate` on synthesized stacks: each stack is copied without its backend block
 * (which would need credentials and `terraform init` of the backend), initialised with
 * `-backend=false`, and validated; Terraform's own diagnostics are the answer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SynthesizedStack } from "./synth-output";
import { runTerraformAsync } from "./terraform-cli";

/** One diagnostic of `terraform validate -json`. */
export interface TerraformDiagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

/** What Terraform said of one stack: init's error output where init failed, else validate's diagnostics. */
export interface ValidateResult {
  readonly ok: boolean;
  readonly diagnostics: readonly TerraformDiagnostic[];
  /** Where init failed (`ok` false, no diagnostics): what it said. */
  readonly initError?: string;
}

/** Writes `stack` into `dir` as cdk.tf.json, without its backend block. */
export function writeStackWithoutBackend(dir: string, stack: SynthesizedStack): void {
  const terraform = { ...stack.terraform };
  delete terraform.backend;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify({ ...stack, terraform }, null, 2));
}

/** `terraform init -backend=false` in `dir`; the error output where it failed. */
export async function initWithoutBackend(binary: string, dir: string): Promise<string | undefined> {
  const init = await runTerraformAsync(binary, dir, ["init", "-backend=false", "-input=false", "-no-color"]);
  return init.status === 0 ? undefined : init.stderr || init.stdout;
}

/** `terraform validate -json` in an initialised `dir`. */
export async function validateInitialised(binary: string, dir: string): Promise<ValidateResult> {
  const run = await runTerraformAsync(binary, dir, ["validate", "-json", "-no-color"]);
  const parsed = JSON.parse(run.stdout) as { valid: boolean; diagnostics?: TerraformDiagnostic[] };
  return { ok: parsed.valid, diagnostics: parsed.diagnostics ?? [] };
}

/** Copies `stack` into `dir` without its backend, initialises it and validates it. */
export async function terraformValidate(
  binary: string,
  dir: string,
  stack: SynthesizedStack,
): Promise<ValidateResult> {
  writeStackWithoutBackend(dir, stack);
  const initError = await initWithoutBackend(binary, dir);
  return initError === undefined
    ? validateInitialised(binary, dir)
    : { ok: false, initError, diagnostics: [] };
}

/** One line per diagnostic: `<stack>: <severity>: <summary>: <detail> (cdk.tf.json:<line>)`. */
export function diagnosticLine(stack: string, diagnostic: TerraformDiagnostic): string {
  const where = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : "";
  const detail = diagnostic.detail ? `: ${diagnostic.detail.replace(/\s+/g, " ").trim()}` : "";
  return `${stack}: ${diagnostic.severity}: ${diagnostic.summary}${detail}${where}`;
}
