/**
 * Reading (never evaluating) the Terraform templates in synthesized `cdk.tf.json` string values, so
 * that a review can compare the properties inside `jsonencode({...})` one by one. Parsing is
 * HashiCorp's HCL parser (`@cdktf/hcl2json`); what a template computes only Terraform answers.
 */
import { getExpressionAst, TFExpressionSyntaxTree as T } from "@cdktf/hcl2json";

// Each parse crosses into the parser's WebAssembly; the two sides of a review repeat the same
// templates. Callers only read the AST.
const parsed = new Map<string, Promise<{ ast: T.ExpressionType | null; source: Buffer }>>();

/**
 * Parses a string value of `cdk.tf.json` as Terraform reads it. It is wrapped in a heredoc, which
 * has the same escaping rules as a JSON-syntax template (only `$${` and `%%{`). Returns the AST,
 * null when it does not parse, and the parsed text, into which the AST's ranges are byte offsets.
 */
export function parseTemplate(template: string): Promise<{ ast: T.ExpressionType | null; source: Buffer }> {
  let result = parsed.get(template);
  if (!result) {
    const source = `<<EOT\n${template}\nEOT\n`;
    result = getExpressionAst("cdk.tf.json", source).then((ast) => ({
      ast,
      source: Buffer.from(source, "utf8"),
    }));
    parsed.set(template, result);
  }
  return result;
}

/** The text of a quoted string inside a template: HCL's backslash escapes, and `$${` / `%%{`, undone. */
export function unescapeQuoted(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|["\\nrt])/g, (_, e: string) => {
      if (e[0] === "u" || e[0] === "U") return String.fromCodePoint(parseInt(e.slice(1), 16));
      return ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e;
    })
    .replace(/\$\$\{/g, "${")
    .replace(/%%\{/g, "%{");
}
