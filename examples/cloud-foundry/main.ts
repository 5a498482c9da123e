// The path SAP documents: entitlement in BTP, the API portal instance and its key in a Cloud
// Foundry space, and the APIManagement destination derived from the key.
// Run: CF_USER=... CF_PASSWORD=... BTP_USERNAME=... BTP_PASSWORD=... npx cdktf deploy --app "node --import tsx examples/cloud-foundry/main.ts"
import { provider as btp } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { App, TerraformStack } from "cdktf";
import { ApiManagementSource } from "btp-apim-transport-destination";

const app = new App();
const stack = new TerraformStack(app, "cloud-foundry");
new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
new cloudfoundry.CloudfoundryProvider(stack, "cloudfoundry", {
  apiUrl: "https://api.cf.eu10.hana.ondemand.com",
});
new ApiManagementSource(stack, "apim", {
  subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
  cloudFoundry: { spaceId: "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a" },
});
app.synth();
