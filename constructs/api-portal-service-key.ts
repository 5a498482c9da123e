import { dataBtpSubaccountServiceBinding, subaccountServiceBinding } from "@cdktf/provider-btp";
import { rotating } from "@cdktf/provider-time";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import {
  MAX_ROTATION_DAYS,
  keyNaming,
  keyNamingProblems,
  replaceWithTrigger,
  rotationDaysProblems,
} from "./private/key-naming";
import { templateLiteral } from "./private/terraform-strings";
import {
  throwIfInvalid,
  validateGuid,
  validateName,
  validatePropShape,
  validateServiceInstance,
} from "./private/validation";
import { IServiceInstance, IServiceKey } from "./service-references";

/** Properties of an {@link ApiPortalServiceKey}. */
export interface ApiPortalServiceKeyProps {
  /**
   * ID (GUID) of the subaccount that holds the service instance.
   */
  readonly subaccountId: string;

  /**
   * The *API Management, API portal* service instance the key belongs to.
   */
  readonly serviceInstance: IServiceInstance;

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
export class ApiPortalServiceKey extends Construct implements IServiceKey {
  /**
   * A key that exists already (made in the cockpit, or by another stack), found by its name in the
   * subaccount's "Other" environment: the stack reads it (a `btp_subaccount_service_binding` data
   * source) but does not manage it.
   */
  public static fromKeyName(
    scope: Construct,
    id: string,
    attributes: { readonly subaccountId: string; readonly name: string },
  ): IServiceKey {
    return new ExistingServiceKey(scope, id, attributes);
  }

  /**
   * A key known only by its credentials, e.g. another stack's output or a variable: `credentials`
   * must be a Terraform reference (a consumer refuses a literal), `name` how the cockpit shows it.
   */
  public static fromCredentials(
    scope: Construct,
    id: string,
    attributes: { readonly credentials: string; readonly name: string },
  ): IServiceKey {
    return new KeyFromCredentials(scope, id, attributes);
  }

  /** Default service key name. */
  public static readonly DEFAULT_NAME = "apim-content-transport-key";

  /** The longest rotation period accepted, ten years: a longer one is a typo, not a policy. */
  public static readonly MAX_ROTATION_DAYS = MAX_ROTATION_DAYS;

  /** Returns the problems of a rotation period, empty when it is a whole number of days from 1 to MAX_ROTATION_DAYS. */
  public static validateRotationDays(field: string, value: number): string[] {
    return rotationDaysProblems(field, value);
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
        serviceInstance: "object",
        name: "string",
        rotationDays: "number",
      }),
    );
    const baseName = props.name ?? ApiPortalServiceKey.DEFAULT_NAME;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateServiceInstance("serviceInstance", props.serviceInstance),
      ...keyNamingProblems(baseName, props.rotationDays),
    ]);

    const { instanceId } = props.serviceInstance;
    const naming = keyNaming(this, baseName, instanceId, props.rotationDays);
    this.nameTrigger = naming.nameTrigger;
    this.rotation = naming.rotation;
    this.resource = new subaccountServiceBinding.SubaccountServiceBinding(this, "resource", {
      subaccountId: props.subaccountId,
      serviceInstanceId: instanceId,
      name: naming.name,
    });
    replaceWithTrigger(this.resource, naming);
    this.node.defaultChild = this.resource;
  }

  /** The key's credentials JSON, as a Terraform reference (sensitive, never a value in code). */
  public get credentials(): string {
    return this.resource.credentials;
  }

  /** The key's name, as a Terraform reference (with rotation it carries the rotation's date). */
  public get keyName(): string {
    return this.resource.name;
  }
}

/** A key the stack reads but does not manage; see {@link ApiPortalServiceKey.fromKeyName}. */
class ExistingServiceKey extends Construct implements IServiceKey {
  public readonly keyName: string;
  private readonly data: dataBtpSubaccountServiceBinding.DataBtpSubaccountServiceBinding;

  public constructor(
    scope: Construct,
    id: string,
    attributes: { readonly subaccountId: string; readonly name: string },
  ) {
    super(scope, id);
    throwIfInvalid(this, [
      ...validatePropShape("", attributes, { subaccountId: "string", name: "string" }),
      ...validateGuid("subaccountId", attributes.subaccountId),
      ...validateName("name", attributes.name),
    ]);
    this.keyName = attributes.name;
    this.data = new dataBtpSubaccountServiceBinding.DataBtpSubaccountServiceBinding(this, "data", {
      subaccountId: attributes.subaccountId,
      name: templateLiteral(attributes.name),
    });
    this.node.defaultChild = this.data;
  }

  public get credentials(): string {
    return this.data.credentials;
  }
}

/** A key of which the stack has only the credentials; see {@link ApiPortalServiceKey.fromCredentials}. */
class KeyFromCredentials extends Construct implements IServiceKey {
  public readonly credentials: string;
  public readonly keyName: string;

  public constructor(
    scope: Construct,
    id: string,
    attributes: { readonly credentials: string; readonly name: string },
  ) {
    super(scope, id);
    throwIfInvalid(this, [
      ...validatePropShape("", attributes, { credentials: "string", name: "string" }),
      ...validateName("name", attributes.name),
    ]);
    this.credentials = attributes.credentials;
    this.keyName = attributes.name;
  }
}
