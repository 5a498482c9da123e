import { provider } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ContentTransportLandscape } from "btp-apim-transport-destination";
import { addBackend } from "./backend";
import { btpProvider, cloudFoundryProvider } from "./providers";
import { LandscapeConfig } from "./landscape-config";

/**
 * One content-transport landscape: source, Cloud Transport Management and target subaccounts of one
 * global account in one stack and one state, so the transport service's key reaches the source's
 * destination as a Terraform reference and never as a cross-stack output. Named after the landscape:
 * `cdktf deploy <name>`.
 */
export class ContentTransportLandscapeStack extends TerraformStack {
  /** The variable that carries the deploy user's password (`TF_VAR_tms_deploy_password`). */
  public static readonly DEPLOY_PASSWORD_VARIABLE = "tms_deploy_password";

  /** The BTP provider; credentials come from BTP_USERNAME/BTP_PASSWORD (or the provider's other variables). */
  public readonly provider: provider.BtpProvider;

  /** The Cloud Foundry provider of the source's space, and of the transport's unless it has its own. */
  public readonly cloudFoundryProvider: cloudfoundry.CloudfoundryProvider;

  /** The Cloud Foundry provider (alias `transport`) of a transport space behind another API endpoint. */
  public readonly transportCloudFoundryProvider?: cloudfoundry.CloudfoundryProvider;

  /** The sensitive variable with the `TMSDeploy` user's password. */
  public readonly deployPassword: TerraformVariable;

  /** The landscape's constructs. */
  public readonly landscape: ContentTransportLandscape;

  public constructor(scope: Construct, config: LandscapeConfig) {
    super(scope, config.name);
    this.provider = btpProvider(this, config.globalAccount, config.cliServerUrl);
    this.cloudFoundryProvider = cloudFoundryProvider(this, config.cloudFoundryApiUrl);
    if (config.transportCloudFoundryApiUrl !== undefined) {
      this.transportCloudFoundryProvider = cloudFoundryProvider(
        this,
        config.transportCloudFoundryApiUrl,
        "transport",
      );
    }
    addBackend(this, config.name, config.backend);

    this.deployPassword = new TerraformVariable(
      this,
      ContentTransportLandscapeStack.DEPLOY_PASSWORD_VARIABLE,
      {
        type: "string",
        sensitive: true,
        nullable: false,
        description:
          "Password of the platform user the TMSDeploy destination deploys as (set TF_VAR_tms_deploy_password)",
      },
    );
    this.landscape = new ContentTransportLandscape(this, "content-transport", {
      ...config.landscape,
      transport: { ...config.landscape.transport, cloudFoundryProvider: this.transportCloudFoundryProvider },
      deployPassword: this.deployPassword.stringValue,
    });

    // Outputs say what was made and what is left to do; nothing derived from a key is one.
    new TerraformOutput(this, "manual_steps", {
      value: this.landscape.manualSteps,
      description: "What no provider can do: the transport nodes and route, with the values to enter",
    });
    new TerraformOutput(this, "destinations", {
      value: {
        source: [
          this.landscape.source.apiManagement.destinationName,
          this.landscape.source.contentAssemblyDestination.name,
          this.landscape.source.transportDestination.name,
        ],
        transport: [this.landscape.transport.deployDestinationName],
      },
      description: "Destinations created, by subaccount role",
    });
    new TerraformOutput(this, "deploy_service_url", {
      value: this.landscape.target.deployServiceUrl,
      description: "Deploy service of the target space that the TMSDeploy destination calls",
    });
  }
}
