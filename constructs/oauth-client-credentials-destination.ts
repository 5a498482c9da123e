import { subaccountDestinationGeneric } from "@cdktf/provider-btp";
import { Construct } from "constructs";
import { oauthClientCredentialsConfiguration } from "./private/destination-configuration";
import {
  throwIfInvalid,
  validateCredentialsReference,
  validateDestinationName,
  validateGuid,
  validateName,
  validatePropShape,
} from "./private/validation";

/** Properties of an {@link OAuthClientCredentialsDestination}. */
export interface OAuthClientCredentialsDestinationProps {
  /**
   * ID (GUID) of the subaccount in which the destination is created.
   */
  readonly subaccountId: string;

  /**
   * Destination name, exactly as the service that looks the destination up expects it.
   */
  readonly name: string;

  /**
   * Description shown in the cockpit's destination list.
   *
   * @default - the name
   */
  readonly description?: string;

  /**
   * The URL the destination calls, usually a Terraform expression over a service key.
   */
  readonly url: string;

  /**
   * OAuth client ID, a Terraform expression over a service key.
   */
  readonly clientId: string;

  /**
   * OAuth client secret, a Terraform reference to a service key's value; never a literal.
   */
  readonly clientSecret: string;

  /**
   * The token service's URL (ending in `/oauth/token`), usually a Terraform expression over a service key.
   */
  readonly tokenServiceUrl: string;

  /**
   * Further destination properties after the standard ones, by name.
   *
   * @default - none
   */
  readonly additionalProperties?: Readonly<Record<string, string>>;
}

/**
 * An HTTP destination that authenticates with OAuth client credentials taken from a service key:
 * the pattern of `APIManagement`, `ContentAssemblyService` and `TransportManagementService`.
 * Terraform reads the values from the key at apply, so no secret passes through code or a clipboard.
 */
export class OAuthClientCredentialsDestination extends Construct {
  /** The `btp_subaccount_destination_generic` resource. */
  public readonly resource: subaccountDestinationGeneric.SubaccountDestinationGeneric;

  /** The destination's name. */
  public readonly name: string;

  /** The destination's URL, as given. */
  public readonly url: string;

  /** The token service URL, as given; the connection check asks it for a token. */
  public readonly tokenServiceUrl: string;

  public constructor(scope: Construct, id: string, props: OAuthClientCredentialsDestinationProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        subaccountId: "string",
        name: "string",
        description: "string",
        url: "string",
        clientId: "string",
        clientSecret: "string",
        tokenServiceUrl: "string",
        additionalProperties: "object",
      }),
    );
    const description = props.description ?? props.name;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateDestinationName("name", props.name),
      ...validateName("description", description),
      ...validateName("url", props.url),
      ...validateName("clientId", props.clientId),
      ...validateCredentialsReference("clientSecret", props.clientSecret),
      ...validateName("tokenServiceUrl", props.tokenServiceUrl),
      ...Object.entries(props.additionalProperties ?? {}).flatMap(([key, value]) => [
        ...validateDestinationName(`additionalProperties key`, key),
        ...validateName(`additionalProperties.${key}`, value),
      ]),
    ]);
    this.name = props.name;
    this.url = props.url;
    this.tokenServiceUrl = props.tokenServiceUrl;
    this.resource = new subaccountDestinationGeneric.SubaccountDestinationGeneric(this, "resource", {
      subaccountId: props.subaccountId,
      destinationConfiguration: oauthClientCredentialsConfiguration({ ...props, description }),
    });
    this.node.defaultChild = this.resource;
  }
}
