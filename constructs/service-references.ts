import { IConstruct } from "constructs";

/**
 * What a service key needs of its service instance, whichever environment holds it and whether the
 * stack manages it: an instance construct, or one made elsewhere (`ApiPortalServiceInstance.fromInstanceId`).
 */
export interface IServiceInstance extends IConstruct {
  /** The instance's ID (GUID), as a value or a Terraform reference. */
  readonly instanceId: string;
}

/**
 * What a destination or a check derived from a service key needs of the key, whatever the service
 * and wherever the key lives: a key construct, or one made elsewhere (`ApiPortalServiceKey.fromKeyName`,
 * `ApiPortalServiceKey.fromCredentials`).
 */
export interface IServiceKey extends IConstruct {
  /** The key's credentials JSON, as a sensitive Terraform reference. */
  readonly credentials: string;

  /** The key's name, as the cockpit shows it. */
  readonly keyName: string;
}
