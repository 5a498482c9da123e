import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluationConfiguration } from "../../tools/stack-tools/src/terraform-evaluate";
import { tempDir } from "./temp";

/** Terraform from PATH (or APIM_TERRAFORM): the tests need it, and fail saying so when it is missing. */
const TERRAFORM = process.env.APIM_TERRAFORM ?? "terraform";

/** Runs `terraform <args>` in `dir` and returns its output; throws with Terraform's own words when it fails. */
export function terraform(dir: string, args: readonly string[]): string {
  const run = spawnSync(TERRAFORM, [...args, "-no-color"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (run.error)
    throw new Error(`these tests need Terraform >= 1.7 on PATH (or APIM_TERRAFORM): ${run.error.message}`);
  // With -json, Terraform writes its errors to stdout as messages, not to stderr.
  if (run.status !== 0) throw new Error(`terraform ${args[0]} failed:\n${run.stderr || run.stdout}`);
  return run.stdout;
}

/**
 * What real Terraform computes for synthesized string values (templates such as `${jsonencode(...)}`)
 * when each reference named in `references` has the given value: `terraform apply` of the tools'
 * provider-less configuration (evaluationConfiguration), in this process's own synchronous way.
 */
export function evaluateInTerraform<K extends string>(
  templates: Record<K, string>,
  references: Record<string, unknown>,
): Record<K, unknown> {
  const dir = tempDir();
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(evaluationConfiguration(templates, references)));
  // One Terraform process: with -json, apply reports the outputs' values in its last `outputs`
  // message, as `terraform output -json` would read them back from the state.
  const messages = terraform(dir, ["apply", "-auto-approve", "-input=false", "-json"])
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { type?: string; outputs?: Record<string, { value?: unknown }> });
  const outputs = messages.filter((message) => message.type === "outputs").pop()?.outputs ?? {};
  const values = Object.fromEntries(Object.entries(outputs).map(([name, { value }]) => [name, value]));
  // Every template has an output with a value, or the run did not say what it computed.
  expect(Object.keys(values).sort()).toEqual(Object.keys(templates).sort());
  for (const [name, value] of Object.entries(values)) expect([name, value]).not.toEqual([name, undefined]);
  return values as Record<K, unknown>;
}
