import { provider } from "@cdktf/provider-btp";
import { provider as cloudfoundry } from "@cdktf/provider-cloudfoundry";
import { NameRules, TerraformLiteral } from "btp-apim-transport-destination";
import { Construct } from "constructs";

/** One DNS label: what BTP takes as a global account's subdomain. */
const SUBDOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The problems of a global account as the `btp` provider's `globalaccount` takes it: its subdomain,
 * one DNS label (letters, digits and "-", at most 63, no "-" at either end), as the cockpit shows it
 * in the global account's details; a URL or a display name there finds no global account.
 */
export function globalAccountProblems(field: string, value: string): string[] {
  const named = NameRules.problems(field, value);
  if (named.length > 0 || SUBDOMAIN.test(value)) return named;
  const hint = /[:/.]/.test(value) ? "; a URL is not one, its subdomain is" : "";
  return [
    `${field} ${JSON.stringify(value)} is not a global account subdomain: one DNS label of letters, digits and "-" (at most 63 characters, no "-" at either end), as the cockpit shows it under the global account's Subdomain${hint}`,
  ];
}

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
