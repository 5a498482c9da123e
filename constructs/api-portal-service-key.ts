import { subaccountServiceBinding } from "@cdktf/provider-btp";
import { provider as time, rotating } from "@cdktf/provider-time";
import { Fn, Lazy, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { ensureProvider } from "./private/providers";
import { expressionLiteral, templateLiteral } from "./private/terraform-strings";
import { throwIfInvalid, validateGuid, validateName, validatePropShape } from "./private/validation";

/** Properties of an {@link ApiPortalServiceKey}. */
export interface ApiPortalServiceKeyProps {
  /**
   * ID (GUID) of the subaccount that holds the service instance.
   *
   * @default - none, required
   */
  readonly subaccountId: string;

  /**
   * ID of the *API Management, API portal* service instance, usually a reference such as `instance.id`.
   *
   * @default - none, required
   */
  readonly serviceInstanceId: string;

  /**
   * Name of the service key, as shown under the instance's *Service Keys*.
   *
   * @default "apim-content-transport-key"
   */
  readonly name?: string;

  /**
   * Replace the key every this many days (a whole number >= 1), the new key created before the old one is deleted.
   *
   * @default - the key is never rotated
   */
  readonly rotationDays?: number;
}

/**
 * A service key (service binding) of the API portal instance. Its `credentials` carry the `url`,
 * `tokenUrl`, `clientId` and `clientSecret` that the destination needs; they stay inside Terraform.
 */
export class ApiPortalServiceKey extends Construct {
  /** Default service key name. */
  public static readonly DEFAULT_NAME = "apim-content-transport-key";

  /** The longest rotation period accepted, ten years: a longer one is a typo, not a policy. */
  public static readonly MAX_ROTATION_DAYS = 3650;

  /** Returns the problems of a rotation period, empty when it is a whole number of days from 1 to MAX_ROTATION_DAYS. */
  public static validateRotationDays(field: string, value: number): string[] {
    const max = ApiPortalServiceKey.MAX_ROTATION_DAYS;
    if (Token.isUnresolved(value) || (Number.isInteger(value) && value >= 1 && value <= max)) return [];
    // String(), not JSON.stringify: NaN and Infinity would read as null.
    const shown = typeof value === "number" ? String(value) : JSON.stringify(value);
    return [`${field} ${shown} must be a whole number of days, at least 1 and at most ${max}`];
  }

  /** The `btp_subaccount_service_binding` resource; `credentials` is its sensitive JSON. */
  public readonly resource: subaccountServiceBinding.SubaccountServiceBinding;

  /**
   * Holds the key's name and instance ID so that a change of either replaces the key: the provider
   * refuses every in-place update of a binding, so a rename would plan fine and then fail at apply.
   */
  public readonly nameTrigger: TerraformResource;

  /** The hashicorp/time `time_rotating` resource that dates the key, when `rotationDays` is set. */
  public readonly rotation?: rotating.Rotating;

  public constructor(scope: Construct, id: string, props: ApiPortalServiceKeyProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        subaccountId: "string",
        serviceInstanceId: "string",
        name: "string",
        rotationDays: "number",
      }),
    );
    const baseName = props.name ?? ApiPortalServiceKey.DEFAULT_NAME;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("serviceInstanceId", props.serviceInstanceId),
      ...validateName("name", baseName),
      ...(props.rotationDays === undefined
        ? []
        : ApiPortalServiceKey.validateRotationDays("rotationDays", props.rotationDays)),
    ]);

    let name = templateLiteral(baseName);
    if (props.rotationDays !== undefined) {
      ensureProvider(this, time.TimeProvider, "time");
      this.rotation = new rotating.Rotating(this, "rotation", { rotationDays: props.rotationDays });
      // When the period is over, time_rotating gets a new timestamp, so the key a new name, which
      // through the name trigger replaces it; two keys never share a name, so the new one can be
      // created before the old one is deleted.
      // join() rather than a template: cdktf would read a `${` in the base name, once next to a
      // token, as the start of an expression of its own.
      name = Fn.join("-", [
        expressionLiteral(baseName),
        Fn.formatdate("YYYYMMDDhhmm", this.rotation.rfc3339),
      ]);
    }

    // A plain `terraform_data` block rather than cdktf's DataResource, whose synth-time check runs
    // `terraform version` and so fails wherever Terraform is not installed (CI, review machines).
    this.nameTrigger = new TerraformResource(this, "name-trigger", {
      terraformResourceType: "terraform_data",
    });
    // The instance ID too: a replaced instance would otherwise plan an in-place update of the key.
    this.nameTrigger.addOverride("input", { name, service_instance_id: props.serviceInstanceId });
    this.resource = new subaccountServiceBinding.SubaccountServiceBinding(this, "resource", {
      subaccountId: props.subaccountId,
      serviceInstanceId: props.serviceInstanceId,
      name,
      // create_before_destroy with rotation: Terraform creates the new key, moves the destination
      // to it, and only then deletes the old key, so the transport never points at a deleted key.
      lifecycle: this.rotation ? { createBeforeDestroy: true } : undefined,
    });
    this.node.defaultChild = this.resource;
    // Written through an override because cdktf renders lifecycle references as "${...}", which
    // Terraform refuses there (hashicorp/terraform-cdk#3196): only a bare address is allowed.
    const trigger = this.nameTrigger;
    this.resource.addOverride("lifecycle.replace_triggered_by", [
      Lazy.stringValue({ produce: () => `${trigger.terraformResourceType}.${trigger.friendlyUniqueId}` }),
    ]);
  }

  /** The key's credentials JSON, as a Terraform reference (sensitive, never a value in code). */
  public get credentials(): string {
    return this.resource.credentials;
  }
}
