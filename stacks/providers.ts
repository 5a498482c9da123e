import { provider } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { TerraformLiteral } from "btp-apim-transport-destination";
import { Construct } from "constructs";

/**
 * The `btp` provider of a global account. Its credentials come from BTP_USERNAME/BTP_PASSWORD (or
 * the provider's other variables), never from the configuration.
 */
export function btpProvider(
  stack: Construct,
  globalAccount: string,
  cliServerUrl?: string,
): provider.BtpProvider {
  return new provider.BtpProvider(stack, "btp", {
    globalaccount: TerraformLiteral.string(globalAccount),
    cliServerUrl: cliServerUrl === undefined ? undefined : TerraformLiteral.string(cliServerUrl),
  });
}

/**
 * A `cloudfoundry` provider for an API endpoint, `alias`ed when it is not the stack's default. Its
 * credentials come from CF_USER/CF_PASSWORD (or the provider's other variables), never from here.
 */
export function cloudFoundryProvider(
  stack: Construct,
  apiUrl: string,
  alias?: string,
): cloudfoundry.CloudfoundryProvider {
  return new cloudfoundry.CloudfoundryProvider(stack, alias ? `cloudfoundry-${alias}` : "cloudfoundry", {
    alias,
    apiUrl: TerraformLiteral.string(apiUrl),
  });
}
