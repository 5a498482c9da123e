import { IConstruct } from "constructs";

/**
 * What a destination derived from a service key needs of the key, whatever the service and wherever
 * the key lives: its credentials JSON as a sensitive Terraform reference, and its name.
 */
export interface IServiceKey extends IConstruct {
  /** The key's credentials JSON, as a sensitive Terraform reference. */
  readonly credentials: string;

  /** The key's name, as the cockpit shows it. */
  readonly keyName: string;
}
