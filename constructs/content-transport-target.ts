import { Construct } from "constructs";
import { throwIfInvalid, validateGuid, validatePropShape } from "./private/validation";

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
}

/** `https://api.<domain>` with nothing after the host but an optional `/`. */
const CF_API_URL = /^https:\/\/api\.([a-z0-9-]+(\.[a-z0-9-]+)+)\/?$/i;

/**
 * The target subaccount of the content transport: its API portal receives the content through the
 * deploy service of one of its Cloud Foundry spaces, which the transport subaccount's `TMSDeploy`
 * destination calls. It creates nothing; it holds the facts the other roles need of it.
 */
export class ContentTransportTarget extends Construct {
  /** The target subaccount's ID. */
  public readonly subaccountId: string;

  /** The target space's ID. */
  public readonly spaceId: string;

  /**
   * The deploy service's URL for the target space, in the space-GUID form of SAP's page 6b7c9d8:
   * `https://deploy-service.<domain>/slprot/<space-guid>/slp`, the domain that of the API endpoint.
   */
  public readonly deployServiceUrl: string;

  public constructor(scope: Construct, id: string, props: ContentTransportTargetProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        subaccountId: "string",
        cloudFoundryApiUrl: "string",
        spaceId: "string",
      }),
    );
    const domain = CF_API_URL.exec(String(props.cloudFoundryApiUrl))?.[1];
    throwIfInvalid(this, [
      ...validateGuid("subaccountId", props.subaccountId),
      ...validateGuid("spaceId", props.spaceId),
      ...(domain === undefined
        ? [
            `cloudFoundryApiUrl ${JSON.stringify(props.cloudFoundryApiUrl)} must be a Cloud Foundry API endpoint such as "https://api.cf.eu10.hana.ondemand.com"`,
          ]
        : []),
    ]);
    this.subaccountId = props.subaccountId;
    this.spaceId = props.spaceId;
    this.deployServiceUrl = `https://deploy-service.${domain}/slprot/${props.spaceId}/slp`;
  }
}
