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

/**
 * What Terraform computes for each of `templates` when each reference named in `references` (e.g.
 * `btp_subaccount_service_binding.x.credentials`) has the given value. Outputs are marked sensitive
 * so that nothing is printed; the values come back through `terraform output -json` only.
 */
export async function evaluateInTerraform(
  binary: string,
  templates: Readonly<Record<string, string>>,
  references: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const names = Object.keys(references);
  const locals = Object.fromEntries(
    names.map((reference, i) => [`ref_${i}`, TerraformLiteral.deep(references[reference])]),
  );
  const rewrite = (template: string) =>
    names.reduce((text, reference, i) => text.split(reference).join(`local.ref_${i}`), template);
  const output = Object.fromEntries(
    Object.entries(templates).map(([name, template]) => [
      name,
      { value: rewrite(template), sensitive: true },
    ]),
  );
  const dir = mkdtempSync(join(tmpdir(), "apim-evaluate-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals, output }));
    const apply = await runTerraformAsync(binary, dir, [
      "apply",
      "-auto-approve",
      "-input=false",
      "-no-color",
    ]);
    if (apply.status !== 0) throw new Error(`terraform could not evaluate the expression:\n${apply.stderr}`);
    const outputs = await runTerraformAsync(binary, dir, ["output", "-json", "-no-color"]);
    const parsed = JSON.parse(outputs.stdout) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(parsed).map(([name, { value }]) => [name, value]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
