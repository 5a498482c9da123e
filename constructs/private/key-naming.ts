/**
 * How a service key is named and replaced, for either kind of key (BTP service binding or Cloud
 * Foundry credential binding); not part of the package's API.
 */
import { provider as time, rotating } from "@cdktf/provider-time";
import { Fn, Lazy, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { ensureProvider } from "./providers";
import { expressionLiteral, templateLiteral } from "./terraform-strings";
import { validateName } from "./validation";

/** The longest rotation period accepted, ten years: a longer one is a typo, not a policy. */
export const MAX_ROTATION_DAYS = 3650;

/** The problems of a rotation period, empty when it is a whole number of days from 1 to MAX_ROTATION_DAYS. */
export function rotationDaysProblems(field: string, value: number): string[] {
  if (Token.isUnresolved(value) || (Number.isInteger(value) && value >= 1 && value <= MAX_ROTATION_DAYS))
    return [];
  // String(), not JSON.stringify: NaN and Infinity would read as null.
  const shown = typeof value === "number" ? String(value) : JSON.stringify(value);
  return [`${field} ${shown} must be a whole number of days, at least 1 and at most ${MAX_ROTATION_DAYS}`];
}

/** The problems of a key's `name` and `rotationDays` props, for either kind of key. */
export function keyNamingProblems(baseName: string, rotationDays: number | undefined): string[] {
  return [
    ...validateName("name", baseName),
    ...(rotationDays === undefined ? [] : rotationDaysProblems("rotationDays", rotationDays)),
  ];
}

/** The name a key gets, the rotation that dates it, and the trigger that replaces it. */
export interface KeyNaming {
  /** The key's name: `baseName`, or with rotation `baseName-YYYYMMDDhhmm` of the rotation's time. */
  readonly name: string;
  /** Holds the name and the instance ID, so that a change of either replaces the key. */
  readonly nameTrigger: TerraformResource;
  /** The hashicorp/time `time_rotating` resource, with `rotationDays`. */
  readonly rotation?: rotating.Rotating;
}

/** Declares in `scope` the rotation (with `rotationDays`) and the name trigger of a key of `instanceId`. */
export function keyNaming(
  scope: Construct,
  baseName: string,
  instanceId: string,
  rotationDays: number | undefined,
): KeyNaming {
  let name = templateLiteral(baseName);
  let rotation: rotating.Rotating | undefined;
  if (rotationDays !== undefined) {
    ensureProvider(scope, time.TimeProvider, "time");
    rotation = new rotating.Rotating(scope, "rotation", { rotationDays });
    // When the period is over, time_rotating gets a new timestamp, so the key a new name, which
    // through the name trigger replaces it; two keys never share a name, so the new one can be
    // created before the old one is deleted.
    // join() rather than a template: cdktf would read a `${` in the base name, once next to a
    // token, as the start of an expression of its own.
    name = Fn.join("-", [expressionLiteral(baseName), Fn.formatdate("YYYYMMDDhhmm", rotation.rfc3339)]);
  }
  // A plain `terraform_data` block rather than cdktf's DataResource, whose synth-time check needs a
  // Terraform binary (docs/development.md, "cdktf features left out, and why").
  const nameTrigger = new TerraformResource(scope, "name-trigger", {
    terraformResourceType: "terraform_data",
  });
  // The instance ID too: a replaced instance would otherwise plan an in-place update of the key.
  nameTrigger.addOverride("input", { name, service_instance_id: instanceId });
  return { name, nameTrigger, rotation };
}

/**
 * Makes `key` replaced whenever its name trigger changes, and, with rotation, created before the
 * old key is deleted, so that the destination moves to the new key before the old one goes.
 */
export function replaceWithTrigger(key: TerraformResource, naming: KeyNaming): void {
  if (naming.rotation) key.addOverride("lifecycle.create_before_destroy", true);
  // Written through an override because cdktf renders lifecycle references as "${...}", which
  // Terraform refuses there (hashicorp/terraform-cdk#3196): only a bare address is allowed.
  const trigger = naming.nameTrigger;
  key.addOverride("lifecycle.replace_triggered_by", [
    Lazy.stringValue({ produce: () => `${trigger.terraformResourceType}.${trigger.friendlyUniqueId}` }),
  ]);
}
