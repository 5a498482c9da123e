import { provider as http } from "@cdktf/provider-http";
import { Fn, TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { ensureProvider } from "./providers";
import { serviceKeyField } from "./service-key-credentials";
import { throwIfInvalid, validateCredentialsReference } from "./validation";

/** Properties of an {@link ApiManagementConnectionCheck}. */
export interface ApiManagementConnectionCheckProps {
  /**
   * The service key's credentials JSON as a Terraform reference, e.g. `serviceKey.credentials`.
   *
   * @default - none, required
   */
  readonly serviceKeyCredentials: string;

  /**
   * The destination's URL, as the destination construct computes it (`ApiManagementDestination.url`).
   *
   * @default - none, required
   */
  readonly destinationUrl: string;
}

/** HTTP answers of the transport API that prove the destination works; SAP's procedure accepts 401. */
export const ACCEPTED_STATUS_CODES = [200, 401];

/**
 * The cockpit's *Check Connection*, as a Terraform `check` block run after every plan and apply:
 * get a token from the key's token service with the key's client credentials, then call the
 * destination URL with it. A failed check is a warning, never a failed apply; every value taken
 * from the key stays a sensitive Terraform reference.
 *
 * The data sources live inside the check block (only there do their errors become warnings),
 * which cdktf has no construct for, so the block is written as this element's JSON.
 */
export class ApiManagementConnectionCheck extends TerraformElement {
  /** The hashicorp/http provider the check's data sources use; added to the stack when missing. */
  public readonly httpProvider: http.HttpProvider;

  public constructor(
    scope: Construct,
    id: string,
    private readonly props: ApiManagementConnectionCheckProps,
  ) {
    super(scope, id);
    throwIfInvalid(this, validateCredentialsReference("serviceKeyCredentials", props.serviceKeyCredentials));
    this.httpProvider = ensureProvider(this, http.HttpProvider, "http");
  }

  /** Name of the `check` block; its data sources are `data.http.<name>_token` and `data.http.<name>_transport`. */
  public get checkName(): string {
    return this.friendlyUniqueId;
  }

  /** The `check` block with its two `http` data sources and assertions, as Terraform JSON. */
  public override toTerraform(): Record<string, unknown> {
    const key = (field: Parameters<typeof serviceKeyField>[1]) =>
      serviceKeyField(this.props.serviceKeyCredentials, field);
    const token = `${this.checkName}_token`;
    const transport = `${this.checkName}_transport`;
    return {
      check: {
        [this.checkName]: {
          data: {
            http: {
              // client_secret_post: the client ID holds "!" and "|", which Basic auth would need encoded too.
              [token]: {
                url: key("tokenUrl"),
                method: "POST",
                request_headers: {
                  Accept: "application/json",
                  "Content-Type": "application/x-www-form-urlencoded",
                },
                request_body: `grant_type=client_credentials&client_id=${Fn.urlencode(key("clientId"))}&client_secret=${Fn.urlencode(key("clientSecret"))}`,
              },
              [transport]: {
                url: this.props.destinationUrl,
                request_headers: {
                  Authorization: `Bearer \${jsondecode(data.http.${token}.response_body).access_token}`,
                },
              },
            },
          },
          assert: [
            {
              condition: `\${data.http.${token}.status_code == 200}`,
              error_message:
                "The service key's token service refused its client credentials: the destination's OAuth settings will not work.",
            },
            {
              condition: `\${contains(${JSON.stringify(ACCEPTED_STATUS_CODES)}, data.http.${transport}.status_code)}`,
              error_message:
                "The destination URL did not answer 200 or 401 with the key's token: check the service key's url and the API portal.",
            },
          ],
        },
      },
    };
  }
}
