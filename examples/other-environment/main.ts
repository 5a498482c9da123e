// The subaccount's "Other" environment (BTP service manager), for landscapes that offer the plan
// there: everything through the SAP/btp provider, with the BTP credentials only.
import { provider as btp } from "@cdktf/provider-btp";
import { App, TerraformStack } from "cdktf";
import { ApiManagementSource } from "btp-apim-transport-destination";

const app = new App();
const stack = new TerraformStack(app, "other-environment");
new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
new ApiManagementSource(stack, "apim", { subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" });
app.synth();
