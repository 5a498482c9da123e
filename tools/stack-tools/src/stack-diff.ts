/**
 * What `terraform plan` would tell a reviewer about two synth outputs, offline: which resources are
 * added, destroyed, updated or replaced, attribute by attribute, and which changes the SAP/btp
 * provider answers with a replacement or a refusal, or that break the content transport.
 *
 * Nothing is resolved: a value that Terraform computes (a service key's credentials) stays the
 * reference it is in `cdk.tf.json`. Expressions are read with HashiCorp's HCL parser
 * (`@cdktf/hcl2json`), so the properties inside `jsonencode({...})` can be compared one by one.
 */
import { TFExpressionSyntaxTree as T } from "@cdktf/hcl2json";
import { JsonObject as Json, isPlainObject } from "./json";
import { ProviderSchema, SchemaBlock, loadSnapshotSchemas } from "./provider-schema";
import { isExpression, parseReference } from "./references";
import { compareText } from "./order";
import { BlockKind as ModelBlockKind, readStackModel } from "./stack-model";
import { SERVICE_KEY_PATHS } from "./service-keys";
import { SynthesizedStack } from "./synth-output";
import { parseTemplate, unescapeQuoted } from "./template-syntax";

/** What the provider (or Terraform) does with a change that an in-place update cannot carry. */
export type RuleEffect = "replace" | "replace-or-refused" | "fails-in-place" | "destroy";

/** One row of {@link PLAN_RULES}. */
export interface PlanRule {
  readonly type: string;
  /** Attribute paths whose change (at or below them) triggers the rule, or the resource's removal. */
  readonly on: readonly string[] | "removal";
  readonly effect: RuleEffect;
  /** The content transport stops working: it finds its destination by name and calls it with the key. */
  readonly breaksTransport?: boolean;
  readonly why: string;
}

/**
 * The SAP/btp and cloudfoundry providers' answers to changes that an in-place update cannot carry,
 * for the resources this project synthesizes. Terraform's own `lifecycle.replace_triggered_by` (this
 * project's service key name trigger) is Terraform semantics, not a provider rule, and is applied in
 * {@link diffSynthOutputs} for any resource that declares it.
 */
export const PLAN_RULES: readonly PlanRule[] = [
  {
    type: "btp_subaccount_entitlement",
    on: ["subaccount_id", "service_name", "plan_name"],
    effect: "replace",
    why: "the provider replaces an entitlement whose subaccount, service or plan changes",
  },
  {
    type: "btp_subaccount_service_instance",
    on: ["service_offering_name", "serviceplan_name", "serviceplan_id", "subaccount_id"],
    effect: "replace-or-refused",
    why: "an instance cannot move to another offering, plan or subaccount",
  },
  {
    type: "btp_subaccount_service_binding",
    on: ["parameters", "labels"],
    effect: "replace",
    why: "the provider replaces a service binding whose parameters or labels change",
  },
  {
    type: "btp_subaccount_service_binding",
    on: ["name", "service_instance_id", "subaccount_id"],
    effect: "fails-in-place",
    why: "the provider refuses in-place updates of a service binding",
  },
  {
    type: "btp_subaccount_service_binding",
    on: "removal",
    effect: "destroy",
    breaksTransport: true,
    why: "the destination's URL and OAuth client come from this service key",
  },
  {
    type: "btp_subaccount_destination_generic",
    on: ["destination_configuration.Name"],
    effect: "replace",
    breaksTransport: true,
    why: "the destination is known by its name, and the transport looks it up by that exact name",
  },
  {
    type: "btp_subaccount_destination_generic",
    on: "removal",
    effect: "destroy",
    breaksTransport: true,
    why: "the transport calls this destination",
  },
  // The landscape's Cloud Transport Management subaccount (btp_subaccount_subscription.go and
  // btp_subaccount_role_collection_assignment.go, 1.25).
  {
    type: "btp_subaccount_subscription",
    on: ["subaccount_id", "app_name"],
    effect: "replace",
    breaksTransport: true,
    why: "the provider replaces a subscription whose subaccount or application changes, and the transport's nodes and route live in it",
  },
  {
    type: "btp_subaccount_subscription",
    on: ["plan_name", "parameters"],
    effect: "fails-in-place",
    why: "the provider refuses a plan or parameters change the application does not support",
  },
  {
    type: "btp_subaccount_subscription",
    on: "removal",
    effect: "destroy",
    breaksTransport: true,
    why: "unsubscribing removes Cloud Transport Management with its nodes and route",
  },
  {
    type: "btp_subaccount_role_collection_assignment",
    on: [
      "subaccount_id",
      "role_collection_name",
      "user_name",
      "group_name",
      "attribute_name",
      "attribute_value",
      "origin",
    ],
    effect: "replace",
    why: "the provider replaces a role collection assignment on any change",
  },
  // cloudfoundry/cloudfoundry 1.16: a credential binding cannot change at all; an instance can be
  // renamed and move to another plan, but not to another space or type.
  {
    type: "cloudfoundry_service_credential_binding",
    on: ["name", "service_instance", "type", "app", "parameters"],
    effect: "replace",
    why: "the provider replaces a credential binding whose name, instance, type, app or parameters change",
  },
  {
    type: "cloudfoundry_service_credential_binding",
    on: "removal",
    effect: "destroy",
    breaksTransport: true,
    why: "the destination's URL and OAuth client come from this service key",
  },
  {
    type: "cloudfoundry_service_instance",
    on: ["space", "type"],
    effect: "replace",
    why: "an instance cannot move to another space or become another type",
  },
  // A stage's deploy user's role (resource_space_role.go, 1.16: every attribute RequiresReplace).
  {
    type: "cloudfoundry_space_role",
    on: ["type", "space", "user", "username", "origin"],
    effect: "replace",
    why: "the provider replaces a space role on any change",
  },
  {
    type: "cloudfoundry_space_role",
    on: "removal",
    effect: "destroy",
    breaksTransport: true,
    why: "without Space Developer in the stage's space, its deploy user can no longer import there",
  },
  {
    type: "terraform_data",
    on: ["triggers_replace"],
    effect: "replace",
    why: "Terraform replaces a terraform_data whose triggers_replace changes",
  },
];

