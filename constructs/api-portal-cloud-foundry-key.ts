import { Construct } from "constructs";
import { IApiPortalServiceKey } from "./api-portal-references";
import { ApiPortalServiceKey } from "./api-portal-service-key";
import { CloudFoundryServiceKey } from "./cloud-foundry-service-key";

/** Properties of an {@link ApiPortalCloudFoundryKey}. */
export interface ApiPortalCloudFoundryKeyProps {
  /**
   * ID of the Cloud Foundry *API Management, API portal* service instance, usually a reference such as `instance.instanceId`.
   */
  readonly serviceInstanceId: string;

  /**
   * Name of the service key, as shown under the instance's *Service Keys*.
   *
   * @default "apim-content-transport-key"
   */
  readonly name?: string;

  /**
   * Replace the key every this many days (a whole number >= 1), the new key created before the old one is deleted.
   *
   * @default - the key is never rotated
   */
  readonly rotationDays?: number;
}

/**
 * A service key (a Cloud Foundry credential binding of type `key`) of the API portal instance. Its
 * `credentials` hold the key's `url`, `tokenUrl`, `clientId` and `clientSecret`: the same shape as
 * a BTP service binding's, so the destination takes either.
 */
export class ApiPortalCloudFoundryKey extends CloudFoundryServiceKey implements IApiPortalServiceKey {
  public constructor(scope: Construct, id: string, props: ApiPortalCloudFoundryKeyProps) {
    super(scope, id, { ...props, name: props?.name ?? ApiPortalServiceKey.DEFAULT_NAME });
  }
}
