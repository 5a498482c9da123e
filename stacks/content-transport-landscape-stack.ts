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
  /** The variable that carries the first stage's deploy user's password (`TF_VAR_tms_deploy_password`). */
  public static readonly DEPLOY_PASSWORD_VARIABLE = "tms_deploy_password";

  /**
   * The variable that carries a stage's deploy user's password: the first stage's keeps the one
   * name a one-target landscape has always had, a later one's is named after its node.
   */
  public static deployPasswordVariableOf(stageIndex: number, nodeName: string): string {
    const base = ContentTransportLandscapeStack.DEPLOY_PASSWORD_VARIABLE;
    return stageIndex === 0 ? base : `${base}_${nodeName}`;
  }

  /** The BTP provider; credentials come from BTP_USERNAME/BTP_PASSWORD (or the provider's other variables). */
  public readonly provider: provider.BtpProvider;

  /** The Cloud Foundry provider of the source's space, and of the transport's unless it has its own. */
  public readonly cloudFoundryProvider: cloudfoundry.CloudfoundryProvider;

  /** The Cloud Foundry provider (alias `transport`) of a transport space behind another API endpoint. */
  public readonly transportCloudFoundryProvider?: cloudfoundry.CloudfoundryProvider;

  /**
   * The Cloud Foundry providers (alias `target_<nodeName>`) of the stages whose Space Developer role
   * is declared behind an API endpoint of their own, by node name.
   */
  public readonly stageCloudFoundryProviders: Readonly<Record<string, cloudfoundry.CloudfoundryProvider>>;

  /** The sensitive variables with the stages' deploy users' passwords, in the stages' order. */
  public readonly deployPasswords: readonly TerraformVariable[];

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

    this.deployPasswords = config.landscape.stages.map(
      (stage, i) =>
        new TerraformVariable(
          this,
          ContentTransportLandscapeStack.deployPasswordVariableOf(i, stage.nodeName),
          {
            type: "string",
            sensitive: true,
            nullable: false,
            description:
              i === 0
                ? "Password of the platform user the TMSDeploy destination deploys as (set TF_VAR_tms_deploy_password)"
                : `Password of the platform user that deploys to node ${stage.nodeName}`,
          },
        ),
    );
    // A role is given through the API endpoint of the space it is in.
    const endpoint = (url: string) => url.replace(/\/$/, "");
    const providers: Record<string, cloudfoundry.CloudfoundryProvider> = {};
    for (const stage of config.landscape.stages) {
      const url = endpoint(stage.target.cloudFoundryApiUrl);
      if (stage.spaceDeveloperRole === false || url === endpoint(config.cloudFoundryApiUrl)) continue;
      providers[stage.nodeName] =
        url === endpoint(config.transportCloudFoundryApiUrl ?? "") && this.transportCloudFoundryProvider
          ? this.transportCloudFoundryProvider
          : cloudFoundryProvider(this, url, `target_${stage.nodeName}`);
    }
    this.stageCloudFoundryProviders = providers;
    this.landscape = new ContentTransportLandscape(this, "content-transport", {
      ...config.landscape,
      transport: { ...config.landscape.transport, cloudFoundryProvider: this.transportCloudFoundryProvider },
      stages: config.landscape.stages.map((stage, i) => ({
        ...stage,
        deployPassword: this.deployPasswords[i].stringValue,
        cloudFoundryProvider: providers[stage.nodeName],
      })),
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
        transport: this.landscape.transport.deployDestinationNames,
      },
      description: "Destinations created, by subaccount role",
    });
    const { stages } = this.landscape;
    if (stages.length === 1) {
      new TerraformOutput(this, "deploy_service_url", {
        value: stages[0].target.deployServiceUrl,
        description: "Deploy service of the target space that the TMSDeploy destination calls",
      });
    } else {
      new TerraformOutput(this, "deploy_service_urls", {
        value: Object.fromEntries(stages.map((stage) => [stage.nodeName, stage.target.deployServiceUrl])),
        description: "Deploy service of each stage's space, by node name, that its deploy destination calls",
      });
    }
  }
}
