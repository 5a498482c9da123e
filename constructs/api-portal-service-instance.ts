import { subaccountServiceInstance } from "@cdktf/provider-btp";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { templateLiteral } from "./private/terraform-strings";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { throwIfInvalid, validateGuid, validateName, validatePropShape } from "./private/validation";
import { IServiceInstance } from "./service-references";

/** Properties of an {@link ApiPortalServiceInstance}. */
export interface ApiPortalServiceInstanceProps {
  /**
   * ID (GUID) of the source subaccount that holds the API portal content.
   */
  readonly subaccountId: string;

  /**
   * Name of the service instance, as shown under *Instances and Subscriptions*.
   *
   * @default "apim-content-transport"
   */
  readonly name?: string;

  /**
   * Resources the instance must wait for, typically the subaccount's entitlement to the plan.
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A service instance of *API Management, API portal* (plan `apiportal-apiaccess`) whose keys carry
 * the `APIPortal.Administrator` role that the content transport needs.
 */
export class ApiPortalServiceInstance extends Construct implements IServiceInstance {
  /** An instance that exists already (made in the cockpit, or by another stack), by its ID: the stack uses it but does not manage it. */
  public static fromInstanceId(scope: Construct, id: string, instanceId: string): IServiceInstance {
    return new ExistingServiceInstance(scope, id, instanceId);
  }

  /** Default service instance name. */
  public static readonly DEFAULT_NAME = "apim-content-transport";

  /**
   * The role the instance grants its keys. SAP's procedure says to assign exactly this one, and
   * not `APIPortal.Guest` or `APIManagement.SelfService.Administrator`; so it is no prop.
   */
  public static readonly ROLE = "APIPortal.Administrator";

  /** The `btp_subaccount_service_instance` resource. */
  public readonly resource: subaccountServiceInstance.SubaccountServiceInstance;

  public constructor(scope: Construct, id: string, props: ApiPortalServiceInstanceProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, { subaccountId: "string", name: "string", dependsOn: "array" }),
    );
    const name = props.name ?? ApiPortalServiceInstance.DEFAULT_NAME;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateName("name", name),
    ]);

    this.resource = new subaccountServiceInstance.SubaccountServiceInstance(this, "resource", {
      subaccountId: props.subaccountId,
      name: templateLiteral(name),
      serviceOfferingName: ApiPortalEntitlement.SERVICE_NAME,
      serviceplanName: ApiPortalEntitlement.PLAN_NAME,
      parameters: JSON.stringify({ role: ApiPortalServiceInstance.ROLE }),
      dependsOn: props.dependsOn,
    });
    this.node.defaultChild = this.resource;
  }

  /** The instance's ID (GUID), as a Terraform reference. */
  public get instanceId(): string {
    return this.resource.id;
  }
}

/** An instance the stack uses but does not manage; see {@link ApiPortalServiceInstance.fromInstanceId}. */
class ExistingServiceInstance extends Construct implements IServiceInstance {
  public readonly instanceId: string;

  public constructor(scope: Construct, id: string, instanceId: string) {
    super(scope, id);
    throwIfInvalid(this, validateGuid("instanceId", instanceId));
    this.instanceId = instanceId;
  }
}
