import { spaceRole } from "@cdktf/provider-cloudfoundry";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { templateLiteral } from "./private/terraform-strings";
import { quoted, throwIfInvalid, validateGuid, validateName, validatePropShape } from "./private/validation";

/** Properties of a {@link ContentTransportTarget}. */
export interface ContentTransportTargetProps {
  /**
   * ID (GUID) of the target subaccount, whose API portal receives the transported content.
   */
  readonly subaccountId: string;

  /**
   * API endpoint of the target subaccount's Cloud Foundry environment, e.g. `https://api.cf.eu10.hana.ondemand.com`.
   */
  readonly cloudFoundryApiUrl: string;

  /**
   * ID (GUID) of the Cloud Foundry space in the target subaccount that the content is deployed to.
   */
  readonly spaceId: string;

  /**
   * The platform user (e-mail) to make Space Developer in the target space, as the deploy service needs its deploy user (SAP's page 6b7c9d8).
   *
   * @default - none: the role is given outside this stack
   */
  readonly spaceDeveloper?: string;

  /**
   * The origin (identity provider key) of `spaceDeveloper`.
   *
   * @default "sap.ids" (SAP ID service, BTP's default identity provider for platform users)
   */
  readonly spaceDeveloperOrigin?: string;

  /**
   * The `cloudfoundry` provider configuration of the target's API endpoint, for the role.
   *
   * @default - the stack's default `cloudfoundry` provider
   */
  readonly cloudFoundryProvider?: TerraformProvider;
}

/** `https://api.<domain>` with nothing after the host but an optional `/`. */
const CF_API_URL = /^https:\/\/api\.([a-z0-9-]+(\.[a-z0-9-]+)+)\/?$/i;

/** The domain of a Cloud Foundry API endpoint (`cf.eu10.hana.ondemand.com`), or undefined for anything else. */
function domainOf(apiUrl: unknown): string | undefined {
  return CF_API_URL.exec(String(apiUrl))?.[1];
}

/**
 * The target subaccount of the content transport: its API portal receives the content through the
 * deploy service of one of its Cloud Foundry spaces, which the transport subaccount's `TMSDeploy`
 * destination calls. It holds the facts the other roles need of it, and declares the deploy user's
 * Space Developer role in the space where asked.
 */
export class ContentTransportTarget extends Construct {
  /** The problems of the props, each naming the field and its value; empty when they are valid. */
  public static validateProps(props: ContentTransportTargetProps): string[] {
    const shape = validatePropShape("", props, {
      subaccountId: "string",
      cloudFoundryApiUrl: "string",
      spaceId: "string",
      spaceDeveloper: "string",
      spaceDeveloperOrigin: "string",
      cloudFoundryProvider: "object",
    });
    if (props === null || typeof props !== "object") return shape;
    return [
      ...shape,
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("spaceId", props.spaceId),
      ...(props.spaceDeveloper === undefined ? [] : validateName("spaceDeveloper", props.spaceDeveloper)),
      ...(props.spaceDeveloperOrigin === undefined
        ? []
        : validateName("spaceDeveloperOrigin", props.spaceDeveloperOrigin)),
      ...(domainOf(props.cloudFoundryApiUrl) === undefined
        ? [
            `cloudFoundryApiUrl ${quoted(props.cloudFoundryApiUrl)} must be a Cloud Foundry API endpoint such as "https://api.cf.eu10.hana.ondemand.com"`,
          ]
        : []),
    ];
  }

  /** The origin of SAP ID service, BTP's default identity provider for platform users. */
  public static readonly DEFAULT_ORIGIN = "sap.ids";

  /** The target subaccount's ID. */
  public readonly subaccountId: string;

  /** The target space's ID. */
  public readonly spaceId: string;

  /**
   * The deploy service's URL for the target space, in the space-GUID form of SAP's page 6b7c9d8:
   * `https://deploy-service.<domain>/slprot/<space-guid>/slp`, the domain that of the API endpoint.
   */
  public readonly deployServiceUrl: string;

  /**
   * The Cloud Foundry login (UAA) of the target's API endpoint, `https://login.<domain>`: the token
   * service of a deploy destination with OAuth2Password (SAP's page a26a721).
   */
  public readonly loginUrl: string;

  /** The deploy user's Space Developer role in the target space, where `spaceDeveloper` is given. */
  public readonly spaceDeveloperRole?: spaceRole.SpaceRole;

  public constructor(scope: Construct, id: string, props: ContentTransportTargetProps) {
    super(scope, id);
    throwIfInvalid(this, ContentTransportTarget.validateProps(props));
    this.subaccountId = props.subaccountId;
    this.spaceId = props.spaceId;
    const domain = domainOf(props.cloudFoundryApiUrl);
    this.deployServiceUrl = `https://deploy-service.${domain}/slprot/${props.spaceId}/slp`;
    this.loginUrl = `https://login.${domain}`;
    if (props.spaceDeveloper !== undefined) {
      this.spaceDeveloperRole = new spaceRole.SpaceRole(this, "space-developer", {
        type: "space_developer",
        space: props.spaceId,
        username: templateLiteral(props.spaceDeveloper),
        origin: templateLiteral(props.spaceDeveloperOrigin ?? ContentTransportTarget.DEFAULT_ORIGIN),
        provider: props.cloudFoundryProvider,
      });
    }
  }
}
