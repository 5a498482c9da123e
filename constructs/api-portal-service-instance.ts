import { subaccountServiceInstance } from "@cdktf/provider-btp";
import { ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { throwIfInvalid, validateName, validateGuid } from "./validation";

/**
 * The only role the content transport may use: SAP's procedure says to assign
 * `APIPortal.Administrator` and explicitly not `APIPortal.Guest` or
 * `APIManagement.SelfService.Administrator`.
 */
export const API_PORTAL_ADMINISTRATOR_ROLE = "APIPortal.Administrator";

/** Properties of an {@link ApiPortalServiceInstance}. */
export interface ApiPortalServiceInstanceProps {
  /**
   * ID (GUID) of the source subaccount that holds the API portal content.
   *
   * @default - none, required
   */
  readonly subaccountId: string;

  /**
   * Name of the service instance, as shown under *Instances and Subscriptions*.
   *
   * @default "apim-content-transport"
   */
  readonly name?: string;

  /**
   * Role granted to the instance's keys; only `APIPortal.Administrator` is accepted, as SAP's procedure requires.
   *
   * @default "APIPortal.Administrator"
   */
  readonly role?: string;

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
export class ApiPortalServiceInstance extends Construct {
  /** Default service instance name. */
  public static readonly DEFAULT_NAME = "apim-content-transport";

  /** Returns the problems of a role value, empty when it is `APIPortal.Administrator`. */
  public static validateRole(field: string, value: string): string[] {
    if (Token.isUnresolved(value) || value === API_PORTAL_ADMINISTRATOR_ROLE) return [];
    return [
      `${field} ${JSON.stringify(value)} is not allowed: the content transport needs exactly ` +
        `"${API_PORTAL_ADMINISTRATOR_ROLE}" (not APIPortal.Guest or APIManagement.SelfService.Administrator)`,
    ];
  }

  /** The `btp_subaccount_service_instance` resource. */
  public readonly resource: subaccountServiceInstance.SubaccountServiceInstance;

  public constructor(scope: Construct, id: string, props: ApiPortalServiceInstanceProps) {
    super(scope, id);
    const name = props.name ?? ApiPortalServiceInstance.DEFAULT_NAME;
    const role = props.role ?? API_PORTAL_ADMINISTRATOR_ROLE;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateName("name", name),
      ...ApiPortalServiceInstance.validateRole("role", role),
    ]);

    this.resource = new subaccountServiceInstance.SubaccountServiceInstance(this, "resource", {
      subaccountId: props.subaccountId,
      name,
      serviceOfferingName: ApiPortalEntitlement.SERVICE_NAME,
      serviceplanName: ApiPortalEntitlement.PLAN_NAME,
      parameters: JSON.stringify({ role }),
      dependsOn: props.dependsOn,
    });
  }
}
