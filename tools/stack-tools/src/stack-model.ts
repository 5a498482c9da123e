/**
 * One reading of a synthesized stack that every tool shares: its blocks, each with its Terraform
 * address, kind, construct path and body, and the references inside it, found once by HashiCorp's
 * HCL parser (references.ts). validate and review read stacks through it.
 */
import { JsonObject, isPlainObject } from "./json";
import { compareText } from "./order";
import { TerraformReference, isExpression, parseReference, referencesIn } from "./references";
import { SynthesizedStack } from "./synth-output";

export type BlockKind =
  | "resource"
  | "data"
  | "check"
  | "import"
  | "output"
  | "local"
  | "variable"
  | "provider"
  | "terraform"
  | "backend"
  | "other";

/** Where a block refers to another. */
export interface BlockReference {
  /** What is referred to. */
  readonly target: TerraformReference;
  /** Where in the block: a top-level attribute, `lifecycle.<setting>` or `assert[<i>].<field>`. */
  readonly attribute: string;
  /** Set for the meta-arguments whose items are addresses: they order or replace, they read nothing. */
  readonly meta?: "depends_on" | "replace_triggered_by" | "import";
  /** The item was written as "${...}"; Terraform refuses that inside an address list. */
  readonly interpolated: boolean;
}

export interface StackBlock {
  /**
   * Terraform address: `type.name`, `data.type.name`, `output.x`, `local.x`, `var.x`,
   * `provider.type[.alias]`; `check.x`, `import.<to>`, `terraform.<setting>` and
   * `terraform.backend.<type>` for blocks without an address of their own.
   */
  readonly address: string;
  readonly kind: BlockKind;
  /** Resource, data source, provider or backend type; empty for the rest. */
  readonly type: string;
  /** The block's name: the logical ID of a resource or data source, the name of the rest. */
  readonly name: string;
  /** The construct path cdktf recorded in the block's metadata, when it has one. */
  readonly constructPath?: string;
  /** The check block a data source is scoped to. */
  readonly scope?: string;
  /** The block as synthesized; a local's or a setting's value as `{ value }`. */
  readonly body: unknown;
  /** Every reference in the block, in the order written. */
  readonly references: readonly BlockReference[];
}

export interface StackModel {
  readonly name: string;
  /** Every block, in address order. */
  readonly blocks: readonly StackBlock[];
}

type Draft = Omit<StackBlock, "references"> & { readonly walk?: JsonObject };

