/**
 * Computed values shaped as the real providers return them, for the `mock_provider` blocks and
 * `override_resource` values of the generated `terraform test` files. The real providers' own
 * validators run under `mock_provider` too (at config validation, before any mock answers), so a
 * mock's random 8-character string where the provider returns a GUID (a Cloud Foundry service
 * plan's `id`, passed on into `cloudfoundry_service_instance.service_plan`) fails `terraform test`
 * with the real provider, while a schema stand-in without that validator would let it pass.
 */
import { createHash } from "node:crypto";
import { SchemaAttribute, SchemaBlock, loadSnapshotSchemas } from "./provider-schema";
import { SynthesizedStack } from "./synth-output";

/** A literal HCL value: a string, a bool, a number, an empty collection, or an object of them. */
export type MockValue = string | boolean | number | readonly [] | { readonly [attribute: string]: MockValue };

/** The time every made-up timestamp gives: RFC 3339, as both providers return them. */
const MADE_UP_TIME = "2026-11-24T09:30:00Z";

/**
 * What a name alone does not tell, from the providers' documentation of each attribute (the
 * schema's descriptions list the states and categories they return).
 */
const KNOWN: Readonly<Record<string, MockValue>> = {
  "btp_subaccount_entitlement.state": "OK",
  "btp_subaccount_entitlement.category": "ELASTIC_SERVICE",
  "btp_subaccount_service_instance.state": "succeeded",
  "btp_subaccount_service_instance.platform_id": "service-manager",
  "btp_subaccount_service_binding.state": "succeeded",
  "btp_subaccount_subscription.state": "SUBSCRIBED",
  "btp_subaccount_subscription.authentication_provider": "XSUAA",
  "cloudfoundry_service_plan.visibility_type": "public",
};

/** A GUID of the form the providers return (version 4), the same for the same `seed`. */
export function madeUpGuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A value of `type`'s `attribute` as the provider would return it: GUIDs for IDs, RFC 3339 times,
 * JSON objects for JSON strings, https URLs, the documented states; for a single nested object
 * every attribute of it, and empty collections.
 */
export function madeUpValue(type: string, attribute: string, spec: SchemaAttribute): MockValue | undefined {
  const known = KNOWN[`${type}.${attribute}`];
  if (known !== undefined) return known;
  const nested = spec.nested_type;
  if (nested) {
    // Terraform converts no literal to a collection of nested objects: the mock makes those.
    if (nested.nesting_mode !== "single") return undefined;
    return Object.fromEntries(
      Object.entries(nested.attributes).flatMap(([inner, innerSpec]) => {
        const value = madeUpValue(`${type}.${attribute}`, inner, innerSpec);
        return value === undefined ? [] : [[inner, value]];
      }),
    );
  }
  const kind = Array.isArray(spec.type) ? (spec.type[0] as string) : spec.type;
  const description = spec.description ?? "";
  if (kind === "bool") return /^(ready|usable|available|free)$/.test(attribute);
  if (kind === "number") return 0;
  if (kind !== "string") return kind === "map" || kind === "object" ? {} : [];
  if (attribute === "id" || attribute.endsWith("_id") || /\bGUID\b/.test(description)) {
    return madeUpGuid(`${type}.${attribute}`);
  }
  if (/RFC ?3339/.test(description) || /_(at|date|time)$|^last_modified$/.test(attribute))
    return MADE_UP_TIME;
  if (
    /^(context|credentials|credential_binding|parameters)$/.test(attribute) ||
    /valid JSON/.test(description)
  ) {
    return "{}";
  }
  if (attribute.endsWith("_url")) return `https://${attribute.replace(/_/g, "-")}.example.test`;
  return `made-up-${attribute}`;
}

/** A made-up value for every computed attribute of `block` that `configured` leaves open. */
export function computedValues(
  type: string,
  block: SchemaBlock | undefined,
  configured: Readonly<Record<string, unknown>> = {},
): Record<string, MockValue> {
  return Object.fromEntries(
    Object.entries(block?.attributes ?? {})
      .filter(([attribute, spec]) => spec.computed && !(attribute in configured))
      .flatMap(([attribute, spec]) => {
        const value = madeUpValue(type, attribute, spec);
        return value === undefined ? [] : [[attribute, value]];
      }),
  );
}

/** An HCL string literal: JSON's escapes, plus HCL's own for `${` and `%{`. */
export function hcl(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{");
}

/** `value` written as HCL; override and mock values must be literals, so JSON is written out as strings. */
export function hclValue(value: MockValue): string {
  if (typeof value === "string") return hcl(value);
  if (Array.isArray(value)) return "[]";
  if (typeof value === "object") {
    return `{ ${Object.entries(value as Readonly<Record<string, MockValue>>)
      .map(([name, inner]) => `${name} = ${hclValue(inner)}`)
      .join(", ")} }`;
  }
  return String(value);
}

/** The resource and data source types of `stack` (check blocks' scoped data sources included). */
function typesOf(stack: SynthesizedStack): { resources: Set<string>; dataSources: Set<string> } {
  return {
    resources: new Set(Object.keys(stack.resource ?? {})),
    dataSources: new Set([
      ...Object.keys(stack.data ?? {}),
      ...Object.values(stack.check ?? {}).flatMap((check) => Object.keys(check.data ?? {})),
    ]),
  };
}

/**
 * One `mock_provider` block per provider configuration of `stack` (an alias gets its own), each
 * with `mock_resource` / `mock_data` defaults shaped as the provider's values for every type of the
 * stack whose schema is committed. `extra` adds lines inside a provider's blocks, by provider name.
 */
export function mockProviders(
  stack: SynthesizedStack,
  extra: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const { resources, dataSources } = typesOf(stack);
  const schema = (name: string) => loadSnapshotSchemas().find((candidate) => candidate.name === name);
  const defaults = (kind: "mock_resource" | "mock_data", type: string, block: SchemaBlock) => {
    const values = computedValues(type, block);
    return Object.keys(values).length === 0
      ? []
      : [`  ${kind} ${hcl(type)} {`, `    defaults = ${hclValue(values)}`, "  }"];
  };
  return Object.entries(stack.provider ?? {}).flatMap(([name, configurations]) => {
    const provider = schema(name);
    const body = [
      ...[...resources].flatMap((type) => {
        const block = provider?.resources[type];
        return block ? defaults("mock_resource", type, block) : [];
      }),
      ...[...dataSources].flatMap((type) => {
        const block = provider?.dataSources[type];
        return block ? defaults("mock_data", type, block) : [];
      }),
      ...(extra[name] ?? []),
    ];
    return (configurations.length > 0 ? configurations : [{}]).map(({ alias }) => {
      const lines = [...(typeof alias === "string" ? [`  alias = ${hcl(alias)}`] : []), ...body];
      return lines.length === 0
        ? `mock_provider ${hcl(name)} {}`
        : [`mock_provider ${hcl(name)} {`, ...lines, "}"].join("\n");
    });
  });
}