/** Terraform's meta-arguments: changing only these changes nothing in BTP. */
const META_ARGUMENTS = [
  "depends_on",
  "lifecycle",
  "provider",
  "count",
  "for_each",
  "provisioner",
  "connection",
];

export type BlockKind = "resource" | "data" | "output" | "provider" | "backend" | "terraform" | "other";

export type Action = "create" | "import" | "destroy" | "update" | "replace" | "meta-only";

/** One attribute (or property inside a JSON-encoded attribute); a side without it is undefined. */
export interface AttributeChange {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export interface BlockChange {
  /** `type.name` for resources, `data.type.name`, `output.name`, `provider.btp`, `terraform.backend.s3`... */
  readonly address: string;
  readonly kind: BlockKind;
  /** Resource or data source type; empty for other blocks. */
  readonly type: string;
  /** The construct path (`"//".metadata.path`), which says where in the code the block comes from. */
  readonly constructPath?: string;
  action: Action;
  /** For a created block every attribute (after only); for a destroyed one none. */
  readonly changes: AttributeChange[];
  /** Attributes whose value Terraform only knows after apply, because what they refer to is replaced. */
  readonly knownAfterApply: Array<{ readonly path: string; readonly because: string }>;
  readonly replacedBecause: string[];
  /** A replacement the provider may refuse instead (service instances). */
  refusedOrReplaced: boolean;
  readonly failsAtApply: string[];
  readonly breaksTransport: string[];
  /** Top-level attributes shown here that the provider schema marks sensitive. */
  readonly sensitive: string[];
  readonly notes: string[];
}

export interface StackDiff {
  readonly name: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  /**
   * For an added or removed stack: the other stacks, removed or added, that manage the same
   * subaccount, which is what renaming an environment looks like.
   */
  readonly sameSubaccountAs?: readonly string[];
  /** Sorted by kind (resources first), then address. */
  readonly blocks: readonly BlockChange[];
  /** For a removed stack: the resources it leaves behind. */
  readonly leftBehind: readonly string[];
}

/** Compares two synth outputs stack by stack; the result is sorted by stack name. */
export async function diffSynthOutputs(
  before: Readonly<Record<string, SynthesizedStack>>,
  after: Readonly<Record<string, SynthesizedStack>>,
  schemas: readonly ProviderSchema[] = loadSnapshotSchemas(),
): Promise<StackDiff[]> {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareText);
  const diffs: StackDiff[] = [];
  for (const name of names) diffs.push(await diffStack(name, before[name], after[name], schemas));
  // A stack that goes and one that comes for the same subaccount: a renamed environment. The new
  // stack starts with an empty state, so it would create a second set of objects beside the ones
  // the old stack's state still holds, which nothing manages any more.
  const subaccountOf = (stack: SynthesizedStack | undefined) => {
    const value = stack?.output?.subaccount_id?.value;
    return typeof value === "string" ? value.toLowerCase() : undefined;
  };
  return diffs.map((diff) => {
    if (diff.status !== "added" && diff.status !== "removed") return diff;
    const mine = subaccountOf(diff.status === "added" ? after[diff.name] : before[diff.name]);
    const counterparts = diffs
      .filter((other) => other.status === (diff.status === "added" ? "removed" : "added"))
      .filter((other) => {
        const theirs = subaccountOf(other.status === "added" ? after[other.name] : before[other.name]);
        return mine !== undefined && theirs === mine;
      })
      .map((other) => other.name);
    return counterparts.length > 0 ? { ...diff, sameSubaccountAs: counterparts } : diff;
  });
}

