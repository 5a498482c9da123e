import { subaccountServiceBinding } from "@cdktf/provider-btp";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { throwIfInvalid, validateName, validateGuid } from "./validation";

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
}

/**
 * A service key (service binding) of the API portal instance. Its `credentials` carry the `url`,
 * `tokenUrl`, `clientId` and `clientSecret` that the destination needs; they stay inside Terraform.
 */
export class ApiPortalServiceKey extends Construct {
  /** Default service key name. */
  public static readonly DEFAULT_NAME = "apim-content-transport-key";

  /** The `btp_subaccount_service_binding` resource; `credentials` is its sensitive JSON. */
  public readonly resource: subaccountServiceBinding.SubaccountServiceBinding;

  /**
   * Holds the key's name so that a rename replaces the key: the provider refuses every in-place
   * update of a binding, so a plain rename would plan fine and then fail at apply.
   */
  public readonly nameTrigger: TerraformResource;

  public constructor(scope: Construct, id: string, props: ApiPortalServiceKeyProps) {
    super(scope, id);
    const name = props.name ?? ApiPortalServiceKey.DEFAULT_NAME;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("serviceInstanceId", props.serviceInstanceId),
      ...validateName("name", name),
    ]);

    // A plain `terraform_data` block rather than cdktf's DataResource, whose synth-time check runs
    // `terraform version` and so fails wherever Terraform is not installed (CI, review machines).
    this.nameTrigger = new TerraformResource(this, "name-trigger", {
      terraformResourceType: "terraform_data",
    });
    this.nameTrigger.addOverride("input", { name });
    this.resource = new subaccountServiceBinding.SubaccountServiceBinding(this, "resource", {
      subaccountId: props.subaccountId,
      serviceInstanceId: props.serviceInstanceId,
      name,
      lifecycle: { replaceTriggeredBy: [this.nameTrigger] },
    });
  }

  /** The key's credentials JSON, as a Terraform reference (sensitive, never a value in code). */
  public get credentials(): string {
    return this.resource.credentials;
  }
}
