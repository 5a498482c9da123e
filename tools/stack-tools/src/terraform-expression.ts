/**
 * Evaluates the Terraform expressions in a synthesized `cdk.tf.json` string value, for the handful
 * of functions this project synthesizes, against given values of the references (for example a
 * service key's `credentials`). No Terraform binary exists where this runs, so this answers "what
 * would Terraform compute here" offline. Parsing is HashiCorp's HCL parser (`@cdktf/hcl2json`);
 * only the evaluation is ours, and it refuses anything it does not know rather than guess.
 */
import { getExpressionAst, TFExpressionSyntaxTree as T } from "@cdktf/hcl2json";

/** A value as Terraform holds it once decoded: JSON-like. */
export type TerraformValue =
  | string
  | number
  | boolean
  | null
  | TerraformValue[]
  | { [key: string]: TerraformValue };

/** Values of references, keyed by their full address, e.g. `btp_subaccount_service_binding.x.credentials`. */
export type ReferenceValues = Readonly<Record<string, TerraformValue>>;

export class ExpressionError extends Error {}

type Fn = (args: TerraformValue[]) => TerraformValue;
const FUNCTIONS: Readonly<Record<string, Fn>> = {
  // Go's encoder, which Terraform uses, also escapes <, > and & for safe embedding in HTML.
  jsonencode: ([value]) =>
    JSON.stringify(sortKeys(value)).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ),
  jsondecode: ([text]) => JSON.parse(asString(text, "jsondecode")) as TerraformValue,
  trimsuffix: ([text, suffix]) => {
    const s = asString(text, "trimsuffix");
    const x = asString(suffix, "trimsuffix");
    return x !== "" && s.endsWith(x) ? s.slice(0, -x.length) : s;
  },
  contains: ([list, value]) => {
    if (!Array.isArray(list)) throw new ExpressionError("contains: expected a list");
    return list.some((item) => JSON.stringify(item) === JSON.stringify(value));
  },
  join: ([separator, list]) => {
    if (!Array.isArray(list)) throw new ExpressionError("join: expected a list");
    return list.map((item) => asString(item, "join")).join(asString(separator, "join"));
  },
  formatdate: ([spec, timestamp]) =>
    formatDate(asString(spec, "formatdate"), asString(timestamp, "formatdate")),
  // Go's url.QueryEscape, which Terraform uses: also !'()* escaped, and a space as "+".
  urlencode: ([text]) =>
    encodeURIComponent(asString(text, "urlencode"))
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, "+"),
  lookup: ([map, key, fallback]) => {
    const k = asString(key, "lookup");
    if (isMap(map) && k in map) return map[k];
    if (fallback !== undefined) return fallback;
    throw new ExpressionError(`lookup: the map has no key ${JSON.stringify(k)}`);
  },
};

/**
 * Evaluates a string value of `cdk.tf.json` (a Terraform template such as `${jsonencode({...})}`),
 * resolving each reference from `references`. Throws `ExpressionError` on a reference without a
 * value, an unknown function or a missing attribute, as `terraform plan` would.
 */
export async function evaluateTemplate(
  template: string,
  references: ReferenceValues,
): Promise<TerraformValue> {
  const { ast, source } = await parseTemplate(template);
  if (!ast) throw new ExpressionError(`cannot parse ${JSON.stringify(template)}`);
  return new Evaluator(references, source).evaluate(ast);
}

/**
 * Parses a string value of `cdk.tf.json` as Terraform reads it. It is wrapped in a heredoc, which
 * has the same escaping rules as a JSON-syntax template (only `$${` and `%%{`). Returns the AST,
 * null when it does not parse, and the parsed text, into which the AST's ranges are byte offsets.
 */
export async function parseTemplate(
  template: string,
): Promise<{ ast: T.ExpressionType | null; source: Buffer }> {
  const source = `<<EOT\n${template}\nEOT\n`;
  return { ast: await getExpressionAst("cdk.tf.json", source), source: Buffer.from(source, "utf8") };
}

class Evaluator {
  public constructor(
    private readonly references: ReferenceValues,
    /** The parsed text; AST ranges are byte offsets into it. */
    private readonly source: Buffer,
  ) {}

  public evaluate(node: T.ExpressionType): TerraformValue {
    switch (node.type) {
      case "template":
      case "templateWrap":
        return this.template(node);
      case "literalValue":
        return this.literal(node);
      case "function":
        return this.call(node);
      case "object":
        return this.object(node);
      case "tuple":
        return node.children.map((child) => this.evaluate(child));
      case "scopeTraversal":
        return this.traverse(this.reference(node), node.meta.traversal.slice(this.addressLength(node)));
      case "relativeTraversal":
        return this.traverse(this.evaluate(node.children[0]), node.meta.traversal);
      case "binaryOp":
        return this.binary(node);
      default:
        throw new ExpressionError(`unsupported expression (${node.type}): ${node.meta.value}`);
    }
  }

  private binary(node: T.BinaryOpExpression): TerraformValue {
    const [left, right] = this.nested(() => node.children.map((child) => this.evaluate(child)));
    switch (node.meta.operator) {
      case "equal":
        return JSON.stringify(left) === JSON.stringify(right);
      case "notEqual":
        return JSON.stringify(left) !== JSON.stringify(right);
      default:
        throw new ExpressionError(`unsupported operator ${node.meta.operator}`);
    }
  }