// ---------------------------------------------------------------------------------------------
// Blocks and their attributes, flattened to comparable paths

/** A value as shown to the reviewer: a literal as JSON, an expression as its source text. */
interface Shown {
  readonly text: string;
  /** Addresses of the resources and data sources the value refers to. */
  readonly refs: readonly string[];
}

interface Block {
  readonly address: string;
  readonly kind: BlockKind;
  readonly type: string;
  readonly constructPath?: string;
  readonly attributes: ReadonlyMap<string, Shown>;
}

/** The diff's kinds: what it plans like Terraform, and the rest compared as configuration. */
const DIFF_KIND: Readonly<Record<ModelBlockKind, BlockKind>> = {
  resource: "resource",
  data: "data",
  output: "output",
  provider: "provider",
  backend: "backend",
  terraform: "terraform",
  check: "other",
  import: "other",
  local: "other",
  variable: "other",
  other: "other",
};

async function blocksOf(name: string, stack: SynthesizedStack): Promise<Map<string, Block>> {
  const blocks = new Map<string, Block>();
  for (const block of (await readStackModel(name, stack)).blocks) {
    // A check's data source is compared as part of its check block.
    if (block.scope !== undefined) continue;
    const attributes = new Map<string, Shown>();
    // A block that is a single value (`terraform.required_version`) still needs a path to show.
    const { body } = block;
    await flatten(body, isPlainObject(body) || Array.isArray(body) ? "" : "value", attributes);
    blocks.set(block.address, {
      address: block.address,
      kind: DIFF_KIND[block.kind],
      type: block.type,
      constructPath: block.constructPath,
      attributes,
    });
  }
  return blocks;
}

/** Attributes whose items are bare addresses (`terraform_data.x`), not expressions. */
const ADDRESS_LISTS = /^(depends_on|lifecycle\.replace_triggered_by)\[\d+\]$/;

async function flatten(value: unknown, path: string, out: Map<string, Shown>): Promise<void> {
  if (typeof value === "string" && ADDRESS_LISTS.test(path) && !isExpression(value)) {
    out.set(path, { text: JSON.stringify(value), refs: [parseReference(value).address] });
    return;
  }
  if (typeof value === "string") return flattenString(value, path, out);
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, literal([]));
    for (const [i, item] of value.entries()) await flatten(item, `${path}[${i}]`, out);
    return;
  }
  if (isPlainObject(value)) {
    // "//" is cdktf's metadata (construct path, unique ID), not something Terraform plans.
    const keys = Object.keys(value).filter((key) => key !== "//");
    if (keys.length === 0 && path !== "") out.set(path, literal({}));
    for (const key of keys) await flatten(value[key], join(path, key), out);
    return;
  }
  out.set(path, literal(value ?? null));
}

