import { provider } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ApiManagementSource } from "btp-apim-transport-destination";
import { addBackend } from "./backend";
import { btpProvider, cloudFoundryProvider } from "./providers";
import { EnvironmentConfig, sourceProps } from "./environment-config";

/**
 * One environment: the `btp` provider for its global account, its state backend, and the
 * `APIManagement` destination setup of its source subaccount. The stack is named after the
 * environment, so `cdktf deploy dev` deploys dev.
 */
export class ApiManagementSourceStack extends TerraformStack {
  /** The BTP provider; credentials come from BTP_USERNAME/BTP_PASSWORD (or the provider's other variables). */
  public readonly provider: provider.BtpProvider;

  /** The Cloud Foundry provider, for an environment whose instance and key live in a space. */
  public readonly cloudFoundryProvider?: cloudfoundry.CloudfoundryProvider;

  /** The entitlement, instance, key and destination of the source subaccount. */
  public readonly source: ApiManagementSource;

  public constructor(scope: Construct, config: EnvironmentConfig) {
    super(scope, config.name);

    this.provider = btpProvider(this, config.globalAccount, config.cliServerUrl);
    if (config.cloudFoundry)
      this.cloudFoundryProvider = cloudFoundryProvider(this, config.cloudFoundry.apiUrl);
    addBackend(this, config.name, config.backend);

    this.source = new ApiManagementSource(this, "api-management-source", sourceProps(config));

    // Outputs say where to look in the cockpit; nothing derived from the key's credentials is one.
    new TerraformOutput(this, "subaccount_id", {
      value: config.subaccountId,
      description: "Source subaccount that holds the API portal content",
    });
    new TerraformOutput(this, "destination_name", {
      value: this.source.destinationName,
      description: "Name of the destination the content transport calls",
    });
    new TerraformOutput(this, "service_instance_id", {
      value: this.source.serviceInstance.instanceId,
      description: "ID of the API portal (apiportal-apiaccess) service instance",
    });
    new TerraformOutput(this, "service_key_name", {
      value: this.source.serviceKey.keyName,
      description: "Name of the service key whose credentials the destination uses",
    });
  }
}
