import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  CloudTransportManagement,
  CloudTransportManagementProps,
  DeployAuthentication,
} from "./cloud-transport-management";
import { ContentTransportSource, ContentTransportSourceProps } from "./content-transport-source";
import { ContentTransportTarget, ContentTransportTargetProps } from "./content-transport-target";
import { ApiManagementSource } from "./api-management-source";
import {
  earlierIndex,
  quoted,
  throwIfInvalid,
  validateCredentialsReference,
  validateDeployAuthentication,
  validateDestinationName,
  validateName,
  validatePropShape,
} from "./private/validation";

/** One target stage of a {@link ContentTransportLandscape}: a subaccount that receives the content, its node and route. */
export interface ContentTransportStageProps {
  /**
   * The stage's target subaccount and space, as for a {@link ContentTransportTarget}.
   */
  readonly target: ContentTransportTargetProps;

  /**
   * Name of the stage's destination node in Cloud Transport Management (case-sensitive).
   */
  readonly nodeName: string;

  /**
   * The platform user that deploys into the stage's space (Space Developer there), for its deploy destination.
   */
  readonly deployUser: string;

  /**
   * That user's password, as a Terraform reference to a sensitive variable; never a literal.
   */
  readonly deployPassword: string;

  /**
   * How the stage's deploy destination signs the user in: basic authentication works with SAP ID service users only; OAuth2Password with a custom identity provider too (SAP's pages 6b7c9d8, a26a721).
   *
   * @default "BasicAuthentication"
   */
  readonly deployAuthentication?: DeployAuthentication;

  /**
   * The origin (identity provider key) of a deploy user from a custom identity provider, the destination's `origin` property; with OAuth2Password only.
   *
   * @default - a user of the default identity provider
   */
  readonly deployUserOrigin?: string;

  /**
   * Whether the deploy user's Space Developer role in the stage's space is declared here (the stack's Cloud Foundry user must be allowed to give it: Space Manager or Org Manager there).
   *
   * @default true
   */
  readonly spaceDeveloperRole?: boolean;

  /**
   * The `cloudfoundry` provider configuration of the stage's API endpoint, for its Space Developer role.
   *
   * @default - the stack's default `cloudfoundry` provider
   */
  readonly cloudFoundryProvider?: TerraformProvider;

  /**
   * Name of the stage's deploy destination in the transport subaccount, which its node names.
   *
   * @default - "TMSDeploy" (SAP's name) for the first stage, `TMSDeploy_<nodeName>` for each later one
   */
  readonly deployDestinationName?: string;

  /**
   * Name of the transport route into this stage's node from the node before it (the source node for the first stage).
   *
   * @default - `<node before>_to_<nodeName>`
   */
  readonly routeName?: string;
}

/** Properties of a {@link ContentTransportLandscape}. */
export interface ContentTransportLandscapeProps {
  /**
   * The source subaccount, as for a {@link ContentTransportSource} (its key and node name come from the landscape).
   */
  readonly source: Omit<ContentTransportSourceProps, "transportServiceKey" | "sourceNodeName">;

  /**
   * The subaccount that runs Cloud Transport Management, as for a {@link CloudTransportManagement} (its deploy targets come from the stages).
   */
  readonly transport: Omit<CloudTransportManagementProps, "deployTargets">;

  /**
   * Name of the source node in Cloud Transport Management (case-sensitive); the `sourceSystemId` of the source's destination.
   */
  readonly sourceNodeName: string;

  /**
   * The target stages in transport order (e.g. test, then production): the routes lead from the source node through each in turn.
   */
  readonly stages: readonly ContentTransportStageProps[];
}

/**
 * The props of a {@link ContentTransportLandscape} as a configuration file gives them: all but the
 * deploy passwords, which are Terraform references to sensitive variables.
 */
export type ContentTransportLandscapeSettings = Omit<ContentTransportLandscapeProps, "stages"> & {
  /** The target stages in transport order, each without its deploy password. */
  readonly stages: readonly Omit<ContentTransportStageProps, "deployPassword">[];
};

/** One stage as the landscape set it up: its target, node, route and deploy destination. */
export interface ContentTransportStage {
  /** The stage's target subaccount's facts. */
  readonly target: ContentTransportTarget;

  /** The stage's destination node's name. */
  readonly nodeName: string;

  /** The node the route into this stage leads from: the source node, or the previous stage's. */
  readonly previousNodeName: string;

  /** The transport route's name. */
  readonly routeName: string;

  /** The name of the stage's deploy destination in the transport subaccount. */
  readonly deployDestinationName: string;
}