  private template(node: T.TemplateExpression | T.TemplateWrapExpression): TerraformValue {
    // Literal parts follow this template's escaping; anything interpolated is HCL, where a string is quoted.
    const parts = node.children.map((child) =>
      child.type === "literalValue" ? this.evaluate(child) : this.nested(() => this.evaluate(child)),
    );
    if (node.meta.value.startsWith("<<")) {
      const last = parts.length - 1;
      parts[last] = asString(parts[last], "template").replace(/\n$/, "");
      if (parts[last] === "") parts.pop();
    }
    // A template that is a single interpolation yields that value unconverted, as in Terraform.
    if (parts.length === 1 && node.children[0].type !== "literalValue") return parts[0];
    return parts.map((part) => asString(part, "template interpolation")).join("");
  }

  private literal(node: T.LiteralValueExpression): TerraformValue {
    const raw = node.meta.value;
    switch (node.meta.type) {
      case "number":
        return Number(raw);
      case "bool":
        return raw === "true";
      case "string":
        return unescapeTemplate(raw, !this.insideQuotes);
      default:
        if (raw === "null") return null;
        throw new ExpressionError(`unsupported literal ${raw}`);
    }
  }

  // Quoted strings nested in the heredoc use HCL's backslash escapes; the heredoc's own text does not.
  private insideQuotes = false;

  private nested<R>(fn: () => R): R {
    const outer = this.insideQuotes;
    this.insideQuotes = true;
    try {
      return fn();
    } finally {
      this.insideQuotes = outer;
    }
  }

  private call(node: T.FunctionCallExpression): TerraformValue {
    const fn = FUNCTIONS[node.meta.name];
    if (!fn) throw new ExpressionError(`unsupported function ${node.meta.name}()`);
    return fn(this.nested(() => node.children.map((child) => this.evaluate(child))));
  }

  private object(node: T.ObjectExpression): TerraformValue {
    // Children alternate key and value. A quoted key is a template child of the key node; a bare
    // identifier key has no child, and is the key node's own text.
    const result: Record<string, TerraformValue> = {};
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const keyNode = node.children[i];
      const key = keyNode.children.length
        ? asString(
            this.nested(() => this.evaluate(keyNode.children[0])),
            "object key",
          )
        : this.source.subarray(keyNode.range.start.byte, keyNode.range.end.byte).toString("utf8");
      result[key] = this.nested(() => this.evaluate(node.children[i + 1]));
    }
    return result;
  }

  /** Resource and data addresses are three or four segments; local.x and var.x are two. */
  private addressLength(node: T.ScopeTraversalExpression): number {
    const root = node.meta.traversal[0].segment;
    return root === "data" ? 4 : root === "local" || root === "var" ? 2 : 3;
  }

  private reference(node: T.ScopeTraversalExpression): TerraformValue {
    const address = node.meta.traversal
      .slice(0, this.addressLength(node))
      .map((part) => part.segment)
      .join(".");
    if (!(address in this.references)) {
      throw new ExpressionError(`no value given for the reference ${address}`);
    }
    return this.references[address];
  }

  private traverse(value: TerraformValue, traversal: T.TerraformTraversalPart[]): TerraformValue {
    return traversal.reduce<TerraformValue>((current, part) => {
      const key =
        part.type === "indexTraversal" ? (JSON.parse(part.segment) as string | number) : part.segment;
      if (Array.isArray(current) && typeof key === "number" && key < current.length) return current[key];
      if (isMap(current) && typeof key === "string" && key in current) return current[key];
      throw new ExpressionError(`the value has no attribute or element ${JSON.stringify(key)}`);
    }, value);
  }
}

/** HCL's escapes: a quoted string's backslash escapes (not in a heredoc), and `$${` / `%%{` in both. */
export function unescapeTemplate(raw: string, heredoc: boolean): string {
  const unescaped = heredoc
    ? raw
    : raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|["\\nrt])/g, (_, e: string) => {
        if (e[0] === "u" || e[0] === "U") return String.fromCodePoint(parseInt(e.slice(1), 16));
        return ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e;
      });
  return unescaped.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** Terraform's formatdate for the numeric fields (YYYY, YY, MM, DD, hh, mm, ss) of a UTC timestamp. */
function formatDate(spec: string, timestamp: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(timestamp);
  if (!match)
    throw new ExpressionError(`formatdate: ${JSON.stringify(timestamp)} is not a UTC RFC 3339 timestamp`);
  const [, year, month, day, hour, minute, second] = match;
  const fields: Record<string, string> = {
    YYYY: year,
    YY: year.slice(2),
    MM: month,
    DD: day,
    hh: hour,
    mm: minute,
    ss: second,
  };
  return spec.replace(/YYYY|YY|MM|DD|hh|mm|ss|[A-Za-z]+/g, (token) => {
    if (!(token in fields)) throw new ExpressionError(`formatdate: unsupported field ${token}`);
    return fields[token];
  });
}

function asString(value: TerraformValue, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new ExpressionError(`${where}: expected a string, got ${JSON.stringify(value)}`);
}

function isMap(value: TerraformValue): value is { [key: string]: TerraformValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Terraform's objects have their attributes in lexical order, and jsonencode writes them so. */
function sortKeys(value: TerraformValue): TerraformValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isMap(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key])]),
    );
  }
  return value;
}
