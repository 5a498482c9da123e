import { Fn } from "cdktf";
import { expressionLiteral } from "./terraform-strings";

/** What an HTTP destination with OAuth client credentials says; the values are Terraform expressions. */
export interface OAuthClientCredentialsConfiguration {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenServiceUrl: string;
  /** Further properties after SAP's standard ones, e.g. TMS's `sourceSystemId`. */
  readonly additionalProperties?: Readonly<Record<string, string>>;
}

/**
 * The `destination_configuration` JSON of an HTTP destination on the Internet that authenticates
 * with OAuth client credentials against a dedicated token service, as SAP's destination pages give
 * it; encoded by Terraform, so the secret is read from the key at apply and never written here.
 */
export function oauthClientCredentialsConfiguration(c: OAuthClientCredentialsConfiguration): string {
  return Fn.jsonencode({
    Name: expressionLiteral(c.name),
    Type: "HTTP",
    Description: expressionLiteral(c.description),
    URL: c.url,
    ProxyType: "Internet",
    Authentication: "OAuth2ClientCredentials",
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    tokenServiceURL: c.tokenServiceUrl,
    tokenServiceURLType: "Dedicated",
    ...Object.fromEntries(
      Object.entries(c.additionalProperties ?? {}).map(([key, value]) => [key, expressionLiteral(value)]),
    ),
  });
}

/**
 * The `destination_configuration` JSON of a deploy-service destination (`TMSDeploy`), an HTTP
 * destination on the Internet that signs a platform user in: with basic authentication (SAP's
 * 6b7c9d8), or with OAuth2Password for a custom identity provider's user (a26a721): client ID `cf`
 * and no client secret (an empty one would wipe one set by hand, SAP/btp #1511), the token service
 * the Cloud Foundry login, and the identity provider's `origin` where given. The password is a
 * Terraform reference, read at apply.
 */
export function deployDestinationConfiguration(c: {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly authentication?: "BasicAuthentication" | "OAuth2Password";
  readonly tokenServiceUrl?: string;
  readonly origin?: string;
}): string {
  const oauth = c.authentication === "OAuth2Password";
  return Fn.jsonencode({
    Name: expressionLiteral(c.name),
    Type: "HTTP",
    Description: expressionLiteral(c.description),
    URL: expressionLiteral(c.url),
    ProxyType: "Internet",
    Authentication: oauth ? "OAuth2Password" : "BasicAuthentication",
    User: expressionLiteral(c.user),
    Password: c.password,
    ...(oauth ? { clientId: "cf", tokenServiceURL: expressionLiteral(c.tokenServiceUrl ?? "") } : {}),
    ...(oauth && c.origin !== undefined ? { origin: expressionLiteral(c.origin) } : {}),
  });
}
