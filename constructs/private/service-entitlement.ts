import { subaccountEntitlement } from "@cdktf/provider-btp";
import { Construct } from "constructs";

/**
 * A subaccount's entitlement to one plan of a service or application, for the landscape's services
 * whose plans need no amount (`content-agent`, `transport`, `alm-ts`).
 */
export function serviceEntitlement(
  scope: Construct,
  id: string,
  subaccountId: string,
  serviceName: string,
  planName: string,
): subaccountEntitlement.SubaccountEntitlement {
  return new subaccountEntitlement.SubaccountEntitlement(scope, id, { subaccountId, serviceName, planName });
}
