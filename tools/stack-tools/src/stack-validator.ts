/**
 * What `terraform validate` would say about synthesized stacks, offline: the schema check of every
 * `btp_*` block (provider-schema.ts), plus the references inside expressions (each must point at
 * something declared, and at an attribute its type has; in `check` blocks too, whose data sources
 * are visible only inside them) and outputs that would leak a sensitive value without
 * `sensitive: true`.
 */
import { Finding, ProviderSchema, SchemaBlock, checkStackAgainstSchema } from "./provider-schema";
import { TerraformReference } from "./references";
import { compareText } from "./order";
import { readStackModel } from "./stack-model";
import { SynthesizedStack } from "./synth-output";

/** Attributes of Terraform's built-in `terraform_data` resource, which no provider schema lists. */
const TERRAFORM_DATA_ATTRIBUTES = ["id", "input", "output", "triggers_replace"];

const UNDECLARED = "which is not declared in this stack";

/** Validates each stack; findings are sorted by stack, address and attribute. */
export async function validateStacks(
  stacks: Record<string, SynthesizedStack>,
  schema: ProviderSchema,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [name, stack] of Object.entries(stacks)) {
    findings.push(...checkStackAgainstSchema(name, stack, schema));
    findings.push(...(await checkReferences(name, stack, schema)));
  }
  return findings.sort(
    (a, b) =>
      compareText(a.stack, b.stack) ||
      compareText(a.address, b.address) ||
      compareText(a.attribute, b.attribute) ||
      compareText(a.message, b.message),
  );
}

async function checkReferences(
  stackName: string,
  stack: SynthesizedStack,
  schema: ProviderSchema,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const { blocks } = await readStackModel(stackName, stack);
  const declared = new Map(blocks.map((block) => [block.address, block]));
  const report = (address: string, attribute: string, message: string) =>
    findings.push({ stack: stackName, address, attribute, message });

  /**
   * The schema of what a reference points at, or the reason it points at nothing. `scope` is the
   * check block the reference is written in: its data sources are visible there and nowhere else.
   */
  const target = (
    ref: TerraformReference,
    scope?: string,
  ): { block?: SchemaBlock; attributes?: string[]; missing?: string } => {
    const found = declared.get(ref.address);
    switch (ref.kind) {
      case "resource":
        if (found?.kind !== "resource") return { missing: `resource ${ref.address}, ${UNDECLARED}` };
        if (ref.type === "terraform_data") return { attributes: TERRAFORM_DATA_ATTRIBUTES };
        return { block: schema.resources[ref.type] };
      case "data":
        if (found?.kind !== "data") return { missing: `data source ${ref.address}, ${UNDECLARED}` };
        if (found.scope !== undefined && found.scope !== scope) {
          return {
            missing: `data source ${ref.address}, which only check block ${found.scope} can refer to`,
          };
        }
        return { block: schema.dataSources[ref.type] };
      case "local":
        return found ? {} : { missing: `local value ${ref.address}, ${UNDECLARED}` };
      case "var":
        return found ? {} : { missing: `variable ${ref.address}, ${UNDECLARED}` };
      default:
        return {};
    }
  };

  for (const block of blocks) {
    // Findings name a scoped data source by its address, an import block by its ID.
    const where = block.kind === "import" ? `import ${(block.body as { id: string }).id}` : block.address;
    const scope = block.kind === "check" ? block.name : block.scope;
    if (block.kind === "check") {
      const scoped = blocks.filter((b) => b.scope === block.name).map((b) => b.address);
      if (scoped.length > 1) {
        report(
          where,
          "data",
          `holds ${scoped.length} data sources (${scoped.join(", ")}): Terraform allows at most one per check block`,
        );
      }
    }
    for (const { target: ref, attribute, meta, interpolated } of block.references) {
      if (meta === "depends_on" || meta === "replace_triggered_by") {
        if (interpolated) {
          report(
            where,
            attribute,
            `"\${${ref.text}}" must be a bare address such as "terraform_data.x": Terraform refuses "\${...}" here`,
          );
          continue;
        }
      }
      const found = target(ref, scope);
      if (found.missing) {
        if (meta === "import") report(where, attribute, `imports into ${found.missing}`);
        else report(where, attribute, `refers to ${found.missing} (${ref.text})`);
        continue;
      }
      const [first] = ref.attribute;
      if (first === undefined || meta !== undefined) continue;
      const known = found.attributes ?? [
        ...Object.keys(found.block?.attributes ?? {}),
        ...Object.keys(found.block?.block_types ?? {}),
      ];
      if ((found.block || found.attributes) && !known.includes(first)) {
        report(
          where,
          attribute,
          `refers to ${ref.address}.${first}, but ${ref.type} has no attribute ${JSON.stringify(first)}`,
        );
      } else if (
        block.kind === "output" &&
        (block.body as { sensitive?: boolean }).sensitive !== true &&
        found.block?.attributes?.[first]?.sensitive
      ) {
        report(
          where,
          attribute,
          `is derived from the sensitive ${ref.address}.${first} and must be marked sensitive: true`,
        );
      }
    }
  }
  return findings;
}
