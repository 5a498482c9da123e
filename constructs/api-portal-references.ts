import { IConstruct } from "constructs";
import { IServiceKey } from "./service-key-reference";

/**
 * What the destination and the connection check need of an API portal service key, whichever
 * environment holds it and whether the stack manages it: `ApiPortalServiceKey`,
 * `ApiPortalCloudFoundryKey`, or a key made elsewhere (`ApiPortalServiceKey.fromKeyName`).
 */
export interface IApiPortalServiceKey extends IServiceKey {
  /** The key's credentials JSON (`url`, `tokenUrl`, `clientId`, `clientSecret`), as a sensitive Terraform reference. */
  readonly credentials: string;
}

/**
 * What a service key needs of an API portal service instance: `ApiPortalServiceInstance`,
 * `ApiPortalCloudFoundryInstance`, or an instance made elsewhere (`ApiPortalServiceInstance.fromInstanceId`).
 */
export interface IApiPortalServiceInstance extends IConstruct {
  /** The instance's ID (GUID), as a value or a Terraform reference. */
  readonly instanceId: string;
}
