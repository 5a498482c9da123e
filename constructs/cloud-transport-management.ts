import {
  subaccountDestinationGeneric,
  subaccountEntitlement,
  subaccountRoleCollectionAssignment,
  subaccountSubscription,
} from "@cdktf/provider-btp";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudFoundryServiceInstance } from "./cloud-foundry-service-instance";
import { CloudFoundryServiceKey } from "./cloud-foundry-service-key";
import { RoleMember } from "./role-member";
import { assignRoleCollection, validateRoleMembers } from "./private/role-assignments";
import { deployDestinationConfiguration } from "./private/destination-configuration";
import {
  earlierIndex,
  quoted,
  throwIfInvalid,
  validateDeployAuthentication,
  validateCredentialsReference,
  validateDestinationName,
  validateGuid,
  validateName,
  validatePropShape,
} from "./private/validation";

/** How a deploy destination signs its user in (SAP's pages 6b7c9d8 and a26a721). */
export type DeployAuthentication = "BasicAuthentication" | "OAuth2Password";

/** The deploy service of one target stage's space: where a destination node imports, through a destination of its own. */
export interface TransportDeployTarget {
  /**
   * The deploy service's URL for the target space (`ContentTransportTarget.deployServiceUrl`).
   */
  readonly url: string;

  /**
   * The platform user (SAP ID service) that is Space Developer in the target space.
   */
  readonly user: string;

  /**
   * That user's password, as a Terraform reference to a sensitive variable; never a literal.
   */
  readonly password: string;

  /**
   * Name of the destination the stage's node deploys through.
   *
   * @default - "TMSDeploy" (SAP's name) for the first target, `TMSDeploy_<nodeName>` for each later one
   */
  readonly destinationName?: string;

  /**
   * How the destination signs the user in: basic authentication (SAP ID service users only), or OAuth2Password, which works with a custom identity provider too.
   *
   * @default "BasicAuthentication"
   */
  readonly authentication?: DeployAuthentication;

  /**
   * The token service of an OAuth2Password destination: the Cloud Foundry login of the target's API endpoint (`ContentTransportTarget.loginUrl`).
   *
   * @default - none; required with OAuth2Password
   */
  readonly tokenServiceUrl?: string;

  /**
   * The origin (identity provider key) of the user, for a platform user of a custom identity provider; with OAuth2Password only.
   *
   * @default - the default identity provider's user
   */
  readonly origin?: string;

  /**
   * Name of the stage's node in Cloud Transport Management, which a later target's destination is named after.
   *
   * @default - none: only the first target may go without a destination name of its own
   */
  readonly nodeName?: string;
}

/** Properties of a {@link CloudTransportManagement}. */
export interface CloudTransportManagementProps {
  /**
   * ID (GUID) of the subaccount that runs Cloud Transport Management.
   */
  readonly subaccountId: string;

  /**
   * ID (GUID) of the Cloud Foundry space in that subaccount that holds the transport service instance.
   */
  readonly spaceId: string;

  /**
   * Where the destination nodes deploy, one per target stage in transport order: each gets a deploy destination of its own.
   */
  readonly deployTargets: readonly TransportDeployTarget[];

  /**
   * Whether the subaccount's entitlements (application `alm-ts` and service `transport`, plan `standard` each) are declared here.
   *
   * @default true
   */
  readonly createEntitlements?: boolean;

  /**
   * Whether the subscription to the Cloud Transport Management application (`alm-ts`, plan `standard`) is declared here.
   *
   * @default true
   */
  readonly createSubscription?: boolean;

  /**
   * Users or groups who get the delivered role collection `TMS_LandscapeOperator_RC`, to create the nodes and routes.
   *
   * @default - none
   */
  readonly landscapeOperators?: readonly RoleMember[];

  /**
   * Users or groups who get the delivered role collection `TMS_Viewer_RC`, to see the landscape and its transports.
   *
   * @default - none
   */
  readonly viewers?: readonly RoleMember[];

  /**
   * The `cloudfoundry` provider configuration of the transport space, where its API endpoint is not the stack's default one.
   *
   * @default - the stack's default `cloudfoundry` provider
   */
  readonly cloudFoundryProvider?: TerraformProvider;
}

/**
 * The subaccount that runs SAP Cloud Transport Management for the content transport (prerequisite,
 * steps 5 and 8): the `alm-ts` subscription, the `transport` service instance in a Cloud Foundry
 * space with its key (from which the source's `TransportManagementService` destination is derived),
 * and the `TMSDeploy` destination to the target space's deploy service. Nodes and the route have no
 * Terraform resource: `ContentTransportLandscape.manualSteps` lists them. The stack that uses it
 * declares the `btp` and `cloudfoundry` providers.
 */
export class CloudTransportManagement extends Construct {
  /** The Cloud Transport Management application (subscription). */
  public static readonly APPLICATION = "alm-ts";

