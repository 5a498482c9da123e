import { subaccountEntitlement, subaccountRoleCollectionAssignment } from "@cdktf/provider-btp";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { ApiManagementSource, ApiManagementSourceProps } from "./api-management-source";
import { CloudFoundryServiceInstance } from "./cloud-foundry-service-instance";
import { CloudFoundryServiceKey } from "./cloud-foundry-service-key";
import { OAuthClientCredentialsDestination } from "./oauth-client-credentials-destination";
import { OAuthTokenCheck } from "./oauth-token-check";
import { RoleMember } from "./role-member";
import { IServiceKey } from "./service-references";
import { assignRoleCollection, validateRoleMembers } from "./private/role-assignments";
import { serviceKeyValue } from "./private/service-key-credentials";
import {
  throwIfInvalid,
  validateCredentialsReference,
  validateGuid,
  validateName,
  validatePropShape,
} from "./private/validation";

/** Properties of a {@link ContentTransportSource}. */
export interface ContentTransportSourceProps {
  /**
   * ID (GUID) of the source subaccount, which holds the API portal content to transport.
   */
  readonly subaccountId: string;

  /**
   * ID (GUID) of the Cloud Foundry space in the source subaccount that holds the Content Agent instance.
   */
  readonly contentAgentSpaceId: string;

  /**
   * The Cloud Transport Management service key (`CloudTransportManagement.serviceKey`) the `TransportManagementService` destination is derived from.
   */
  readonly transportServiceKey: IServiceKey;

  /**
   * Name of the source node in Cloud Transport Management, exactly as created there (case-sensitive); the destination's `sourceSystemId`.
   */
  readonly sourceNodeName: string;

  /**
   * The API portal setup (instance, key, `APIManagement` destination), as for an {@link ApiManagementSource} of this subaccount.
   *
   * @default - an ApiManagementSource with its defaults
   */
  readonly apiManagement?: Omit<ApiManagementSourceProps, "subaccountId">;

  /**
   * Whether the subaccount's entitlement to the Content Agent plan is declared here.
   *
   * @default true
   */
  readonly createContentAgentEntitlement?: boolean;

  /**
   * Whether Terraform asks each OAuth destination's token service for a token after every plan and apply (a failure is a warning).
   *
   * @default true
   */
  readonly connectionCheck?: boolean;

  /**
   * Users or groups who get the role collection `APIPortal.Administrator` in the source subaccount, to transport content (SAP's page f3049e2).
   *
   * @default - none
   */
  readonly apiPortalAdministrators?: readonly RoleMember[];

  /**
   * Users or groups who get the role collection `APIPortal.Configurator` in the source subaccount: the other role that may transport.
   *
   * @default - none
   */
  readonly apiPortalConfigurators?: readonly RoleMember[];
}

/**
 * The source subaccount of SAP's content transport with Cloud Transport Management (steps 1 to 4
 * and 7): the API portal setup with its `APIManagement` destination, a Content Agent instance and
 * key with the `ContentAssemblyService` destination, and the `TransportManagementService`
 * destination derived from the transport service's key. Each destination's values are Terraform
 * references to a key. The stack that uses it declares the `btp` and `cloudfoundry` providers.
 */
export class ContentTransportSource extends Construct {
  /** Technical name of the Content Agent service offering. */
  public static readonly CONTENT_AGENT_SERVICE = "content-agent";

  /** The Content Agent plan SAP's setup uses. */
  public static readonly CONTENT_AGENT_PLAN = "standard";

  /** Name of the Content Agent instance in its space. */
  public static readonly CONTENT_AGENT_INSTANCE_NAME = "content-agent";

  /** Name of the Content Agent instance's key. */
  public static readonly CONTENT_AGENT_KEY_NAME = "content-agent-key";

  /** The destination name the Content Agent looks for (SAP: case-sensitive, fixed). */
  public static readonly CONTENT_ASSEMBLY_DESTINATION = "ContentAssemblyService";

  /** The API portal role collection that may transport content (SAP's page f3049e2), as API portal's subscription delivers it. */
  public static readonly API_PORTAL_ADMINISTRATOR = "APIPortal.Administrator";

  /** The other API portal role collection that may transport content (SAP's page f3049e2). */
  public static readonly API_PORTAL_CONFIGURATOR = "APIPortal.Configurator";

  /** The destination name the content transport uploads through (SAP's destination page 795f733). */
  public static readonly TRANSPORT_DESTINATION = "TransportManagementService";

  /**
   * The problems of the props as configuration gives them, each naming the field and its value;
   * empty when they are valid. The transport key, a construct, and `apiManagement`, which
   * `ApiManagementSource.validateProps` checks, are left to the constructor and that construct.
   */
  public static validateProps(props: Omit<ContentTransportSourceProps, "transportServiceKey">): string[] {
    const shape = validatePropShape("", props, {
      subaccountId: "string",
      contentAgentSpaceId: "string",
      transportServiceKey: "object",
      sourceNodeName: "string",
      apiManagement: "object",
      createContentAgentEntitlement: "boolean",
      connectionCheck: "boolean",
      apiPortalAdministrators: "array",
      apiPortalConfigurators: "array",
    });
    if (props === null || typeof props !== "object") return shape;
    return [
      ...shape,
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("contentAgentSpaceId", props.contentAgentSpaceId),
      ...validateName("sourceNodeName", props.sourceNodeName),
      ...validateRoleMembers("apiPortalAdministrators", props.apiPortalAdministrators),
      ...validateRoleMembers("apiPortalConfigurators", props.apiPortalConfigurators),
    ];
  }

  /** The subaccount's ID. */
  public readonly subaccountId: string;

