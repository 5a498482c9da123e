/**
 * What `terraform validate` would say about synthesized stacks, offline: the schema check of every
 * `btp_*` block (provider-schema.ts), plus the references inside expressions (each must point at
 * something declared, and at an attribute its type has; in `check` blocks too, whose data sources
 * are visible only inside them) and outputs that would leak a sensitive value without
 * `sensitive: true`.
 */
import { Finding, ProviderSchema, SchemaBlock, checkStackAgainstSchema } from "./provider-schema";
import { isPlainObject } from "./json";
import { TerraformReference, isExpression, parseReference, referencesIn } from "./references";
import { compareText } from "./order";
import { SynthesizedStack } from "./synth-output";

/** Attributes of Terraform's built-in `terraform_data` resource, which no provider schema lists. */
const TERRAFORM_DATA_ATTRIBUTES = ["id", "input", "output", "triggers_replace"];

const UNDECLARED = "which is not declared in this stack";

/** Meta-arguments whose items are addresses, not expressions. */
const ADDRESS_LISTS = ["depends_on", "lifecycle.replace_triggered_by"];

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

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
  const resources: Blocks = stack.resource ?? {};
  const dataSources: Blocks = stack.data ?? {};

  /** The check block that declares each scoped data source (`data.<type>.<name>`). */
  const scopedTo = new Map<string, string>();
  for (const [name, { data = {} }] of Object.entries(stack.check ?? {})) {
    for (const [type, byName] of Object.entries(data)) {
      for (const dataName of Object.keys(byName)) scopedTo.set(`data.${type}.${dataName}`, name);
    }
  }

  /**
   * The schema of what a reference points at, or the reason it points at nothing. `scope` is the
   * check block the reference is written in: its data sources are visible there and nowhere else.
   */
  const target = (
    ref: TerraformReference,
    scope?: string,
  ): { block?: SchemaBlock; attributes?: string[]; missing?: string } => {
    switch (ref.kind) {
      case "resource":
        if (!resources[ref.type]?.[ref.address.split(".")[1]])
          return { missing: `resource ${ref.address}, ${UNDECLARED}` };
        if (ref.type === "terraform_data") return { attributes: TERRAFORM_DATA_ATTRIBUTES };
        return { block: schema.resources[ref.type] };
      case "data": {
        if (dataSources[ref.type]?.[ref.address.split(".")[2]])
          return { block: schema.dataSources[ref.type] };
        const owner = scopedTo.get(ref.address);
        if (owner === undefined) return { missing: `data source ${ref.address}, ${UNDECLARED}` };
        if (owner !== scope) {
          return { missing: `data source ${ref.address}, which only check block ${owner} can refer to` };
        }
        return { block: schema.dataSources[ref.type] };
      }
      case "local":
        return ref.address.slice(6) in (stack.locals ?? {})
          ? {}
          : { missing: `local value ${ref.address}, ${UNDECLARED}` };
      case "var":
        return ref.address.slice(4) in (stack.variable ?? {})
          ? {}
          : { missing: `variable ${ref.address}, ${UNDECLARED}` };
      default:
        return {};
    }
  };

  const check = async (
    address: string,
    attribute: string,
    value: unknown,
    sensitiveOutput?: boolean,
    scope?: string,
  ) => {
    const references = ADDRESS_LISTS.includes(attribute)
      ? addressList(address, attribute, value)
      : await referencesIn(value);
    for (const ref of references) {
      const found = target(ref, scope);
      const report = (message: string) => findings.push({ stack: stackName, address, attribute, message });
      if (found.missing) {
        report(`refers to ${found.missing} (${ref.text})`);
        continue;
      }
      const [first] = ref.attribute;
      if (first === undefined) continue;
      const known = found.attributes ?? [
        ...Object.keys(found.block?.attributes ?? {}),
        ...Object.keys(found.block?.block_types ?? {}),
      ];
      if ((found.block || found.attributes) && !known.includes(first)) {
        report(
          `refers to ${ref.address}.${first}, but ${ref.type} has no attribute ${JSON.stringify(first)}`,
        );
      } else if (sensitiveOutput === false && found.block?.attributes?.[first]?.sensitive) {
        report(`is derived from the sensitive ${ref.address}.${first} and must be marked sensitive: true`);
      }
    }
  };

  /**
   * `depends_on` and `lifecycle.replace_triggered_by` take bare addresses: Terraform refuses a
   * "${...}" there at load ("Invalid character"), whatever it refers to.
   */
  const addressList = (address: string, attribute: string, value: unknown): TerraformReference[] => {
    const items = Array.isArray(value) ? value.map(String) : [];
    for (const item of items.filter(isExpression)) {
      findings.push({
        stack: stackName,
        address,
        attribute,
        message: `${JSON.stringify(item)} must be a bare address such as "terraform_data.x": Terraform refuses "\${...}" here`,
      });
    }
    return items.filter((item) => !isExpression(item)).map(parseReference);
  };

  for (const [name, { data = {} }] of Object.entries(stack.check ?? {})) {
    const scoped = Object.entries(data).flatMap(([type, byName]) =>
      Object.keys(byName).map((n) => `data.${type}.${n}`),
    );
    if (scoped.length > 1) {
      findings.push({
        stack: stackName,
        address: `check.${name}`,
        attribute: "data",
        message: `holds ${scoped.length} data sources (${scoped.join(", ")}): Terraform allows at most one per check block`,
      });
    }
  }

  for (const [section, blocks] of [
    ["", resources],
    ["data.", dataSources],
  ] as const) {
    for (const [type, instances] of Object.entries(blocks)) {
      for (const [name, body] of Object.entries(instances)) {
        for (const [attribute, value] of Object.entries(body)) {
          if (attribute === "lifecycle" && isPlainObject(value)) {
            for (const [setting, inner] of Object.entries(value)) {
              await check(`${section}${type}.${name}`, `lifecycle.${setting}`, inner);
            }
          } else if (attribute !== "//") {
            await check(`${section}${type}.${name}`, attribute, value);
          }
        }
      }
    }
  }
  for (const block of stack.import ?? []) {
    const ref = parseReference(block.to);
    const found = target(ref);
    if (found.missing) {
      findings.push({
        stack: stackName,
        address: `import ${block.id}`,
        attribute: "to",
        message: `imports into ${found.missing}`,
      });
    }
  }
  for (const [name, { assert = [], data = {} }] of Object.entries(stack.check ?? {})) {
    for (const [type, byName] of Object.entries(data)) {
      for (const [dataName, body] of Object.entries(byName)) {
        for (const [attribute, value] of Object.entries(body)) {
          if (attribute !== "//") await check(`data.${type}.${dataName}`, attribute, value, undefined, name);
        }
      }
    }
    for (const [i, assertion] of assert.entries()) {
      for (const [attribute, value] of Object.entries(assertion)) {
        await check(`check.${name}`, `assert[${i}].${attribute}`, value, undefined, name);
      }
    }
  }
  for (const [name, output] of Object.entries(stack.output ?? {})) {
    await check(`output.${name}`, "value", output.value, output.sensitive === true);
  }
  for (const [name, value] of Object.entries(stack.locals ?? {})) {
    await check(`local.${name}`, "value", value);
  }
  for (const [type, configs] of Object.entries(stack.provider ?? {})) {
    for (const config of configs) {
      for (const [attribute, value] of Object.entries(config))
        await check(`provider.${type}`, attribute, value);
    }
  }
  return findings;
}
