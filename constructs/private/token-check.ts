import { Fn } from "cdktf";

/** Where and as whom a check asks for a token; the values are Terraform expressions over a key. */
export interface TokenRequest {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * A `check` block, as Terraform JSON, whose one `http` data source asks a token service for a token
 * with a key's client credentials, as the cockpit's *Check Connection* does; a refusal is a warning.
 * Each value is wrapped in try(), so a key without the field warns instead of failing the plan.
 */
export function tokenCheckBlock(
  name: string,
  request: TokenRequest,
  errorMessage: string,
): Record<string, unknown> {
  const orEmpty = (value: string) => Fn.try([value, ""]);
  return {
    [name]: {
      data: {
        http: {
          [name]: {
            url: orEmpty(request.tokenUrl),
            method: "POST",
            request_headers: {
              Accept: "application/json",
              "Content-Type": "application/x-www-form-urlencoded",
            },
            // client_secret_post, form-encoded: client IDs hold "!" and "|", secrets "+", "/" and "=".
            request_body: `grant_type=client_credentials&client_id=${Fn.urlencode(orEmpty(request.clientId))}&client_secret=${Fn.urlencode(orEmpty(request.clientSecret))}`,
          },
        },
      },
      assert: [{ condition: `\${data.http.${name}.status_code == 200}`, error_message: errorMessage }],
    },
  };
}