/**
 * The whole landscape of SAP's "Enabling Content Transport Using SAP Cloud Transport Management"
 * (4f55441): the source subaccount with its three destinations, the transport subaccount with the
 * service and one deploy destination per target stage, and the stages in transport order (dev →
 * test → prod, SAP's "Sample Configuration Scenario" 22e1ed6). The transport service's key flows
 * into the source's destination inside one Terraform state, so no secret crosses a stack boundary.
 * Transport nodes and routes have no Terraform resource and no public API for creating them:
 * {@link ContentTransportLandscape.manualSteps} says what to enter.
 */
export class ContentTransportLandscape extends Construct {
  /** The content type of the destination node, as the TMS app lists it. */
  public static readonly TARGET_CONTENT_TYPE = "Multi-Target Application";

  /**
   * The forward mode of a node with a stage after it: SAP's default, under which importing into the
   * node forwards the content to the next node's import queue (SAP's "Create Transport Nodes" f71a4d5).
   */
  public static readonly FORWARD_MODE = "Pre-Import";

  /**
   * Every problem of the props as configuration gives them (all but the deploy passwords, Terraform
   * references), the roles' included, each naming the field and its value: for a loader to report
   * them all before anything is built.
   */
  public static validateProps(props: ContentTransportLandscapeSettings): string[] {
    const own = ContentTransportLandscape.ownProblems(props);
    if (props === null || typeof props !== "object" || !Array.isArray(props.stages)) return own;
    const within = (role: string, problems: readonly string[]) => problems.map((p) => `${role}.${p}`);
    const { source, transport, stages } = props;
    // The transport's deploy targets come from the stages, whose fields ownProblems checks.
    return [
      ...own,
      ...stages.flatMap((stage, i) =>
        stage !== null && typeof stage === "object"
          ? within(`stages[${i}].target`, ContentTransportTarget.validateProps(stage.target))
          : [],
      ),
      ...within("transport", CloudTransportManagement.validateSubaccount(transport)),
      ...within(
        "source",
        ContentTransportSource.validateProps({ ...source, sourceNodeName: props.sourceNodeName }),
      ),
      ...within(
        "source.apiManagement",
        ApiManagementSource.validateProps({ ...source?.apiManagement, subaccountId: source?.subaccountId }),
      ),
    ];
  }

  /** The landscape's own props: their types, the node and route names, and how the stages fit together. */
  private static ownProblems(props: ContentTransportLandscapeSettings): string[] {
    const shape = validatePropShape("", props, {
      source: "object",
      transport: "object",
      sourceNodeName: "string",
      stages: "array",
    });
    if (props === null || typeof props !== "object") return shape;
    const stages = Array.isArray(props.stages) ? props.stages : [];
    const nodes = [props.sourceNodeName, ...stages.map((stage) => stage?.nodeName)];
    const routes = ContentTransportLandscape.routeNamesOf(props.sourceNodeName, stages);
    const destinations = CloudTransportManagement.deployDestinationNamesOf(
      stages.map((stage) => ({ destinationName: stage?.deployDestinationName, nodeName: stage?.nodeName })),
    );
    // TMS names nodes and routes like destinations: letters, digits, "-" and "_".
    return [
      ...shape,
      ...ContentTransportLandscape.spaceProblems(props),
      ...validateDestinationName("sourceNodeName", props.sourceNodeName),
      ...(Array.isArray(props.stages) && stages.length === 0
        ? ["stages must list at least one target stage"]
        : []),
      ...stages.flatMap((stage, i) => {
        const field = `stages[${i}]`;
        const own = validatePropShape(field, stage, {
          target: "object",
          nodeName: "string",
          deployUser: "string",
          deployPassword: "string",
          deployDestinationName: "string",
          routeName: "string",
          deployAuthentication: "string",
          deployUserOrigin: "string",
          spaceDeveloperRole: "boolean",
          cloudFoundryProvider: "object",
        });
        if (stage === null || typeof stage !== "object") return own;
        const [sameDestination, sameNode, sameRoute] = [
          earlierIndex(destinations, i),
          earlierIndex(nodes, i + 1),
          earlierIndex(routes, i),
        ];
        return [
          ...own,
          ...validateDestinationName(`${field}.nodeName`, stage.nodeName),
          ...validateDestinationName(`${field}.routeName`, routes[i]),
          ...validateName(`${field}.deployUser`, stage.deployUser),
          ...validateDeployAuthentication(field, stage.deployAuthentication, stage.deployUserOrigin, {
            authentication: "deployAuthentication",
            origin: "deployUserOrigin",
          }),
          ...(destinations[i] === undefined
            ? []
            : validateDestinationName(`${field}.deployDestinationName`, destinations[i] as string)),
          ...(destinations[i] !== undefined && sameDestination !== undefined
            ? [
                `${field}.deployDestinationName ${quoted(destinations[i])} is already the deploy destination of stages[${sameDestination}]; each stage needs one of its own`,
              ]
            : []),
          // A route leads from one node to another, and each stage's node is one of its own.
          ...(sameNode !== undefined
            ? [
                `${field}.nodeName ${quoted(stage.nodeName)} is already the ${
                  sameNode === 0 ? "source node" : `node of stages[${sameNode - 1}]`
                }; each stage needs a node of its own`,
              ]
            : []),
          ...(sameRoute !== undefined
            ? [`${field}.routeName ${quoted(routes[i])} is already the route of stages[${sameRoute}]`]
            : []),
          ...ContentTransportLandscape.placeProblems(
            field,
            stage.target,
            props.source?.subaccountId,
            stages,
            i,
          ),
        ];
      }),
    ];
  }

