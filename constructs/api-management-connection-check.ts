import { provider as http } from "@cdktf/provider-http";
import { Fn, TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { IApiPortalServiceKey } from "./api-portal-references";
import { ensureProvider } from "./private/providers";
import { serviceKeyField } from "./private/service-key-credentials";
import { keyCredentials, throwIfInvalid, validatePropShape } from "./private/validation";

/** Properties of an {@link ApiManagementConnectionCheck}. */
export interface ApiManagementConnectionCheckProps {
  /**
   * The API portal service key whose token service and destination URL are checked.
   *
   * @default - `serviceKeyCredentials`; one of the two is required
   */
  readonly serviceKey?: IApiPortalServiceKey;

  /**
   * The key's credentials JSON as a Terraform reference, e.g. `serviceKey.credentials`; for a key that is no construct.
   *
   * @default - `serviceKey`'s credentials
   */
  readonly serviceKeyCredentials?: string;

  /**
   * The destination's URL, as the destination construct computes it (`ApiManagementDestination.url`).
   */
  readonly destinationUrl: string;
}

/**
 * The cockpit's *Check Connection*, as two Terraform `check` blocks run after every plan and apply:
 * one asks the key's token service for a token with the key's client credentials, the other calls
 * the destination URL, which must answer 200 or 401, as the cockpit accepts. A failed check is a
 * warning, never a failed plan or apply; every value taken from the key stays a sensitive
 * Terraform reference, and no token is passed on.
 *
 * Terraform allows one data source per check block, visible only inside it, and a data source
 * only warns when it is scoped to a check block, which cdktf has no construct for: so the blocks
 * are written as this element's JSON, and the two calls are independent.
 */
export class ApiManagementConnectionCheck extends TerraformElement {
  /** HTTP answers of the transport API that prove the destination works; SAP's procedure accepts 401. */
  public static readonly ACCEPTED_STATUS_CODES: readonly number[] = Object.freeze([200, 401]);

  /** The hashicorp/http provider the check's data sources use; added to the stack when missing. */
  public readonly httpProvider: http.HttpProvider;

  /** The key's credentials reference the check reads. */
  private readonly credentials: string;

  public constructor(
    scope: Construct,
    id: string,
    private readonly props: ApiManagementConnectionCheckProps,
  ) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        serviceKey: "object",
        serviceKeyCredentials: "string",
        destinationUrl: "string",
      }),
    );
    const key = keyCredentials(props);
    throwIfInvalid(this, key.problems);
    this.credentials = key.credentials;
    this.httpProvider = ensureProvider(this, http.HttpProvider, "http");
  }

  /** Name of the `check` block (and of its `http` data source) that asks the token service for a token. */
  public get tokenCheckName(): string {
    return `${this.friendlyUniqueId}_token`;
  }

  /** Name of the `check` block (and of its `http` data source) that calls the destination URL. */
  public get transportCheckName(): string {
    return `${this.friendlyUniqueId}_transport`;
  }

  /** The two `check` blocks, each with its one `http` data source and assertion, as Terraform JSON. */
  public override toTerraform(): Record<string, unknown> {
    // try(): a key without the field, or credentials that are not JSON, must not fail the plan;
    // the empty URL then fails the data source, which inside a check block is only a warning.
    const key = (field: Parameters<typeof serviceKeyField>[1]) =>
      Fn.try([serviceKeyField(this.credentials, field), ""]);
    const checkWithCall = (
      name: string,
      request: Record<string, unknown>,
      assertion: Record<string, string>,
    ) => ({
      [name]: { data: { http: { [name]: request } }, assert: [assertion] },
    });
    const token = this.tokenCheckName;
    const transport = this.transportCheckName;
    return {
      check: {
        ...checkWithCall(
          token,
          {
            url: key("tokenUrl"),
            method: "POST",
            request_headers: {
              Accept: "application/json",
              "Content-Type": "application/x-www-form-urlencoded",
            },
            // client_secret_post, form-encoded: the client ID holds "!" and "|", the secret "+", "/" and "=".
            request_body: `grant_type=client_credentials&client_id=${Fn.urlencode(key("clientId"))}&client_secret=${Fn.urlencode(key("clientSecret"))}`,
          },
          {
            condition: `\${data.http.${token}.status_code == 200}`,
            error_message:
              "The service key's token service refused its client credentials: the destination's OAuth settings will not work.",
          },
        ),
        ...checkWithCall(
          transport,
          { url: Fn.try([this.props.destinationUrl, ""]) },
          {
            condition: `\${contains(${JSON.stringify(ApiManagementConnectionCheck.ACCEPTED_STATUS_CODES)}, data.http.${transport}.status_code)}`,
            error_message:
              "The destination URL did not answer 200 or 401: check the service key's url and the API portal.",
          },
        ),
      },
    };
  }
}
