import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTerraform, terraformBinary } from "../../scripts/lib/terraform-cli";
import { tempDir } from "./temp";

const { binary } = terraformBinary();

/** A literal in Terraform JSON syntax, where every string is a template: `${` and `%{` escaped. */
function literal(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
  if (Array.isArray(value)) return value.map(literal);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
  }
  return value;
}

/**
 * What real Terraform computes for synthesized string values (templates such as `${jsonencode(...)}`)
 * when each reference named in `references` (e.g. `btp_subaccount_service_binding.x.credentials`)
 * has the given value: the references become local values, the templates outputs, and
 * `terraform apply` of that provider-less configuration evaluates them offline.
 */
export function evaluateInTerraform<K extends string>(
  templates: Record<K, string>,
  references: Record<string, unknown>,
): Record<K, unknown> {
  const locals: Record<string, unknown> = {};
  const rewrite = (template: string) =>
    Object.entries(references).reduce((text, [reference, value], i) => {
      locals[`ref_${i}`] = literal(value);
      return text.split(reference).join(`local.ref_${i}`);
    }, template);
  const output = Object.fromEntries(
    Object.entries<string>(templates).map(([name, template]) => [name, { value: rewrite(template) }]),
  );
  const dir = tempDir();
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals, output }));
  const apply = runTerraform(binary, dir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  if (apply.status !== 0) throw new Error(`terraform apply failed:\n${apply.stderr}`);
  const outputs = JSON.parse(runTerraform(binary, dir, ["output", "-json"]).stdout) as Record<
    string,
    { value: unknown }
  >;
  return Object.fromEntries(Object.entries(outputs).map(([name, { value }]) => [name, value])) as Record<
    K,
    unknown
  >;
}
