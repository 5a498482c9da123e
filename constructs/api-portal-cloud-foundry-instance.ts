import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { ApiPortalServiceInstance } from "./api-portal-service-instance";
import { CloudFoundryServiceInstance } from "./cloud-foundry-service-instance";
import { throwIfInvalid, validatePropShape } from "./private/validation";

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
export class ApiPortalCloudFoundryInstance extends CloudFoundryServiceInstance {
  public constructor(scope: Construct, id: string, props: ApiPortalCloudFoundryInstanceProps) {
    // The offering, plan and role are this construct's to fix, so they are not props; a JavaScript
    // caller's unknown props are refused below, after the shared checks of the props it does take.
    super(scope, id, {
      spaceId: props?.spaceId,
      name: props?.name ?? ApiPortalServiceInstance.DEFAULT_NAME,
      dependsOn: props?.dependsOn,
      serviceOfferingName: ApiPortalEntitlement.SERVICE_NAME,
      planName: ApiPortalEntitlement.PLAN_NAME,
      parameters: { role: ApiPortalServiceInstance.ROLE },
    });
    throwIfInvalid(
      this,
      validatePropShape("", props, { spaceId: "string", name: "string", dependsOn: "array" }),
    );
  }
}
