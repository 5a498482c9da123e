// A consumer's own stack: it declares the BTP and Cloud Foundry providers and resources of its own,
// and gets the whole API Management transport setup from one construct of the installed package,
// with the API portal instance and key in a Cloud Foundry space, where SAP's procedure makes them.
import { provider, subaccountEntitlement } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { ApiManagementSource } from "btp-apim-transport-destination";
import { Construct } from "constructs";

const SUBACCOUNT_ID = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";
const SPACE_ID = "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a";

class IntegrationStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.BtpProvider(this, "btp", { globalaccount: "example-global-account" });
    // Credentials from CF_USER and CF_PASSWORD (or a `cf login`), never in code.
    new cloudfoundry.CloudfoundryProvider(this, "cloudfoundry", {
      apiUrl: "https://api.cf.eu10.hana.ondemand.com",
    });

    // Something the consumer manages itself, next to the construct.
    new subaccountEntitlement.SubaccountEntitlement(this, "integration-suite", {
      subaccountId: SUBACCOUNT_ID,
      serviceName: "integrationsuite",
      planName: "enterprise_agreement",
      amount: 1,
    });

    const apim = new ApiManagementSource(this, "apim", {
      subaccountId: SUBACCOUNT_ID,
      cloudFoundry: { spaceId: SPACE_ID },
    });
    // apim.entitlement, apim.serviceInstance, apim.serviceKey and apim.destination are the child
    // constructs; each one's node.defaultChild is its Terraform resource.
    new TerraformOutput(this, "api_portal_instance_id", { value: apim.serviceInstance.instanceId });
  }
}

const app = new App();
new IntegrationStack(app, "integration");
app.synth();
