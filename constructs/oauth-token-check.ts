import { provider as http } from "@cdktf/provider-http";
import { TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { ensureProvider } from "./private/providers";
import { tokenCheckBlock } from "./private/token-check";
import {
  throwIfInvalid,
  validateCredentialsReference,
  validateDestinationName,
  validateName,
  validatePropShape,
} from "./private/validation";

/** Properties of an {@link OAuthTokenCheck}. */
export interface OAuthTokenCheckProps {
  /**
   * The token service's URL, as the destination has it (`OAuthClientCredentialsDestination.tokenServiceUrl`).
   */
  readonly tokenServiceUrl: string;

  /**
   * OAuth client ID, the Terraform expression the destination has.
   */
  readonly clientId: string;

  /**
   * OAuth client secret, a Terraform reference; never a literal.
   */
  readonly clientSecret: string;

  /**
   * The destination whose token request is checked, named in the warning.
   */
  readonly destinationName: string;
}

/**
 * The token half of the cockpit's *Check Connection* for an OAuth destination, as a Terraform
 * `check` block run after every plan and apply: it asks the token service for a token with the
 * destination's client credentials. A refusal is a warning, never a failed plan or apply.
 */
export class OAuthTokenCheck extends TerraformElement {
  public constructor(
    scope: Construct,
    id: string,
    private readonly props: OAuthTokenCheckProps,
  ) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        tokenServiceUrl: "string",
        clientId: "string",
        clientSecret: "string",
        destinationName: "string",
      }),
    );
    throwIfInvalid(this, [
      ...validateName("tokenServiceUrl", props.tokenServiceUrl),
      ...validateName("clientId", props.clientId),
      ...validateCredentialsReference("clientSecret", props.clientSecret),
      ...validateDestinationName("destinationName", props.destinationName),
    ]);
    // The check's data sources need the hashicorp/http provider: added to the stack when missing.
    ensureProvider(this, http.HttpProvider, "http");
  }

  /** Name of the `check` block and of its `http` data source. */
  public get checkName(): string {
    return `${this.friendlyUniqueId}_token`;
  }

  /** The block as rendered once: cdktf asks more than once per synth, and each token costs a stack trace. */
  private rendered?: Record<string, unknown>;

  /** The `check` block with its `http` data source and assertion, as Terraform JSON. */
  public override toTerraform(): Record<string, unknown> {
    this.rendered ??= this.render();
    return this.rendered;
  }

  private render(): Record<string, unknown> {
    const { tokenServiceUrl, clientId, clientSecret, destinationName } = this.props;
    return {
      check: tokenCheckBlock(
        this.checkName,
        { tokenUrl: tokenServiceUrl, clientId, clientSecret },
        `The token service of destination ${JSON.stringify(destinationName)} refused its client credentials: its OAuth settings will not work.`,
      ),
    };
  }
}
