// A setup an administrator made by hand in the cockpit, put under management instead of created
// again: the entitlement, the instance and the key (by their Cloud Foundry GUIDs, `cf service
// <name> --guid`, `cf service-key <instance> <key> --guid`) and the destination are imported.
import { provider as btp } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { App, TerraformStack } from "cdktf";
import { ApiManagementSource } from "btp-apim-transport-destination";

const app = new App();
const stack = new TerraformStack(app, "adopt-cockpit-setup");
new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
new cloudfoundry.CloudfoundryProvider(stack, "cloudfoundry", {
  apiUrl: "https://api.cf.eu10.hana.ondemand.com",
});
new ApiManagementSource(stack, "apim", {
  subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
  cloudFoundry: { spaceId: "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a" },
  // The names the objects have in the cockpit: another name would plan a replacement.
  serviceInstanceName: "apim-portal",
  serviceKeyName: "apim-portal-key",
  adopt: {
    entitlement: true,
    serviceInstanceId: "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
    serviceKeyId: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
    destination: true,
  },
});
app.synth();
