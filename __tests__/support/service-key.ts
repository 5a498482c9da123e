/** A service key of the shape SAP's procedure shows (`url`, `tokenUrl`, `clientId`, `clientSecret`). */
export interface ServiceKey {
  readonly url: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * A made-up service key of the seed's shape, never copied from a real system. Fixed rather than
 * random so that each run tries the characters that break a wrong encoding: the client ID holds
 * `!` and `|`, the secret `+ / & % =`. `variant` picks one of two distinct keys.
 */
export function fakeServiceKey(options: { trailingSlash?: boolean; variant?: 0 | 1 } = {}): ServiceKey {
  const id = ["4f1c", "9e2d"][options.variant ?? 0];
  return {
    url: `https://apiportal-${id}.cfapps.eu10.example.test${options.trailingSlash ? "/" : ""}`,
    tokenUrl: `https://space-${id}.authentication.eu10.example.test/oauth/token`,
    clientId: `sb-apiaccess${id}!b42|api-portal-xsuaa!b1234`,
    clientSecret: `q+${id}/r&s%2Ft=u%25v==`,
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