async function flattenString(value: string, path: string, out: Map<string, Shown>): Promise<void> {
  if (!isExpression(value)) {
    // A JSON string literal such as `parameters` is compared property by property, like jsonencode().
    const decoded = parseJsonObject(value);
    if (decoded) return flatten(decoded, path, out);
    out.set(path, literal(value));
    return;
  }
  const { ast, source } = await parseTemplate(value).catch(() => ({
    ast: null, // Terraform would reject it; the reviewer still sees the text that changed
    source: Buffer.alloc(0),
  }));
  if (!ast) {
    out.set(path, { text: JSON.stringify(value), refs: [] });
    return;
  }
  const parts = templateParts(ast);
  if (parts.length === 1 && parts[0].type !== "literalValue") {
    const [node] = parts;
    const argument = node.type === "function" && node.meta.name === "jsonencode" ? node.children : [];
    if (argument.length === 1 && argument[0].type === "object") {
      return flattenObjectNode(argument[0], path, out, source);
    }
    out.set(path, { text: sourceText(node, source), refs: referencedAddresses(node) });
    return;
  }
  out.set(path, { text: JSON.stringify(value), refs: referencedAddresses(ast) });
}

/** The parts of the heredoc template, without the newline that closes it. */
function templateParts(ast: T.ExpressionType): T.ExpressionType[] {
  const parts = ast.type === "template" || ast.type === "templateWrap" ? [...ast.children] : [ast];
  const last = parts[parts.length - 1];
  if (last?.type === "literalValue" && last.meta.value === "\n") parts.pop();
  return parts;
}

function flattenObjectNode(
  node: T.ObjectExpression,
  path: string,
  out: Map<string, Shown>,
  source: Buffer,
): void {
  if (node.children.length === 0) out.set(path, literal({}));
  // Children alternate key node and value node.
  for (let i = 0; i + 1 < node.children.length; i += 2) {
    const key = objectKey(node.children[i], source);
    const valueNode = node.children[i + 1];
    const at = join(path, key);
    if (valueNode.type === "object") {
      flattenObjectNode(valueNode, at, out, source);
      continue;
    }
    const value = literalOf(valueNode);
    out.set(
      at,
      value
        ? literal(value.value)
        : { text: sourceText(valueNode, source), refs: referencedAddresses(valueNode) },
    );
  }
}

/** A quoted key is a template child of the key node; a bare identifier is the key node's own text. */
function objectKey(keyNode: T.ExpressionType, source: Buffer): string {
  if (keyNode.children.length > 0) {
    const value = literalOf(keyNode.children[0]);
    if (value && typeof value.value === "string") return value.value;
    return sourceText(keyNode.children[0], source);
  }
  return source.subarray(keyNode.range.start.byte, keyNode.range.end.byte).toString("utf8");
}