  /**
   * A Cloud Foundry space named for two subaccounts: a space lives in one subaccount's org, so the
   * source's, the transport's and each stage's space are one only where their subaccount is.
   */
  private static spaceProblems(props: ContentTransportLandscapeSettings): string[] {
    const stages = Array.isArray(props.stages) ? props.stages : [];
    const places = [
      {
        field: "source.contentAgentSpaceId",
        role: "the source's",
        subaccount: props.source?.subaccountId,
        space: props.source?.contentAgentSpaceId,
      },
      {
        field: "transport.spaceId",
        role: "the transport's",
        subaccount: props.transport?.subaccountId,
        space: props.transport?.spaceId,
      },
      ...stages.map((stage, i) => ({
        field: `stages[${i}].target.spaceId`,
        role: `stages[${i}]'s`,
        subaccount: stage?.target?.subaccountId,
        space: stage?.target?.spaceId,
      })),
    ];
    return places.flatMap((place, i) => {
      const other = places
        .slice(0, i)
        .find((earlier) => earlier.space === place.space && earlier.subaccount !== place.subaccount);
      return other === undefined || place.space === undefined
        ? []
        : [
            `${place.field} ${quoted(place.space)} is already ${other.role} space, in subaccount ${quoted(other.subaccount)}; a space belongs to one subaccount's Cloud Foundry org`,
          ];
    });
  }

  /** A stage's target where content cannot go: the source's subaccount, or an earlier stage's. */
  private static placeProblems(
    field: string,
    target: ContentTransportTargetProps | undefined,
    sourceSubaccountId: string | undefined,
    stages: readonly Omit<ContentTransportStageProps, "deployPassword">[],
    at: number,
  ): string[] {
    if (target === null || typeof target !== "object") return [];
    const earlier = earlierIndex(
      stages.map((stage) => stage?.target?.subaccountId),
      at,
    );
    return [
      ...(target.subaccountId === sourceSubaccountId
        ? [
            `${field}.target.subaccountId ${quoted(target.subaccountId)} is the source subaccount; content is transported to another one`,
          ]
        : []),
      ...(earlier !== undefined
        ? [
            `${field}.target.subaccountId ${quoted(target.subaccountId)} is already the target of stages[${earlier}]; each stage is a subaccount of its own`,
          ]
        : []),
    ];
  }

  /** The node each stage's route leads from: the source node for the first, the stage before's for the others. */
  private static previousNodeNamesOf(
    sourceNodeName: string,
    stages: readonly Pick<ContentTransportStageProps, "nodeName">[],
  ): string[] {
    return stages.map((_, i) => (i === 0 ? sourceNodeName : stages[i - 1]?.nodeName));
  }

  /** Each stage's route name: its own, else `<node before>_to_<node>`. */
  private static routeNamesOf(
    sourceNodeName: string,
    stages: readonly Pick<ContentTransportStageProps, "nodeName" | "routeName">[],
  ): string[] {
    const previous = ContentTransportLandscape.previousNodeNamesOf(sourceNodeName, stages);
    return stages.map((stage, i) => stage?.routeName ?? `${previous[i]}_to_${stage?.nodeName}`);
  }

  /** The source subaccount's setup. */
  public readonly source: ContentTransportSource;

  /** The transport subaccount's setup. */
  public readonly transport: CloudTransportManagement;

  /** The target stages in transport order, each with its target, node, route and deploy destination. */
  public readonly stages: readonly ContentTransportStage[];

  /**
   * What must hold before a deploy and is not declared here, each with the values it concerns: the
   * API portal subscriptions, the spaces and the deploy users, and the roles of whoever transports.
   */
  public readonly prerequisites: readonly string[];

