import { Construct } from "constructs";
import { CloudTransportManagement, CloudTransportManagementProps } from "./cloud-transport-management";
import { ContentTransportSource, ContentTransportSourceProps } from "./content-transport-source";
import { ContentTransportTarget, ContentTransportTargetProps } from "./content-transport-target";
import { ApiManagementSource } from "./api-management-source";
import { throwIfInvalid, validateDestinationName, validatePropShape } from "./private/validation";

/** Properties of a {@link ContentTransportLandscape}. */
export interface ContentTransportLandscapeProps {
  /**
   * The source subaccount, as for a {@link ContentTransportSource} (its key and node name come from the landscape).
   */
  readonly source: Omit<ContentTransportSourceProps, "transportServiceKey" | "sourceNodeName">;

  /**
   * The subaccount that runs Cloud Transport Management, as for a {@link CloudTransportManagement} (its deploy target comes from the landscape).
   */
  readonly transport: Omit<CloudTransportManagementProps, "deployTarget">;

  /**
   * The target subaccount, as for a {@link ContentTransportTarget}.
   */
  readonly target: ContentTransportTargetProps;

  /**
   * The platform user that deploys into the target space (Space Developer there), for the `TMSDeploy` destination.
   */
  readonly deployUser: string;

  /**
   * That user's password, as a Terraform reference to a sensitive variable; never a literal.
   */
  readonly deployPassword: string;

  /**
   * Name of the source node in Cloud Transport Management (case-sensitive); the `sourceSystemId` of the source's destination.
   */
  readonly sourceNodeName: string;

  /**
   * Name of the destination node in Cloud Transport Management.
   */
  readonly targetNodeName: string;

  /**
   * Name of the transport route from the source node to the destination node.
   *
   * @default - `<sourceNodeName>_to_<targetNodeName>`
   */
  readonly routeName?: string;
}

/**
 * The whole landscape of SAP's "Enabling Content Transport Using SAP Cloud Transport Management"
 * (4f55441): the source subaccount with its three destinations, the transport subaccount with the
 * service and its `TMSDeploy` destination, and the target. The transport service's key flows into
 * the source's destination inside one Terraform state, so no secret crosses a stack boundary.
 * Transport nodes and the route have no Terraform resource and no public API for creating them:
 * {@link ContentTransportLandscape.manualSteps} says what to enter.
 */
export class ContentTransportLandscape extends Construct {
  /** The content type of the destination node, as the TMS app lists it. */
  public static readonly TARGET_CONTENT_TYPE = "Multi-Target Application";

  /**
   * Every problem of the props as configuration gives them (all but the deploy password, a Terraform
   * reference), the roles' included, each naming the field and its value: for a loader to report
   * them all before anything is built.
   */
  public static validateProps(props: Omit<ContentTransportLandscapeProps, "deployPassword">): string[] {
    const own = ContentTransportLandscape.ownProblems(props);
    if (props === null || typeof props !== "object") return own;
    const within = (role: string, problems: readonly string[]) => problems.map((p) => `${role}.${p}`);
    const { source, transport, target } = props;
    return [
      ...own,
      ...within("target", ContentTransportTarget.validateProps(target)),
      ...within(
        "transport",
        CloudTransportManagement.validateProps({
          ...transport,
          deployTarget: { url: ContentTransportTarget.deployServiceUrlOf(target), user: props.deployUser },
        }),
      ),
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

  /** The landscape's own props: their types, the node and route names. */
  private static ownProblems(props: Omit<ContentTransportLandscapeProps, "deployPassword">): string[] {
    const shape = validatePropShape("", props, {
      source: "object",
      transport: "object",
      target: "object",
      deployUser: "string",
      deployPassword: "string",
      sourceNodeName: "string",
      targetNodeName: "string",
      routeName: "string",
    });
    if (props === null || typeof props !== "object") return shape;
    // TMS names nodes and routes like destinations: letters, digits, "-" and "_".
    return [
      ...shape,
      ...validateDestinationName("sourceNodeName", props.sourceNodeName),
      ...validateDestinationName("targetNodeName", props.targetNodeName),
      ...validateDestinationName("routeName", ContentTransportLandscape.routeNameOf(props)),
    ];
  }

  private static routeNameOf(props: Omit<ContentTransportLandscapeProps, "deployPassword">): string {
    return props.routeName ?? `${props.sourceNodeName}_to_${props.targetNodeName}`;
  }

  /** The source subaccount's setup. */
  public readonly source: ContentTransportSource;

  /** The transport subaccount's setup. */
  public readonly transport: CloudTransportManagement;

  /** The target subaccount's facts. */
  public readonly target: ContentTransportTarget;

  /** The transport route's name. */
  public readonly routeName: string;

  /**
   * What must hold before a deploy and is not declared here, each with the values it concerns: the
   * API portal subscriptions, the spaces and the deploy user, and the roles of whoever transports.
   */
  public readonly prerequisites: readonly string[];

  /**
   * What is left to do by hand after a deploy, in order, each step with the exact values to enter:
   * the nodes and the route in the Cloud Transport Management app.
   */
  public readonly manualSteps: readonly string[];

  public constructor(scope: Construct, id: string, props: ContentTransportLandscapeProps) {
    super(scope, id);
    // Each role checks its own props when it is built below, the password among the transport's.
    throwIfInvalid(this, ContentTransportLandscape.ownProblems(props));
    this.routeName = ContentTransportLandscape.routeNameOf(props);

    this.target = new ContentTransportTarget(this, "target", props.target);
    this.transport = new CloudTransportManagement(this, "transport", {
      ...props.transport,
      deployTarget: {
        url: this.target.deployServiceUrl,
        user: props.deployUser,
        password: props.deployPassword,
      },
    });
    this.source = new ContentTransportSource(this, "source", {
      ...props.source,
      transportServiceKey: this.transport.serviceKey,
      sourceNodeName: props.sourceNodeName,
    });

    const { source, transport, target } = props;
    this.prerequisites = [
      `The source subaccount ${source.subaccountId} and the target subaccount ${target.subaccountId} are subscribed to API portal (SAP's prerequisite; a subscription of SAP Integration Suite, not declared here).`,
      `The Cloud Foundry spaces exist: ${source.contentAgentSpaceId} (source), ${transport.spaceId} (transport), ${target.spaceId} (target); "${props.deployUser}" is a Space Developer in the target space.`,
      `Whoever transports has the role APIPortal.Administrator or APIPortal.Configurator in the source subaccount, and a Cloud Transport Management role in the transport subaccount.`,
    ];
    const app = "In the Cloud Transport Management app of the transport subaccount";
    this.manualSteps = [
      `${app} (subaccount ${props.transport.subaccountId}), create the source node: Name "${props.sourceNodeName}", Allow Upload to Node on.`,
      `${app}, create the destination node: Name "${props.targetNodeName}", Allow Upload to Node on, Content Type "${ContentTransportLandscape.TARGET_CONTENT_TYPE}", Destination "${this.transport.deployDestinationName}".`,
      `${app}, create the transport route: Name "${this.routeName}", Source Node "${props.sourceNodeName}", Target Node "${props.targetNodeName}".`,
    ];
  }
}