/** The value of a node made of literals only (inside quotes), or undefined when it refers to anything. */
function literalOf(node: T.ExpressionType): { value: unknown } | undefined {
  switch (node.type) {
    case "literalValue":
      switch (node.meta.type) {
        case "number":
          return { value: Number(node.meta.value) };
        case "bool":
          return { value: node.meta.value === "true" };
        case "string":
          return { value: unescapeQuoted(node.meta.value) };
        default:
          return node.meta.value === "null" ? { value: null } : undefined;
      }
    case "template": {
      const parts = node.children.map(literalOf);
      if (parts.some((part) => part === undefined || typeof part.value !== "string")) return undefined;
      return { value: parts.map((part) => part?.value).join("") };
    }
    case "tuple": {
      const items = node.children.map(literalOf);
      return items.every((item) => item !== undefined)
        ? { value: items.map((item) => item?.value) }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A node's own source text. The parser gives it as `meta.value`; byte ranges of composite nodes
 * cover only their first token, so they are the fallback only.
 */
function sourceText(node: T.ExpressionType, source: Buffer): string {
  if (typeof node.meta?.value === "string") return node.meta.value;
  return source.subarray(node.range.start.byte, node.range.end.byte).toString("utf8");
}

/** Resource and data source addresses referred to anywhere below `node`, sorted. */
function referencedAddresses(node: T.ExpressionType): string[] {
  const found = new Set<string>();
  const walk = (n: T.ExpressionType): void => {
    if (n.type === "scopeTraversal") {
      const reference = parseReference(n.meta.traversal.map((part) => part.segment).join("."));
      if (reference.kind === "resource" || reference.kind === "data") found.add(reference.address);
    }
    n.children.forEach(walk);
  };
  walk(node);
  return [...found].sort(compareText);
}

function literal(value: unknown): Shown {
  return { text: JSON.stringify(value), refs: [] };
}

function parseJsonObject(value: string): Json | undefined {
  if (!value.trimStart().startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The plan

async function diffStack(
  name: string,
  before: SynthesizedStack | undefined,
  after: SynthesizedStack | undefined,
  schemas: readonly ProviderSchema[],
): Promise<StackDiff> {
  const old = before ? await blocksOf(name, before) : new Map<string, Block>();
  const now = after ? await blocksOf(name, after) : new Map<string, Block>();

  if (!after) {
    const leftBehind = [...old.values()].filter((b) => b.kind === "resource").map((b) => b.address);
    return { name, status: "removed", blocks: [], leftBehind: leftBehind.sort(compareText) };
  }

  const imported = new Set(
    [...now.keys()].filter((address) => address.startsWith("import.")).map((address) => address.slice(7)),
  );

  const changes = new Map<string, BlockChange>();
  const rulesPending = new Map<string, string[]>();
  const newChange = (block: Block, action: Action): BlockChange => {
    const change: BlockChange = {
      address: block.address,
      kind: block.kind,
      type: block.type,
      constructPath: block.constructPath,
      action,
      changes: [],
      knownAfterApply: [],
      replacedBecause: [],
      refusedOrReplaced: false,
      failsAtApply: [],
      breaksTransport: [],
      sensitive: [],
      notes: [],
    };
    changes.set(block.address, change);
    return change;
  };
  const applyRules = (change: BlockChange, paths: readonly string[], cause = ""): void => {
    for (const rule of PLAN_RULES) {
      if (rule.type !== change.type || rule.on === "removal") continue;
      const ruleOn = rule.on;
      const matched = paths.filter((path) => ruleOn.some((on) => covers(on, path)));
      if (matched.length === 0) continue;
      const reason = `${matched.map(code).join(", ")} ${matched.length === 1 ? "changes" : "change"}${cause}: ${rule.why}`;
      if (rule.effect === "fails-in-place") {
        rulesPending.set(change.address, [...(rulesPending.get(change.address) ?? []), reason]);
        continue;
      }
      change.action = "replace";
      change.replacedBecause.push(reason);
      if (rule.effect === "replace-or-refused") change.refusedOrReplaced = true;
      if (rule.breaksTransport)
        change.breaksTransport.push(`${code(change.address)} is replaced: ${rule.why}`);
    }
  };

  for (const address of [...new Set([...old.keys(), ...now.keys()])].sort(compareText)) {
    const was = old.get(address);
    const is = now.get(address);
    if (was && !is) {
      const change = newChange(was, "destroy");
      for (const rule of PLAN_RULES) {
        if (rule.type === was.type && rule.on === "removal" && rule.breaksTransport) {
          change.breaksTransport.push(`${code(address)} is destroyed: ${rule.why}`);
        }
      }
    } else if (is && !was) {
      const change = newChange(is, is.kind === "resource" && imported.has(address) ? "import" : "create");
      for (const [path, shown] of [...is.attributes].sort(([a], [b]) => compareText(a, b))) {
        change.changes.push({ path, after: shown.text });
      }
    } else if (was && is) {
      const paths = [...new Set([...was.attributes.keys(), ...is.attributes.keys()])].sort(compareText);
      const changed = paths.filter(
        (path) => was.attributes.get(path)?.text !== is.attributes.get(path)?.text,
      );
      if (changed.length === 0) continue;
      const meta = changed.every((path) => META_ARGUMENTS.includes(topAttribute(path)));
      const change = newChange(is, meta && is.kind === "resource" ? "meta-only" : "update");
      for (const path of changed) {
        change.changes.push({
          path,
          before: was.attributes.get(path)?.text,
          after: is.attributes.get(path)?.text,
        });
      }
      applyRules(
        change,
        changed.filter((path) => !META_ARGUMENTS.includes(topAttribute(path))),
      );
    }
  }

  // Replacements spread: a replaced resource's attributes are new, so whatever refers to them
  // changes at apply, and `replace_triggered_by` replaces whatever names a changing resource.
  for (let spreading = true; spreading; ) {
    spreading = false;
    const replaced = new Set(
      [...changes.values()].filter((c) => c.action === "replace").map((c) => c.address),
    );
    const planned = new Set(
      [...changes.values()]
        .filter((c) => c.action === "update" || c.action === "replace")
        .map((c) => c.address),
    );
    for (const block of now.values()) {
      if ((block.kind !== "resource" && block.kind !== "output") || !old.has(block.address)) continue;
      const change = (): BlockChange => changes.get(block.address) ?? newChange(block, "update");
      for (const [path, shown] of [...block.attributes].sort(([a], [b]) => compareText(a, b))) {
        const attribute = topAttribute(path);
        if (block.kind === "resource" && path.startsWith("lifecycle.replace_triggered_by")) {
          const trigger = shown.refs.find((ref) => planned.has(ref) && ref !== block.address);
          if (trigger && changes.get(block.address)?.action !== "replace") {
            const c = change();
            c.action = "replace";
            c.replacedBecause.push(
              `its \`lifecycle.replace_triggered_by\` names ${code(trigger)}, which changes`,
            );
            spreading = true;
          }
        } else if (!META_ARGUMENTS.includes(attribute)) {
          const cause = shown.refs.find((ref) => replaced.has(ref) && ref !== block.address);
          if (cause && !changes.get(block.address)?.knownAfterApply.some((k) => k.path === path)) {
            const c = change();
            if (c.action === "meta-only") c.action = "update";
            c.knownAfterApply.push({ path, because: cause });
            applyRules(c, [path], ` (known only after apply: ${code(cause)} is replaced)`);
            spreading = true;
          }
        }
      }
    }
  }

  for (const change of changes.values()) {
    // Without create_before_destroy, Terraform deletes the old key before it creates the new one,
    // so until the apply ends (or for good, should it fail) the destination holds dead credentials.
    const block = now.get(change.address);
    if (
      SERVICE_KEY_PATHS.some(({ key }) => key === change.type) &&
      change.action === "replace" &&
      block?.attributes.get("lifecycle.create_before_destroy")?.text !== "true"
    ) {
      change.breaksTransport.push(
        `${code(change.address)} is replaced, the old key deleted before the new one exists: ` +
          "the destination holds the deleted key's credentials until the apply ends, and for good if it fails",
      );
    }
    const pending = rulesPending.get(change.address) ?? [];
    if (pending.length > 0 && change.action !== "replace") {
      change.failsAtApply.push(
        ...pending.map((reason) => `${reason}, and no \`replace_triggered_by\` trigger of it changes`),
      );
    }
    const attributes = new Set(
      [...change.changes, ...change.knownAfterApply].map((c) => topAttribute(c.path)),
    );
    const schemaOfBlock = schemaBlock(schemas, change);
    change.sensitive.push(
      ...[...attributes].filter((a) => schemaOfBlock?.attributes?.[a]?.sensitive).sort(compareText),
    );
    change.notes.push(...notesFor(change, name));
  }

  const blocks = [...changes.values()].sort(
    (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || compareText(a.address, b.address),
  );
  return {
    name,
    status: before ? (blocks.length ? "changed" : "unchanged") : "added",
    blocks,
    leftBehind: [],
  };
}

const KINDS: readonly BlockKind[] = [
  "resource",
  "data",
  "output",
  "provider",
  "backend",
  "terraform",
  "other",
];

function notesFor(change: BlockChange, stack: string): string[] {
  if (change.action === "create" || change.action === "import") return [];
  switch (change.kind) {
    case "backend":
      return [
        `the state location changes: migrate the state first (\`terraform init -migrate-state\` in cdktf.out/stacks/${stack}), ` +
          "or the next deploy starts from an empty state and creates everything again",
      ];
    case "provider":
      return ["every resource of this provider is planned and applied with the new provider settings"];
    case "terraform":
      return change.address === "terraform.required_providers"
        ? ["provider requirements change: `terraform init -upgrade` picks the new version"]
        : [];
    default:
      return [];
  }
}

function schemaBlock(schemas: readonly ProviderSchema[], change: BlockChange): SchemaBlock | undefined {
  for (const schema of schemas) {
    if (change.kind === "resource" && schema.resources[change.type]) return schema.resources[change.type];
    if (change.kind === "data" && schema.dataSources[change.type]) return schema.dataSources[change.type];
    if (change.kind === "provider" && change.type === schema.name) return schema.provider;
  }
  return undefined;
}

/** True when `path` is `on` or lies below it (a property of it, an element of it). */
function covers(on: string, path: string): boolean {
  return path === on || path.startsWith(`${on}.`) || path.startsWith(`${on}[`);
}

function topAttribute(path: string): string {
  const end = [path.indexOf("."), path.indexOf("[")].filter((i) => i >= 0);
  return end.length ? path.slice(0, Math.min(...end)) : path;
}

// ---------------------------------------------------------------------------------------------
// Markdown

export interface ReviewLabels {
  /** What was compared, as the reviewer should read it, e.g. "main (1a2b3c4)" or "working tree". */
  readonly before: string;
  readonly after: string;
}

interface Counts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

function countsOf(diff: StackDiff): Counts {
  const counts: Counts = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const block of diff.blocks) {
    if (block.kind !== "resource") continue;
    if (block.action === "create" || block.action === "import") counts.add++;
    else if (block.action === "update") counts.change++;
    else if (block.action === "replace") counts.replace++;
    else if (block.action === "destroy") counts.destroy++;
  }
  return counts;
}

/** Renders the diff as Markdown for a pull-request comment; the same diff always gives the same text. */
export function renderMarkdown(diffs: readonly StackDiff[], labels: ReviewLabels): string {
  const lines: string[] = [
    "## Stack review",
    "",
    `Before: ${code(labels.before)}  `,
    `After: ${code(labels.after)}`,
    "",
  ];
  if (diffs.every((diff) => diff.status === "unchanged")) {
    lines.push(
      `No changes: ${diffs.length === 1 ? "the stack synthesizes" : `all ${diffs.length} stacks synthesize`} ` +
        "the same resources, outputs and configuration.",
      "",
    );
    return lines.join("\n");
  }

  lines.push(
    "| stack | to add | to change | to replace | to destroy | notes |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
  );
  for (const diff of diffs) {
    const counts = countsOf(diff);
    lines.push(
      `| ${code(diff.name)} | ${counts.add} | ${counts.change} | ${counts.replace} | ${counts.destroy} | ${stackNotes(diff).join(", ")} |`,
    );
  }
  lines.push("");

  for (const diff of diffs) {
    if (diff.status === "unchanged") continue;
    lines.push(...renderStack(diff));
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return `${lines.join("\n")}\n`;
}

function stackNotes(diff: StackDiff): string[] {
  const notes: string[] = [];
  if (diff.status === "added") notes.push("new stack");
  if (diff.status === "removed") notes.push("stack removed");
  if (diff.status === "unchanged") notes.push("no changes");
  if (diff.sameSubaccountAs) notes.push("**renamed environment? state orphaned**");
  if (diff.blocks.some((b) => b.breaksTransport.length > 0)) notes.push("**breaks the transport**");
  if (diff.blocks.some((b) => b.failsAtApply.length > 0)) notes.push("**fails at apply**");
  if (diff.blocks.some((b) => b.kind === "output")) notes.push("outputs change");
  if (diff.blocks.some((b) => ["provider", "backend", "terraform", "other"].includes(b.kind))) {
    notes.push("configuration changes");
  }
  return notes;
}

function renderStack(diff: StackDiff): string[] {
  const lines = [`### Stack ${code(diff.name)}${diff.status === "added" ? " (new)" : ""}`, ""];
  if (diff.sameSubaccountAs) {
    const others = diff.sameSubaccountAs.map(code).join(", ");
    lines.push(
      diff.status === "added"
        ? `> **Renamed environment?** This new stack manages the subaccount of the removed ${others}. It starts ` +
            `with an empty state: a deploy would create a second entitlement, instance, key and destination ` +
            `beside the ones ${others}'s state still holds, and those would be left unmanaged. Keep the old name, ` +
            "or move the state first (copy the state file or `terraform state mv`), then deploy."
        : `> **Renamed environment?** The new ${others} manages this stack's subaccount; this stack's state, with ` +
            "every object in it, is left behind unless it is moved to the new name before the next deploy.",
      "",
    );
  }
  if (diff.status === "removed") {
    lines.push(
      `This stack is no longer synthesized. A deploy does not destroy anything: its resources stay in BTP ` +
        `and in its state until someone runs \`cdktf destroy ${diff.name}\` from a revision that still has it.`,
      "",
      ...diff.leftBehind.map((address) => `- ${code(address)}`),
      "",
    );
    return lines;
  }

  const breaking = diff.blocks.flatMap((b) => b.breaksTransport);
  if (breaking.length > 0) {
    lines.push(...breaking.map((reason) => `> **Breaks the transport**: ${reason}.`), "");
  }

  for (const block of diff.blocks.filter((b) => b.kind === "resource" || b.kind === "data")) {
    lines.push(...renderResource(block), "");
  }
  const outputs = diff.blocks.filter((b) => b.kind === "output");
  if (outputs.length > 0) lines.push("#### Outputs", "", ...outputs.flatMap(renderOtherBlock), "");
  const config = diff.blocks.filter((b) => !["resource", "data", "output"].includes(b.kind));
  if (config.length > 0)
    lines.push("#### Provider, backend and other configuration", "", ...config.flatMap(renderOtherBlock), "");
  return lines;
}

function headline(block: BlockChange): string {
  return block.breaksTransport.length > 0
    ? `${action(block)}, which **breaks the transport**`
    : action(block);
}

function action(block: BlockChange): string {
  switch (block.action) {
    case "create":
      return block.kind === "data" ? "will be read" : "will be created";
    case "import":
      return "will be imported (an `import` block names it), not created";
    case "destroy":
      return block.kind === "data" ? "is no longer read" : "will be **destroyed**";
    case "replace":
      return block.refusedOrReplaced
        ? "must be **replaced (or refused by the provider)**"
        : "must be **replaced**";
    case "meta-only":
      return "changes only meta-arguments, nothing in BTP";
    case "update":
      return block.failsAtApply.length > 0
        ? "will be updated in place, which **fails at apply**"
        : "will be updated in place";
  }
}

function renderResource(block: BlockChange): string[] {
  const lines = [`#### ${code(block.address)} ${headline(block)}`, ""];
  if (block.constructPath) lines.push(`Construct: ${code(block.constructPath)}`, "");
  lines.push(...block.changes.map((c) => renderAttribute(c, block)), ...renderKnownAfterApply(block));
  lines.push(...block.replacedBecause.map((reason) => `- **Replaced**: ${reason}.`));
  lines.push(...block.failsAtApply.map((reason) => `- **Fails at apply**: ${reason}.`));
  lines.push(...block.notes.map((note) => `- Note: ${note}.`));
  if (block.sensitive.length > 0) {
    lines.push(
      `- Sensitive in the provider schema: ${block.sensitive.map(code).join(", ")}. \`terraform plan\` prints ` +
        "`(sensitive value)`; what is shown here is the synthesized text, literals and references only.",
    );
  }
  return lines;
}

function renderKnownAfterApply(block: BlockChange): string[] {
  const causes = [...new Set(block.knownAfterApply.map((k) => k.because))].sort(compareText);
  return causes.map((cause) => {
    const paths = block.knownAfterApply.filter((k) => k.because === cause).map((k) => code(k.path));
    return `- known only after apply, because ${code(cause)} is replaced: ${paths.join(", ")}`;
  });
}

function renderOtherBlock(block: BlockChange): string[] {
  const what = {
    create: "added",
    import: "added",
    destroy: "removed",
    update: "changed",
    replace: "changed",
    "meta-only": "changed",
  }[block.action];
  return [
    `- ${code(block.address)} ${what}`,
    ...(block.action === "destroy" ? [] : block.changes.map((c) => `  ${renderAttribute(c, block)}`)),
    ...renderKnownAfterApply(block).map((line) => `  ${line}`),
    ...block.notes.map((note) => `  - Note: ${note}.`),
    ...(block.sensitive.length > 0
      ? [`  - Sensitive in the provider schema: ${block.sensitive.map(code).join(", ")}.`]
      : []),
  ];
}

function renderAttribute(change: AttributeChange, block: BlockChange): string {
  if (block.action === "create" || block.action === "import") {
    return `- ${code(change.path)}: ${code(change.after ?? "")}`;
  }
  const side = (text: string | undefined): string => (text === undefined ? "(not set)" : code(text));
  return `- ${code(change.path)}: ${side(change.before)} -> ${side(change.after)}`;
}

/** A Markdown code span that survives backticks and line breaks in the text. */
function code(text: string): string {
  const oneLine = text.split("\r\n").join("\\n").split("\n").join("\\n");
  let longest = 0;
  for (let run = 0, i = 0; i < oneLine.length; i++) {
    run = oneLine[i] === "`" ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

// ---------------------------------------------------------------------------------------------

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
