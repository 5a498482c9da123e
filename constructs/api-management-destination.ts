import { subaccountDestinationGeneric } from "@cdktf/provider-btp";
import { Annotations, Fn } from "cdktf";
import { Construct } from "constructs";
import { ServiceKeyField, serviceKeyField } from "./private/service-key-credentials";
import { oauthClientCredentialsConfiguration } from "./private/destination-configuration";
import { holdsToken } from "./private/terraform-strings";
import { IServiceKey } from "./service-references";
import {
  throwIfInvalid,
  validateDestinationName,
  validateGuid,
  validateName,
  validatePropShape,
  validateServiceKey,
} from "./private/validation";

/** Properties of an {@link ApiManagementDestination}. */
export interface ApiManagementDestinationProps {
  /**
   * ID (GUID) of the source subaccount in which the destination is created.
   */
  readonly subaccountId: string;

  /**
   * The API portal service key the destination is derived from, of either environment or made elsewhere.
   */
  readonly serviceKey: IServiceKey;

  /**
   * Destination name; the content transport looks the destination up by this exact, case-sensitive name.
   *
   * @default "APIManagement"
   */
  readonly name?: string;

  /**
   * Description shown in the cockpit's destination list.
   *
   * @default "API portal content transport: API Management transport API of this source subaccount"
   */
  readonly description?: string;
}

/**
 * The HTTP destination through which the content transport exports API portal content from the
 * source subaccount. Terraform derives its URL and OAuth client credentials from the service key,
 * so no secret passes through code, configuration or a person's clipboard.
 */
export class ApiManagementDestination extends Construct {
  /** The name the content transport looks for. */
  public static readonly DEFAULT_NAME = "APIManagement";

  /** Default description. */
  public static readonly DEFAULT_DESCRIPTION =
    "API portal content transport: API Management transport API of this source subaccount";

  /** Path of the transport API below the service key's `url`. */
  public static readonly TRANSPORT_PATH = "/api/1.0/transportmodule/Transport";

  /** The `btp_subaccount_destination_generic` resource. */
  public readonly resource: subaccountDestinationGeneric.SubaccountDestinationGeneric;

  /** The destination's name, as BTP and the content transport know it. */
  public readonly name: string;

  /** The destination's URL, as the Terraform expression over the key that it is. */
  public readonly url: string;

  public constructor(scope: Construct, id: string, props: ApiManagementDestinationProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        subaccountId: "string",
        serviceKey: "object",
        name: "string",
        description: "string",
      }),
    );
    this.name = props.name ?? ApiManagementDestination.DEFAULT_NAME;
    const description = props.description ?? ApiManagementDestination.DEFAULT_DESCRIPTION;
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateDestinationName("name", this.name),
      ...validateName("description", description),
      ...validateServiceKey("serviceKey", props.serviceKey),
    ]);

    if (!holdsToken(this.name) && this.name !== ApiManagementDestination.DEFAULT_NAME) {
      // Allowed (a second source in one subaccount needs another name), but not what the transport finds.
      Annotations.of(this).addWarning(
        `destination name ${JSON.stringify(this.name)}: the content transport looks for exactly "${ApiManagementDestination.DEFAULT_NAME}"; ` +
          "only callers configured with this name will use it",
      );
    }

    const keyField = (field: ServiceKeyField): string => serviceKeyField(props.serviceKey.credentials, field);
    // A trailing "/" on the key's url would otherwise produce "//api/..." in the destination URL.
    this.url = `${Fn.trimsuffix(keyField("url"), "/")}${ApiManagementDestination.TRANSPORT_PATH}`;

    this.resource = new subaccountDestinationGeneric.SubaccountDestinationGeneric(this, "resource", {
      subaccountId: props.subaccountId,
      destinationConfiguration: oauthClientCredentialsConfiguration({
        name: this.name,
        description,
        url: this.url,
        clientId: keyField("clientId"),
        clientSecret: keyField("clientSecret"),
        tokenServiceUrl: keyField("tokenUrl"),
      }),
    });
    this.node.defaultChild = this.resource;
  }
}
