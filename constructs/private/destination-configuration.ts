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
 * The `destination_configuration` JSON of an HTTP destination on the Internet with basic
 * authentication, the shape of SAP's deploy-service destination (`TMSDeploy`); the password is a
 * Terraform reference, read at apply.
 */
export function basicAuthenticationConfiguration(c: {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly user: string;
  readonly password: string;
}): string {
  return Fn.jsonencode({
    Name: expressionLiteral(c.name),
    Type: "HTTP",
    Description: expressionLiteral(c.description),
    URL: expressionLiteral(c.url),
    ProxyType: "Internet",
    Authentication: "BasicAuthentication",
    User: expressionLiteral(c.user),
    Password: c.password,
  });
}

/**
 * The `destination_configuration` JSON of an HTTP destination on the Internet with OAuth2Password,
 * the shape of SAP's deploy-service destination for platform users of a custom identity provider
 * (a26a721): client ID `cf` and no client secret (an empty one would wipe one set by hand, SAP/btp
 * #1511), the token service the Cloud Foundry login, and the identity provider's `origin` where
 * given; the password is a Terraform reference, read at apply.
 */
export function oauthPasswordConfiguration(c: {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly tokenServiceUrl: string;
  readonly origin?: string;
}): string {
  return Fn.jsonencode({
    Name: expressionLiteral(c.name),
    Type: "HTTP",
    Description: expressionLiteral(c.description),
    URL: expressionLiteral(c.url),
    ProxyType: "Internet",
    Authentication: "OAuth2Password",
    User: expressionLiteral(c.user),
    Password: c.password,
    clientId: "cf",
    tokenServiceURL: expressionLiteral(c.tokenServiceUrl),
    ...(c.origin === undefined ? {} : { origin: expressionLiteral(c.origin) }),
  });
}
