/**
 * User strings written into the synthesized JSON so that Terraform reads them back byte for byte;
 * not part of the package's API.
 *
 * In Terraform's JSON syntax every string value is a template: `${` starts an interpolation and
 * `%{` a directive, unless doubled (`$${`, `%%{`). cdktf writes a plain string value as it is, so
 * `apim-${1+1}` would reach BTP as `apim-2`. Inside an expression that cdktf renders (an argument of
 * `Fn.jsonencode`, say), a string becomes an HCL quoted string: cdktf doubles `${` there, but leaves
 * `"`, `\` and `%{` as they are, which breaks the expression or changes the value.
 */
/** How cdktf (and CDK Terrain) mark a token inside a string: a value known only at deploy. */
const TOKEN_MARKER = "${TfToken[";

/**
 * Whether `value` holds a cdktf token (a reference such as `resource.id`). cdktf's own
 * `Token.isUnresolved` also says yes for any text with `${` in it, which a user may well type.
 */
export function holdsToken(value: unknown): boolean {
  return typeof value === "string" && value.includes(TOKEN_MARKER);
}

/** `value` as a string attribute, or template text, of the JSON syntax: `${` and `%{` doubled. */
export function templateLiteral(value: string): string {
  if (holdsToken(value)) return value;
  // A function, not "$${": in a replacement string "$$" stands for one "$".
  return value.replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{");
}

/** `value` with every string in it, at any depth, a {@link templateLiteral}. */
export function templateLiterals(value: unknown): unknown {
  if (typeof value === "string") return templateLiteral(value);
  if (Array.isArray(value)) return value.map(templateLiterals);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, templateLiterals(inner)]));
  }
  return value;
}

/**
 * `value` as a quoted string inside an expression that cdktf renders: `\` and `"` escaped, `%{`
 * doubled; cdktf itself doubles `${`.
 */
export function expressionLiteral(value: string): string {
  if (holdsToken(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/%\{/g, "%%{");
}