/** Reads one synthesized stack into blocks and references. */
export async function readStackModel(name: string, stack: SynthesizedStack): Promise<StackModel> {
  const drafts: Draft[] = [];
  const named = (kind: "resource" | "data", byType: SynthesizedStack["resource"], scope?: string) => {
    for (const [type, byName] of Object.entries(byType ?? {})) {
      for (const [blockName, body] of Object.entries(byName)) {
        const address = `${kind === "data" ? "data." : ""}${type}.${blockName}`;
        drafts.push({
          address,
          kind,
          type,
          name: blockName,
          constructPath: pathOf(body),
          scope,
          body,
          walk: body,
        });
      }
    }
  };
  named("resource", stack.resource);
  named("data", stack.data);
  for (const [checkName, check] of Object.entries(stack.check ?? {})) {
    // The assertions are the check's own; its data sources are blocks of their own, scoped to it.
    const walk = { assert: check.assert ?? [] };
    drafts.push({
      address: `check.${checkName}`,
      kind: "check",
      type: "",
      name: checkName,
      body: check,
      walk,
    });
    named("data", check.data, checkName);
  }
  for (const block of stack.import ?? []) {
    drafts.push({ address: `import.${block.to}`, kind: "import", type: "", name: block.to, body: block });
  }
  for (const [outputName, output] of Object.entries(stack.output ?? {})) {
    drafts.push({
      address: `output.${outputName}`,
      kind: "output",
      type: "",
      name: outputName,
      body: output,
      walk: output,
    });
  }
  for (const [localName, value] of Object.entries(stack.locals ?? {})) {
    drafts.push({
      address: `local.${localName}`,
      kind: "local",
      type: "",
      name: localName,
      body: { value },
      walk: { value },
    });
  }
  for (const [variableName, body] of Object.entries(stack.variable ?? {})) {
    // A variable's default cannot refer to anything, so its body is not walked.
    drafts.push({ address: `var.${variableName}`, kind: "variable", type: "", name: variableName, body });
  }
  for (const [type, configs] of Object.entries(stack.provider ?? {})) {
    for (const [i, config] of configs.entries()) {
      const alias =
        typeof config.alias === "string" ? `.${config.alias}` : configs.length > 1 ? `[${i}]` : "";
      drafts.push({
        address: `provider.${type}${alias}`,
        kind: "provider",
        type,
        name: type,
        body: config,
        walk: config,
      });
    }
  }
  for (const [key, value] of Object.entries(stack.terraform ?? {})) {
    if (key === "backend" && isPlainObject(value)) {
      for (const [type, config] of Object.entries(value)) {
        drafts.push({
          address: `terraform.backend.${type}`,
          kind: "backend",
          type,
          name: type,
          body: config,
        });
      }
    } else {
      drafts.push({ address: `terraform.${key}`, kind: "terraform", type: "", name: key, body: value });
    }
  }
  const known = new Set([
    "//",
    "resource",
    "data",
    "check",
    "import",
    "output",
    "locals",
    "variable",
    "provider",
    "terraform",
  ]);
  for (const [key, value] of Object.entries(stack as Record<string, unknown>)) {
    if (known.has(key)) continue;
    // Blocks this project does not write (module, moved, ...): named ones one by one, the rest whole.
    if (isPlainObject(value) && Object.values(value).every(isPlainObject)) {
      for (const [blockName, body] of Object.entries(value)) {
        drafts.push({ address: `${key}.${blockName}`, kind: "other", type: "", name: blockName, body });
      }
    } else {
      drafts.push({ address: key, kind: "other", type: "", name: key, body: value });
    }
  }

  const blocks: StackBlock[] = [];
  for (const { walk, ...block } of drafts) {
    const references =
      block.kind === "import"
        ? [
            {
              target: parseReference((block.body as { to: string }).to),
              attribute: "to",
              meta: "import" as const,
              interpolated: false,
            },
          ]
        : walk
          ? await referencesOf(walk)
          : [];
    blocks.push({ ...block, references });
  }
  blocks.sort((a, b) => compareText(a.address, b.address));
  return { name, blocks };
}

/** Every stack of a synth output, read. */
export async function readStackModels(stacks: Record<string, SynthesizedStack>): Promise<StackModel[]> {
  const models: StackModel[] = [];
  for (const name of Object.keys(stacks).sort(compareText))
    models.push(await readStackModel(name, stacks[name]));
  return models;
}

async function referencesOf(body: JsonObject): Promise<BlockReference[]> {
  const found: BlockReference[] = [];
  const expressions = async (attribute: string, value: unknown) => {
    for (const target of await referencesIn(value)) found.push({ target, attribute, interpolated: true });
  };
  const addresses = async (
    attribute: string,
    meta: "depends_on" | "replace_triggered_by",
    value: unknown,
  ) => {
    for (const item of Array.isArray(value) ? value.map(String) : []) {
      if (isExpression(item)) {
        for (const target of await referencesIn(item))
          found.push({ target, attribute, meta, interpolated: true });
      } else {
        found.push({ target: parseReference(item), attribute, meta, interpolated: false });
      }
    }
  };
  for (const [attribute, value] of Object.entries(body)) {
    if (attribute === "//") continue;
    if (attribute === "depends_on") {
      await addresses(attribute, "depends_on", value);
    } else if (attribute === "lifecycle" && isPlainObject(value)) {
      for (const [setting, inner] of Object.entries(value)) {
        if (setting === "replace_triggered_by")
          await addresses(`lifecycle.${setting}`, "replace_triggered_by", inner);
        else await expressions(`lifecycle.${setting}`, inner);
      }
    } else if (attribute === "assert" && Array.isArray(value)) {
      for (const [i, assertion] of value.entries()) {
        for (const [field, inner] of Object.entries(isPlainObject(assertion) ? assertion : {})) {
          await expressions(`assert[${i}].${field}`, inner);
        }
      }
    } else {
      await expressions(attribute, value);
    }
  }
  return found;
}

function pathOf(body: unknown): string | undefined {
  const meta = isPlainObject(body) && isPlainObject(body["//"]) ? body["//"].metadata : undefined;
  return isPlainObject(meta) && typeof meta.path === "string" ? meta.path : undefined;
}
