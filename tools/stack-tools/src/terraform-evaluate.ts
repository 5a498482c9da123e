/**
 * Real Terraform evaluates synthesized string values (templates such as `${jsonencode(...)}`): each
 * reference given becomes a local value, each template an output, and `terraform apply` of that
 * configuration, which needs no provider, computes them offline.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformLiteral } from "btp-apim-transport-destination";
import { runTerraformAsync } from "./terraform-cli";

/** The part of a `-json` message of Terraform's that is read here. */
interface JsonMessage {
  readonly type?: string;
  readonly outputs?: Record<string, { readonly value?: unknown }>;
  readonly diagnostic?: { readonly severity: string; readonly summary: string; readonly detail?: string };
}

/**
 * The provider-less configuration that evaluates `templates` with each reference named in
 * `references` (e.g. `btp_subaccount_service_binding.x.credentials`) set to its value: each
 * reference a local value, each template an output. A reference is replaced where it stands whole,
 * never inside a longer one (`var.tms_deploy_password` in `var.tms_deploy_password_APIM_PROD`).
 */
export function evaluationConfiguration(
  templates: Readonly<Record<string, string>>,
  references: Readonly<Record<string, unknown>>,
): { locals: Record<string, unknown>; output: Record<string, { value: string }> } {
  const names = Object.keys(references);
  const locals = Object.fromEntries(
    names.map((reference, i) => [`ref_${i}`, TerraformLiteral.deep(references[reference])]),
  );
  const whole = names.map(
    (reference) =>
      new RegExp(`(?<![\\w.-])${reference.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g"),
  );
  const rewrite = (template: string) =>
    whole.reduce((text, pattern, i) => text.replace(pattern, `local.ref_${i}`), template);
  // Not `sensitive`: the outputs message leaves a sensitive output's value out. Nothing here is
  // printed (apply's output is captured), and the preview masks the secret in what it returns.
  const output = Object.fromEntries(
    Object.entries(templates).map(([name, template]) => [name, { value: rewrite(template) }]),
  );
  return { locals, output };
}

/**
 * What Terraform computes for each of `templates` with `references` set (evaluationConfiguration).
 * One Terraform process: with `-json`, apply reports the outputs' values in its last `outputs`
 * message, as `terraform output -json` would read them back from the state.
 */
export async function evaluateInTerraform(
  binary: string,
  templates: Readonly<Record<string, string>>,
  references: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "apim-evaluate-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(evaluationConfiguration(templates, references)));
    const apply = await runTerraformAsync(binary, dir, [
      "apply",
      "-auto-approve",
      "-input=false",
      "-json",
      "-no-color",
    ]);
    const messages = apply.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as JsonMessage);
    if (apply.status !== 0) {
      // With -json, Terraform's errors are diagnostics on stdout, not text on stderr.
      const errors = messages
        .flatMap(({ diagnostic }) => (diagnostic?.severity === "error" ? [diagnostic] : []))
        .map(({ summary, detail }) => `Error: ${summary}${detail ? `\n\n${detail}` : ""}`);
      throw new Error(
        `terraform could not evaluate the expression:\n${errors.length > 0 ? errors.join("\n\n") : apply.stderr}`,
      );
    }
    const outputs = messages.filter((message) => message.type === "outputs").pop()?.outputs ?? {};
    return Object.fromEntries(Object.entries(outputs).map(([name, { value }]) => [name, value]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