  /** The API portal setup and its `APIManagement` destination. */
  public readonly apiManagement: ApiManagementSource;

  /** The entitlement to Content Agent's plan, unless `createContentAgentEntitlement` is false. */
  public readonly contentAgentEntitlement?: subaccountEntitlement.SubaccountEntitlement;

  /** The Content Agent service instance. */
  public readonly contentAgentInstance: CloudFoundryServiceInstance;

  /** The Content Agent service key. */
  public readonly contentAgentKey: CloudFoundryServiceKey;

  /** The `ContentAssemblyService` destination. */
  public readonly contentAssemblyDestination: OAuthClientCredentialsDestination;

  /** The `TransportManagementService` destination. */
  public readonly transportDestination: OAuthClientCredentialsDestination;

  /** The role collection assignments of `apiPortalAdministrators` and `apiPortalConfigurators`. */
  public readonly transporterAssignments: readonly subaccountRoleCollectionAssignment.SubaccountRoleCollectionAssignment[];

  /** The token checks of the two destinations above, unless `connectionCheck` is false. */
  public readonly tokenChecks: readonly OAuthTokenCheck[];

  public constructor(scope: Construct, id: string, props: ContentTransportSourceProps) {
    super(scope, id);
    // The API portal setup checks its own props when it is built below.
    throwIfInvalid(this, [
      ...ContentTransportSource.validateProps(props),
      ...validateCredentialsReference("transportServiceKey", props?.transportServiceKey?.credentials ?? ""),
    ]);

    this.subaccountId = props.subaccountId;
    this.apiManagement = new ApiManagementSource(this, "api-management", {
      ...props.apiManagement,
      subaccountId: props.subaccountId,
    });
    if (props.createContentAgentEntitlement ?? true) {
      this.contentAgentEntitlement = new subaccountEntitlement.SubaccountEntitlement(
        this,
        "content-agent-entitlement",
        {
          subaccountId: props.subaccountId,
          serviceName: ContentTransportSource.CONTENT_AGENT_SERVICE,
          planName: ContentTransportSource.CONTENT_AGENT_PLAN,
        },
      );
    }
    this.contentAgentInstance = new CloudFoundryServiceInstance(this, "content-agent", {
      spaceId: props.contentAgentSpaceId,
      serviceOfferingName: ContentTransportSource.CONTENT_AGENT_SERVICE,
      planName: ContentTransportSource.CONTENT_AGENT_PLAN,
      name: ContentTransportSource.CONTENT_AGENT_INSTANCE_NAME,
      dependsOn: this.contentAgentEntitlement ? [this.contentAgentEntitlement] : undefined,
    });
    this.contentAgentKey = new CloudFoundryServiceKey(this, "content-agent-key", {
      serviceInstance: this.contentAgentInstance,
      name: ContentTransportSource.CONTENT_AGENT_KEY_NAME,
    });

    // Both keys have the shape {url|uri, uaa: {clientid, clientsecret, url}}; the token service is
    // the UAA's /oauth/token (SAP's pages 3a6a81e and 795f733).
    const fromUaa = (key: IServiceKey) => ({
      clientId: serviceKeyValue(key.credentials, ["uaa", "clientid"]),
      clientSecret: serviceKeyValue(key.credentials, ["uaa", "clientsecret"]),
      tokenServiceUrl: `${Fn.trimsuffix(serviceKeyValue(key.credentials, ["uaa", "url"]), "/")}/oauth/token`,
    });
    const contentAgentClient = fromUaa(this.contentAgentKey);
    const transportClient = fromUaa(props.transportServiceKey);
    this.contentAssemblyDestination = new OAuthClientCredentialsDestination(
      this,
      "content-assembly-destination",
      {
        subaccountId: props.subaccountId,
        name: ContentTransportSource.CONTENT_ASSEMBLY_DESTINATION,
        description: "Content Agent service: assembles API portal content for transport",
        url: serviceKeyValue(this.contentAgentKey.credentials, ["url"]),
        ...contentAgentClient,
      },
    );
    this.transportDestination = new OAuthClientCredentialsDestination(this, "transport-destination", {
      subaccountId: props.subaccountId,
      name: ContentTransportSource.TRANSPORT_DESTINATION,
      description: "Cloud Transport Management: where the content transport uploads to the source node",
      url: serviceKeyValue(props.transportServiceKey.credentials, ["uri"]),
      ...transportClient,
      // The node name, case and all: TMS matches it to find where the upload goes (6c94d89).
      additionalProperties: { sourceSystemId: props.sourceNodeName },
    });

    const checked = [
      [this.contentAssemblyDestination, contentAgentClient],
      [this.transportDestination, transportClient],
    ] as const;
    this.tokenChecks =
      (props.connectionCheck ?? true)
        ? checked.map(
            ([destination, client]) =>
              new OAuthTokenCheck(this, `${destination.node.id}-check`, {
                ...client,
                destinationName: destination.name,
              }),
          )
        : [];
    // API portal's subscription (a prerequisite, not declared here) delivers both collections.
    this.transporterAssignments = [
      ...assignRoleCollection(this, "api-portal-administrator", {
        subaccountId: props.subaccountId,
        roleCollectionName: ContentTransportSource.API_PORTAL_ADMINISTRATOR,
        members: props.apiPortalAdministrators ?? [],
      }),
      ...assignRoleCollection(this, "api-portal-configurator", {
        subaccountId: props.subaccountId,
        roleCollectionName: ContentTransportSource.API_PORTAL_CONFIGURATOR,
        members: props.apiPortalConfigurators ?? [],
      }),
    ];
  }
}