  /** The service offering whose instance the source's destination calls. */
  public static readonly SERVICE = "transport";

  /** The plan of both, as SAP's setup uses it. */
  public static readonly PLAN = "standard";

  /** The delivered role collection that may create nodes and routes. */
  public static readonly LANDSCAPE_OPERATOR_ROLE_COLLECTION = "TMS_LandscapeOperator_RC";

  /** The delivered role collection that may see nodes, routes and transports (SAP's page eb134e0). */
  public static readonly VIEWER_ROLE_COLLECTION = "TMS_Viewer_RC";

  /** The deploy destination's name unless given; the destination node names it. */
  public static readonly DEFAULT_DEPLOY_DESTINATION = "TMSDeploy";

  /** Name of the transport service instance in its space. */
  public static readonly INSTANCE_NAME = "tms-content-transport";

  /** Name of the transport service instance's key. */
  public static readonly KEY_NAME = "tms-content-transport-key";

  /**
   * The problems of the props as configuration gives them, each naming the field and its value;
   * empty when they are valid. The passwords, Terraform references, are the constructor's to check.
   */
  public static validateProps(
    props: Omit<CloudTransportManagementProps, "deployTargets"> & {
      readonly deployTargets?: readonly Partial<TransportDeployTarget>[];
    },
  ): string[] {
    if (props === null || typeof props !== "object")
      return CloudTransportManagement.validateSubaccount(props);
    const { deployTargets, ...subaccount } = props;
    return [
      ...CloudTransportManagement.validateSubaccount(subaccount),
      ...(Array.isArray(deployTargets) || deployTargets === undefined
        ? CloudTransportManagement.validateDeployTargets(deployTargets ?? [])
        : [`deployTargets ${quoted(deployTargets)} must be an array`]),
    ];
  }

  /**
   * The problems of all props but the deploy targets: for a composite that derives those from props
   * of its own, and checks them there (a landscape's stages).
   */
  public static validateSubaccount(props: Omit<CloudTransportManagementProps, "deployTargets">): string[] {
    const shape = validatePropShape("", props, {
      subaccountId: "string",
      spaceId: "string",
      createEntitlements: "boolean",
      createSubscription: "boolean",
      landscapeOperators: "array",
      viewers: "array",
      cloudFoundryProvider: "object",
    });
    if (props === null || typeof props !== "object") return shape;
    return [
      ...shape,
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("spaceId", props.spaceId),
      ...validateRoleMembers("landscapeOperators", props.landscapeOperators),
      ...validateRoleMembers("viewers", props.viewers),
    ];
  }

  /** The problems of the deploy targets: at least one, each with a URL, a user and a destination name of its own. */
  public static validateDeployTargets(targets: readonly Partial<TransportDeployTarget>[]): string[] {
    const names = CloudTransportManagement.deployDestinationNamesOf(targets);
    return [
      ...(targets.length === 0 ? ["deployTargets must list at least one deploy target"] : []),
      ...targets.flatMap((target, i) => {
        const field = `deployTargets[${i}]`;
        const own = validatePropShape(field, target, {
          url: "string",
          user: "string",
          password: "string",
          destinationName: "string",
          nodeName: "string",
          authentication: "string",
          tokenServiceUrl: "string",
          origin: "string",
        });
        if (target === null || typeof target !== "object") return own;
        const first = earlierIndex(names, i);
        return [
          ...own,
          ...validateName(`${field}.url`, target.url as string),
          ...validateName(`${field}.user`, target.user as string),
          ...validateDeployAuthentication(field, target.authentication, target.origin, {
            authentication: "authentication",
            origin: "origin",
          }),
          ...(target.authentication === "OAuth2Password"
            ? validateName(`${field}.tokenServiceUrl`, target.tokenServiceUrl as string)
            : []),
          ...(names[i] === undefined
            ? [
                `${field} needs a destinationName or a nodeName: only the first deploy target is named "TMSDeploy"`,
              ]
            : validateDestinationName(`${field}.destinationName`, names[i])),
          ...(names[i] !== undefined && first !== undefined
            ? [
                `${field}.destinationName ${quoted(names[i])} is already the destination of deployTargets[${first}]; each needs one of its own`,
              ]
            : []),
        ];
      }),
    ];
  }

  /**
   * Each deploy target's destination name: its own, else SAP's "TMSDeploy" for the first and
   * `TMSDeploy_<nodeName>` for a later one, so that adding a stage never renames an earlier one's.
   */
  public static deployDestinationNamesOf(
    targets: readonly Partial<TransportDeployTarget>[],
  ): (string | undefined)[] {
    const base = CloudTransportManagement.DEFAULT_DEPLOY_DESTINATION;
    return targets.map(
      (target, i) =>
        target?.destinationName ??
        (i === 0 ? base : target?.nodeName === undefined ? undefined : `${base}_${target.nodeName}`),
    );
  }

  /** The subaccount's ID. */
  public readonly subaccountId: string;

