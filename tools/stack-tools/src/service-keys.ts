/**
 * Where a stack keeps the API portal's service instance and key, and how the key's provider holds
 * the key's credentials: what every tool that reads or stands in for a key goes by.
 */

/** The service instance and key of one path: BTP's "Other" environment, or a Cloud Foundry space. */
export interface ServiceKeyPath {
  /** The service instance's resource type. */
  readonly instance: string;
  /** The service key's resource type. */
  readonly key: string;
  /** The key's attribute that names its instance. */
  readonly keyInstance: string;
  /** The key's computed attribute that holds the credentials. */
  readonly attribute: string;
  /** The value of `attribute` for a key whose credentials are the JSON text `credentials`, in the provider's shape. */
  readonly carrying: (credentials: string) => string;
}

export const SERVICE_KEY_PATHS: readonly ServiceKeyPath[] = [
  {
    // A BTP service binding holds the key's JSON as `credentials`.
    instance: "btp_subaccount_service_instance",
    key: "btp_subaccount_service_binding",
    keyInstance: "service_instance_id",
    attribute: "credentials",
    carrying: (credentials) => credentials,
  },
  {
    // Cloud Foundry's binding details, as the provider returns them: the key under `credentials`.
    instance: "cloudfoundry_service_instance",
    key: "cloudfoundry_service_credential_binding",
    keyInstance: "service_instance",
    attribute: "credential_binding",
    carrying: (credentials) => JSON.stringify({ credentials: JSON.parse(credentials) as unknown }),
  },
];
