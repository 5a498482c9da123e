// A consumer's own stack: it declares the BTP provider and resources of its own, and gets the
// whole API Management transport setup from one construct of the installed package.
import { provider, subaccountEntitlement } from "@cdktf/provider-btp";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { ApiManagementSource } from "btp-apim-transport-destination";
import { Construct } from "constructs";

const SUBACCOUNT_ID = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";

class IntegrationStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new provider.BtpProvider(this, "btp", { globalaccount: "example-global-account" });

    // Something the consumer manages itself, next to the construct.
    new subaccountEntitlement.SubaccountEntitlement(this, "integration-suite", {
      subaccountId: SUBACCOUNT_ID,
      serviceName: "integrationsuite",
      planName: "enterprise_agreement",
      amount: 1,
    });

    const apim = new ApiManagementSource(this, "apim", { subaccountId: SUBACCOUNT_ID });
    new TerraformOutput(this, "api_portal_instance_id", { value: apim.serviceInstance.resource.id });
  }
}

const app = new App();
new IntegrationStack(app, "integration");
app.synth();