  /** The entitlements to the application and the service plan, unless `createEntitlements` is false. */
  public readonly entitlements: readonly subaccountEntitlement.SubaccountEntitlement[];

  /** The subscription to the application, unless `createSubscription` is false. */
  public readonly subscription?: subaccountSubscription.SubaccountSubscription;

  /** The transport service instance. */
  public readonly instance: CloudFoundryServiceInstance;

  /** The transport service key: `uri` and `uaa`, for the source's `TransportManagementService` destination. */
  public readonly serviceKey: CloudFoundryServiceKey;

  /** The deploy destinations, one per deploy target in its order (the first SAP's `TMSDeploy` unless named). */
  public readonly deployDestinations: readonly subaccountDestinationGeneric.SubaccountDestinationGeneric[];

  /** The deploy destinations' names, in the deploy targets' order. */
  public readonly deployDestinationNames: readonly string[];

  /** The role collection assignments of `landscapeOperators`. */
  public readonly landscapeOperatorAssignments: readonly subaccountRoleCollectionAssignment.SubaccountRoleCollectionAssignment[];

  /** The role collection assignments of `viewers`. */
  public readonly viewerAssignments: readonly subaccountRoleCollectionAssignment.SubaccountRoleCollectionAssignment[];

  public constructor(scope: Construct, id: string, props: CloudTransportManagementProps) {
    super(scope, id);
    throwIfInvalid(this, [
      ...CloudTransportManagement.validateProps(props),
      ...(Array.isArray(props?.deployTargets) ? props.deployTargets : []).flatMap((target, i) =>
        validateCredentialsReference(`deployTargets[${i}].password`, target?.password ?? ""),
      ),
    ]);
    this.deployDestinationNames = CloudTransportManagement.deployDestinationNamesOf(
      props.deployTargets,
    ) as string[];
    this.subaccountId = props.subaccountId;

    const entitle = (serviceName: string) =>
      new subaccountEntitlement.SubaccountEntitlement(this, `${serviceName}-entitlement`, {
        subaccountId: props.subaccountId,
        serviceName,
        planName: CloudTransportManagement.PLAN,
      });
    // The subscription waits for the application's entitlement, the instance for the service's.
    const [applicationEntitlement, serviceEntitlement] =
      (props.createEntitlements ?? true)
        ? [entitle(CloudTransportManagement.APPLICATION), entitle(CloudTransportManagement.SERVICE)]
        : [];
    this.entitlements = [applicationEntitlement, serviceEntitlement].filter((e) => e !== undefined);
    if (props.createSubscription ?? true) {
      this.subscription = new subaccountSubscription.SubaccountSubscription(this, "subscription", {
        subaccountId: props.subaccountId,
        appName: CloudTransportManagement.APPLICATION,
        planName: CloudTransportManagement.PLAN,
        dependsOn: applicationEntitlement ? [applicationEntitlement] : undefined,
      });
    }
    this.instance = new CloudFoundryServiceInstance(this, "instance", {
      spaceId: props.spaceId,
      serviceOfferingName: CloudTransportManagement.SERVICE,
      planName: CloudTransportManagement.PLAN,
      name: CloudTransportManagement.INSTANCE_NAME,
      dependsOn: serviceEntitlement ? [serviceEntitlement] : undefined,
      provider: props.cloudFoundryProvider,
    });
    this.serviceKey = new CloudFoundryServiceKey(this, "key", {
      serviceInstance: this.instance,
      name: CloudTransportManagement.KEY_NAME,
      provider: props.cloudFoundryProvider,
    });
    // The first target's destination keeps the address a one-target landscape has always had; a
    // later one's is named after its destination, so that adding or removing a stage moves no other.
    this.deployDestinations = props.deployTargets.map(
      (target, i) =>
        new subaccountDestinationGeneric.SubaccountDestinationGeneric(
          this,
          i === 0 ? "deploy-destination" : `deploy-destination-${this.deployDestinationNames[i]}`,
          {
            subaccountId: props.subaccountId,
            destinationConfiguration: deployDestinationConfiguration({
              ...target,
              name: this.deployDestinationNames[i],
              description: "Deploy service of the target space: where the destination node imports",
            }),
          },
        ),
    );
    // The delivered role collections exist once the application is subscribed.
    const dependsOn = this.subscription ? [this.subscription] : undefined;
    this.landscapeOperatorAssignments = assignRoleCollection(this, "landscape-operator", {
      subaccountId: props.subaccountId,
      roleCollectionName: CloudTransportManagement.LANDSCAPE_OPERATOR_ROLE_COLLECTION,
      members: props.landscapeOperators ?? [],
      dependsOn,
    });
    this.viewerAssignments = assignRoleCollection(this, "viewer", {
      subaccountId: props.subaccountId,
      roleCollectionName: CloudTransportManagement.VIEWER_ROLE_COLLECTION,
      members: props.viewers ?? [],
      dependsOn,
    });
  }
}
