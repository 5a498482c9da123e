import { randomBytes } from "node:crypto";

/** A service key of the shape SAP's procedure shows (`url`, `tokenUrl`, `clientId`, `clientSecret`). */
export interface ServiceKey {
  readonly url: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Makes a service key of the seed's shape with fresh random values: made up here, never copied
 * from a real system, and different in every run so that no expected value can be hard-coded.
 */
export function fakeServiceKey(options: { trailingSlash?: boolean } = {}): ServiceKey {
  const id = randomBytes(4).toString("hex");
  return {
    url: `https://apiportal-${id}.cfapps.eu10.hana.ondemand.com${options.trailingSlash ? "/" : ""}`,
    tokenUrl: `https://space-${id}.authentication.eu10.hana.ondemand.com/oauth/token`,
    clientId: `sb-apiaccess${id}!b${id.length}|api-portal-xsuaa!b1234`,
    clientSecret: `${randomBytes(24).toString("base64")}=`,
  };
}

/**
 * The destination that SAP's procedure ("Creating API Management Destination") has an administrator
 * type into the cockpit for `key`, field by field from its table.
 */
export function seedDestination(
  key: ServiceKey,
  description: unknown = expect.stringMatching(/\S/),
): Record<string, unknown> {
  return {
    Name: "APIManagement",
    Type: "HTTP",
    Description: description,
    URL: `${key.url.replace(/\/$/, "")}/api/1.0/transportmodule/Transport`,
    ProxyType: "Internet",
    Authentication: "OAuth2ClientCredentials",
    clientId: key.clientId,
    clientSecret: key.clientSecret,
    tokenServiceURL: key.tokenUrl,
    tokenServiceURLType: "Dedicated",
  };
}
