// Only the destination (and its connection check), from a key someone else manages: the stack
// reads the key by its name and derives the APIManagement destination from it.
import { provider as btp } from "@cdktf/provider-btp";
import { App, TerraformStack } from "cdktf";
import {
  ApiManagementConnectionCheck,
  ApiManagementDestination,
  ApiPortalServiceKey,
} from "btp-apim-transport-destination";

const SUBACCOUNT_ID = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";

const app = new App();
const stack = new TerraformStack(app, "destination-only");
new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
const serviceKey = ApiPortalServiceKey.fromKeyName(stack, "key", {
  subaccountId: SUBACCOUNT_ID,
  name: "apim-content-transport-key",
});
const destination = new ApiManagementDestination(stack, "destination", {
  subaccountId: SUBACCOUNT_ID,
  serviceKey,
});
new ApiManagementConnectionCheck(stack, "connection-check", { serviceKey, destinationUrl: destination.url });
app.synth();
