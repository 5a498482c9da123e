import { subaccountEntitlement } from "@cdktf/provider-btp";
import { Construct } from "constructs";
import { throwIfInvalid, validateGuid, validatePropShape } from "./private/validation";

/** Properties of an {@link ApiPortalEntitlement}. */
export interface ApiPortalEntitlementProps {
  /**
   * ID (GUID) of the source subaccount that holds the API portal content.
   */
  readonly subaccountId: string;
}

/**
 * Entitles a subaccount to *API Management, API portal* with the API-access plan, the prerequisite
 * of the service instance (the cockpit's *Configure Entitlements > Add Service Plans*).
 */
export class ApiPortalEntitlement extends Construct {
  /** Technical name of the *API Management, API portal* service offering. */
  public static readonly SERVICE_NAME = "apimanagement-apiportal";

  /** The plan that grants programmatic access to the API portal, including the transport API. */
  public static readonly PLAN_NAME = "apiportal-apiaccess";

  /** The `btp_subaccount_entitlement` resource. */
  public readonly resource: subaccountEntitlement.SubaccountEntitlement;

  public constructor(scope: Construct, id: string, props: ApiPortalEntitlementProps) {
    super(scope, id);
    throwIfInvalid(this, validatePropShape("", props, { subaccountId: "string" }));
    throwIfInvalid(this, validateGuid("subaccountId", props.subaccountId));

    // The plan is elastic (no quota), so no `amount`: setting one would make BTP reject the entitlement.
    this.resource = new subaccountEntitlement.SubaccountEntitlement(this, "resource", {
      subaccountId: props.subaccountId,
      serviceName: ApiPortalEntitlement.SERVICE_NAME,
      planName: ApiPortalEntitlement.PLAN_NAME,
    });
    this.node.defaultChild = this.resource;
  }
}
