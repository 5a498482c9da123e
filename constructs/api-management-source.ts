import {
  subaccountDestinationGeneric,
  subaccountEntitlement,
  subaccountServiceBinding,
  subaccountServiceInstance,
} from "@cdktf/provider-btp";
import { Construct } from "constructs";
import { ApiManagementDestination } from "./api-management-destination";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { ApiPortalServiceInstance } from "./api-portal-service-instance";
import { ApiPortalServiceKey } from "./api-portal-service-key";
import { throwIfInvalid, validateDestinationName, validateGuid, validateName } from "./validation";

/** Properties of an {@link ApiManagementSource}. */
export interface ApiManagementSourceProps {
  /**
   * ID (GUID) of the source subaccount, the one that holds the API portal content to export.
   *
   * @default - none, required
   */
  readonly subaccountId: string;

  /**
   * Name of the destination; the content transport looks for exactly `APIManagement` (case-sensitive).
   *
   * @default "APIManagement"
   */
  readonly destinationName?: string;

  /**
   * Description of the destination shown in the cockpit.
   *
   * @default "API portal content transport: API Management transport API of this source subaccount"
   */
  readonly destinationDescription?: string;

  /**
   * Name of the API portal service instance.
   *
   * @default "apim-content-transport"
   */
  readonly serviceInstanceName?: string;

  /**
   * Name of the service key; renaming it replaces the key.
   *
   * @default "apim-content-transport-key"
   */
  readonly serviceKeyName?: string;

  /**
   * Role of the service instance; only `APIPortal.Administrator` is accepted, as SAP's procedure requires.
   *
   * @default "APIPortal.Administrator"
   */
  readonly role?: string;

  /**
   * Whether to entitle the subaccount to the plan; false where the entitlement is managed elsewhere (e.g. a directory stack).
   *
   * @default true
   */
  readonly createEntitlement?: boolean;
}

/**
 * Everything SAP's manual procedure sets up in a source subaccount for API Management content
 * transport: entitlement, API portal service instance, service key, and the `APIManagement`
 * destination built from that key. The stack that uses it declares the `btp` provider.
 */
export class ApiManagementSource extends Construct {
  /**
   * Returns every problem of the props at once, each naming the prop and its value; empty when
   * they are valid. The constructor throws them; configuration loaders can report them earlier.
   */
  public static validateProps(props: ApiManagementSourceProps): string[] {
    const optionalName = (field: keyof ApiManagementSourceProps, value: string | undefined): string[] =>
      value === undefined ? [] : validateName(field, value);
    return [
      ...validateGuid("subaccountId", props.subaccountId),
      ...(props.destinationName === undefined
        ? []
        : validateDestinationName("destinationName", props.destinationName)),
      ...optionalName("destinationDescription", props.destinationDescription),
      ...optionalName("serviceInstanceName", props.serviceInstanceName),
      ...optionalName("serviceKeyName", props.serviceKeyName),
      ...(props.role === undefined ? [] : ApiPortalServiceInstance.validateRole("role", props.role)),
    ];
  }

  /** The entitlement, or undefined when `createEntitlement` is false. */
  public readonly entitlement?: subaccountEntitlement.SubaccountEntitlement;

  /** The API portal service instance. */
  public readonly serviceInstance: subaccountServiceInstance.SubaccountServiceInstance;

  /** The service key whose credentials feed the destination. */
  public readonly serviceKey: subaccountServiceBinding.SubaccountServiceBinding;

  /** The `APIManagement` destination. */
  public readonly destination: subaccountDestinationGeneric.SubaccountDestinationGeneric;

  public constructor(scope: Construct, id: string, props: ApiManagementSourceProps) {
    super(scope, id);
    // Checked here as a whole so that one synth reports every broken prop, not just the first.
    throwIfInvalid(this, ApiManagementSource.validateProps(props));
    const { subaccountId } = props;

    if (props.createEntitlement ?? true) {
      this.entitlement = new ApiPortalEntitlement(this, "entitlement", { subaccountId }).resource;
    }
    this.serviceInstance = new ApiPortalServiceInstance(this, "service-instance", {
      subaccountId,
      name: props.serviceInstanceName,
      role: props.role,
      dependsOn: this.entitlement ? [this.entitlement] : undefined,
    }).resource;
    this.serviceKey = new ApiPortalServiceKey(this, "service-key", {
      subaccountId,
      serviceInstanceId: this.serviceInstance.id,
      name: props.serviceKeyName,
    }).resource;
    this.destination = new ApiManagementDestination(this, "destination", {
      subaccountId,
      serviceKeyCredentials: this.serviceKey.credentials,
      name: props.destinationName,
      description: props.destinationDescription,
    }).resource;
  }
}