  /**
   * What is left to do by hand after a deploy, in order, each step with the exact values to enter:
   * the nodes, then the routes from the source node through every stage, in the Cloud Transport
   * Management app.
   */
  public readonly manualSteps: readonly string[];

  public constructor(scope: Construct, id: string, props: ContentTransportLandscapeProps) {
    super(scope, id);
    // Each role checks its own props when it is built below; the stages' fields are the landscape's.
    throwIfInvalid(this, [
      ...ContentTransportLandscape.ownProblems(props),
      ...(Array.isArray(props.stages) ? props.stages : []).flatMap((stage, i) =>
        validateCredentialsReference(`stages[${i}].deployPassword`, stage?.deployPassword ?? ""),
      ),
    ]);
    const previousNodes = ContentTransportLandscape.previousNodeNamesOf(props.sourceNodeName, props.stages);
    const routeNames = ContentTransportLandscape.routeNamesOf(props.sourceNodeName, props.stages);

    // The first stage's target keeps the id a one-target landscape has always had.
    const targets = props.stages.map(
      (stage, i) =>
        new ContentTransportTarget(this, i === 0 ? "target" : `target-${stage.nodeName}`, {
          ...stage.target,
          ...((stage.spaceDeveloperRole ?? true)
            ? {
                spaceDeveloper: stage.deployUser,
                spaceDeveloperOrigin: stage.deployUserOrigin,
                cloudFoundryProvider: stage.cloudFoundryProvider,
              }
            : {}),
        }),
    );
    this.transport = new CloudTransportManagement(this, "transport", {
      ...props.transport,
      deployTargets: props.stages.map((stage, i) => ({
        url: targets[i].deployServiceUrl,
        user: stage.deployUser,
        password: stage.deployPassword,
        destinationName: stage.deployDestinationName,
        nodeName: stage.nodeName,
        authentication: stage.deployAuthentication,
        tokenServiceUrl: targets[i].loginUrl,
        origin: stage.deployUserOrigin,
      })),
    });
    this.source = new ContentTransportSource(this, "source", {
      ...props.source,
      transportServiceKey: this.transport.serviceKey,
      sourceNodeName: props.sourceNodeName,
    });
    this.stages = props.stages.map((stage, i) => ({
      target: targets[i],
      nodeName: stage.nodeName,
      previousNodeName: previousNodes[i],
      routeName: routeNames[i],
      deployDestinationName: this.transport.deployDestinationNames[i],
    }));

    const { source, transport } = props;
    const several = this.stages.length > 1;
    const spaces = several
      ? this.stages.map((stage) => `${stage.target.spaceId} (target "${stage.nodeName}")`).join(", ")
      : `${this.stages[0].target.spaceId} (target)`;
    // Only the roles that are not declared here are left to hold before the deploy.
    const developers = props.stages
      .filter((_, i) => targets[i].spaceDeveloperRole === undefined)
      .map((stage) =>
        several
          ? `"${stage.deployUser}" is a Space Developer in space ${stage.target.spaceId}`
          : `"${stage.deployUser}" is a Space Developer in the target space`,
      );
    this.prerequisites = [
      `The source subaccount ${source.subaccountId} and the target ${several ? "subaccounts" : "subaccount"} ${listed(this.stages.map((stage) => stage.target.subaccountId))} are subscribed to API portal (SAP's prerequisite; a subscription of SAP Integration Suite, not declared here).`,
      `The Cloud Foundry spaces exist: ${source.contentAgentSpaceId} (source), ${transport.spaceId} (transport), ${spaces}${developers.length > 0 ? `; ${developers.join(", ")}` : ""}.`,
      `Whoever transports has the role APIPortal.Administrator or APIPortal.Configurator in the source subaccount, and a Cloud Transport Management role in the transport subaccount.`,
    ];
    const app = "In the Cloud Transport Management app of the transport subaccount";
    this.manualSteps = [
      `${app} (subaccount ${transport.subaccountId}), create the source node: Name "${props.sourceNodeName}", Allow Upload to Node on.`,
      ...this.stages.map(
        (stage, i) =>
          `${app}, create the destination node: Name "${stage.nodeName}", Allow Upload to Node on, Content Type "${ContentTransportLandscape.TARGET_CONTENT_TYPE}", Destination "${stage.deployDestinationName}"${
            i < this.stages.length - 1 ? `, Forward Mode "${ContentTransportLandscape.FORWARD_MODE}"` : ""
          }.`,
      ),
      ...this.stages.map(
        (stage) =>
          `${app}, create the transport route: Name "${stage.routeName}", Source Node "${stage.previousNodeName}", Target Node "${stage.nodeName}".`,
      ),
    ];
  }
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
