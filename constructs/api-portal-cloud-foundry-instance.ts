import { dataCloudfoundryServicePlan, serviceInstance } from "@cdktf/provider-cloudfoundry";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { IApiPortalServiceInstance } from "./api-portal-references";
import { ApiPortalServiceInstance } from "./api-portal-service-instance";
import { templateLiteral } from "./private/terraform-strings";
import { throwIfInvalid, validateGuid, validateName, validatePropShape } from "./private/validation";

/** Properties of an {@link ApiPortalCloudFoundryInstance}. */
export interface ApiPortalCloudFoundryInstanceProps {
  /**
   * ID (GUID) of the Cloud Foundry space that holds the instance, in the source subaccount's org.
   */
  readonly spaceId: string;

  /**
   * Name of the service instance, as shown under the space's *Instances*.
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
 * A managed service instance of *API Management, API portal* (plan `apiportal-apiaccess`) in a Cloud
 * Foundry space, where SAP's "Accessing API Management APIs Programmatically" creates it, with the
 * `APIPortal.Administrator` role. The stack that uses it declares the `cloudfoundry` provider.
 */
export class ApiPortalCloudFoundryInstance extends Construct implements IApiPortalServiceInstance {
  /** The `cloudfoundry_service_plan` data source that finds the plan in the space's marketplace. */
  public readonly plan: dataCloudfoundryServicePlan.DataCloudfoundryServicePlan;

  /** The `cloudfoundry_service_instance` resource. */
  public readonly resource: serviceInstance.ServiceInstance;

  public constructor(scope: Construct, id: string, props: ApiPortalCloudFoundryInstanceProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, { spaceId: "string", name: "string", dependsOn: "array" }),
    );
    const name = props.name ?? ApiPortalServiceInstance.DEFAULT_NAME;
    throwIfInvalid(this, [...validateGuid("spaceId", props.spaceId), ...validateName("name", name)]);

    this.plan = new dataCloudfoundryServicePlan.DataCloudfoundryServicePlan(this, "plan", {
      name: ApiPortalEntitlement.PLAN_NAME,
      serviceOfferingName: ApiPortalEntitlement.SERVICE_NAME,
    });
    this.resource = new serviceInstance.ServiceInstance(this, "resource", {
      name: templateLiteral(name),
      type: "managed",
      space: props.spaceId,
      servicePlan: this.plan.id,
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
