// The whole content-transport landscape of SAP's page 4f55441, composed from the role constructs in
// a stack of one's own: the source (API portal, Content Agent, three destinations), Cloud Transport
// Management with its TMSDeploy destination, and the target whose deploy service it calls.
// Run: TF_VAR_tms_deploy_password=... CF_USER=... CF_PASSWORD=... BTP_USERNAME=... BTP_PASSWORD=...
//   npx cdktf deploy --app "node --import tsx examples/transport-landscape/main.ts"
import { provider as btp } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { App, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import {
  CloudTransportManagement,
  ContentTransportSource,
  ContentTransportTarget,
} from "btp-apim-transport-destination";

const app = new App();
const stack = new TerraformStack(app, "transport-landscape");
new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
new cloudfoundry.CloudfoundryProvider(stack, "cloudfoundry", {
  apiUrl: "https://api.cf.eu10.hana.ondemand.com",
});
const password = new TerraformVariable(stack, "tms_deploy_password", { type: "string", sensitive: true });

const target = new ContentTransportTarget(stack, "target", {
  subaccountId: "5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d",
  spaceId: "6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e",
  cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
});
const transport = new CloudTransportManagement(stack, "transport", {
  subaccountId: "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b",
  spaceId: "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c",
  deployTargets: [
    {
      url: target.deployServiceUrl,
      user: "deploy-user@example.com",
      password: password.stringValue,
    },
  ],
});
new ContentTransportSource(stack, "source", {
  subaccountId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  contentAgentSpaceId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
  apiManagement: { cloudFoundry: { spaceId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a" } },
  transportServiceKey: transport.serviceKey,
  sourceNodeName: "APIM_SOURCE",
});
new TerraformOutput(stack, "deploy_service_url", { value: target.deployServiceUrl });
app.synth();
