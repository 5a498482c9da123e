import { provider as http } from "@cdktf/provider-http";
import { Fn, TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { ensureProvider } from "./private/providers";
import { serviceKeyField } from "./private/service-key-credentials";
import { tokenCheckBlock } from "./private/token-check";
import { IServiceKey } from "./service-references";
import { throwIfInvalid, validatePropShape, validateServiceKey } from "./private/validation";

/** Properties of an {@link ApiManagementConnectionCheck}. */
export interface ApiManagementConnectionCheckProps {
  /**
   * The API portal service key whose token service and destination URL are checked.
   */
  readonly serviceKey: IServiceKey;

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
        destinationUrl: "string",
      }),
    );
    throwIfInvalid(this, validateServiceKey("serviceKey", props.serviceKey));
    this.credentials = props.serviceKey.credentials;
    // The check's data sources need the hashicorp/http provider: added to the stack when missing.
    ensureProvider(this, http.HttpProvider, "http");
  }

  /** Name of the `check` block (and of its `http` data source) that asks the token service for a token. */
  public get tokenCheckName(): string {
    return `${this.friendlyUniqueId}_token`;
  }

  /** Name of the `check` block (and of its `http` data source) that calls the destination URL. */
  public get transportCheckName(): string {
    return `${this.friendlyUniqueId}_transport`;
  }

  /** The blocks as rendered once: cdktf asks more than once per synth, and each token costs a stack trace. */
  private rendered?: Record<string, unknown>;

  /** The two `check` blocks, each with its one `http` data source and assertion, as Terraform JSON. */
  public override toTerraform(): Record<string, unknown> {
    this.rendered ??= this.render();
    return this.rendered;
  }

  private render(): Record<string, unknown> {
    const field = (name: Parameters<typeof serviceKeyField>[1]) => serviceKeyField(this.credentials, name);
    const token = this.tokenCheckName;
    const transport = this.transportCheckName;
    return {
      check: {
        ...tokenCheckBlock(
          token,
          { tokenUrl: field("tokenUrl"), clientId: field("clientId"), clientSecret: field("clientSecret") },
          "The service key's token service refused its client credentials: the destination's OAuth settings will not work.",
        ),
        [transport]: {
          // try(): an unreadable key gives an empty URL, which fails the data source: only a warning here.
          data: { http: { [transport]: { url: Fn.try([this.props.destinationUrl, ""]) } } },
          assert: [
            {
              condition: `\${contains(${JSON.stringify(ApiManagementConnectionCheck.ACCEPTED_STATUS_CODES)}, data.http.${transport}.status_code)}`,
              error_message:
                "The destination URL did not answer 200 or 401: check the service key's url and the API portal.",
            },
          ],
        },
      },
    };
  }
}
