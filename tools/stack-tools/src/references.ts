/**
 * The references inside the Terraform expressions of a synthesized value, found by HashiCorp's
 * HCL parser (`@cdktf/hcl2json`), never by regular expressions.
 */
import { getReferencesInExpression } from "@cdktf/hcl2json";

/** One reference, split into what it points at. */
export interface TerraformReference {
  /** As written, e.g. `btp_subaccount_service_binding.key.credentials` or `data.btp_x.y.id`. */
  readonly text: string;
  readonly kind: "resource" | "data" | "local" | "var" | "other";
  /** `type.name` of a resource, `data.type.name` of a data source, `local.x`, `var.x`. */
  readonly address: string;
  /** Resource or data source type; empty for locals and variables. */
  readonly type: string;
  /** Attribute path after the address, e.g. `["credentials"]`; index segments are kept as strings. */
  readonly attribute: readonly string[];
}

/** True when a synthesized string holds a Terraform expression rather than a literal. */
export function isExpression(value: string): boolean {
  return /(^|[^$])\$\{/.test(value);
}

/** Every reference in every expression string inside `value` (walked recursively), in order. */
export async function referencesIn(value: unknown): Promise<TerraformReference[]> {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (isExpression(v)) strings.push(v);
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (v !== null && typeof v === "object") {
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  const found: TerraformReference[] = [];
  for (const text of strings) found.push(...(await referencesInExpression(text)));
  return found;
}

// Each call crosses into the parser's WebAssembly; stacks repeat the same expressions a lot.
const parsed = new Map<string, Promise<TerraformReference[]>>();

function referencesInExpression(text: string): Promise<TerraformReference[]> {
  let references = parsed.get(text);
  if (!references) {
    references = getReferencesInExpression("cdk.tf.json", text).then((found) =>
      found.map((reference) => parseReference(reference.value)),
    );
    parsed.set(text, references);
  }
  return references;
}

/** Splits `data.btp_x.y.attr.0` and the like into kind, address, type and attribute path. */
export function parseReference(text: string): TerraformReference {
  const parts = text.split(".");
  const [root] = parts;
  if (root === "data") {
    return {
      text,
      kind: "data",
      address: parts.slice(0, 3).join("."),
      type: parts[1] ?? "",
      attribute: parts.slice(3),
    };
  }
  if (root === "local" || root === "var") {
    return { text, kind: root, address: parts.slice(0, 2).join("."), type: "", attribute: parts.slice(2) };
  }
  if (["path", "terraform", "count", "each", "self"].includes(root) || parts.length < 2) {
    return { text, kind: "other", address: text, type: "", attribute: [] };
  }
  return {
    text,
    kind: "resource",
    address: parts.slice(0, 2).join("."),
    type: root,
    attribute: parts.slice(2),
  };
}
