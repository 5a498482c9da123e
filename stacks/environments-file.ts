/**
 * The format of environments.json, a contract of its own: environments.schema.json is generated
 * from these types (`npm run schema`), and `toEnvironmentConfig` maps an entry to the stack's
 * config field by field, so renaming a construct prop never changes the file format unnoticed.
 * Backend options that hold secrets are left out of the types: the schema refuses them, and the
 * loader names the environment variable that carries each instead (see BACKEND_SECRETS).
 */
import type {
  AzurermBackendConfig,
  GcsBackendConfig,
  S3BackendAssumeRoleConfig,
  S3BackendAssumeRoleWithWebIdentityConfig,
  S3BackendConfig,
} from "cdktf";

/** An environments file: one stack per environment, each deploying to one source subaccount. */
export interface EnvironmentsFile {
  /** The JSON Schema of this file (environments.schema.json), for editors. */
  $schema?: string;

  /**
   * The environments by name (a letter, then letters, digits, "-" or "_"; at most 63 characters):
   * `cdktf deploy <name>` deploys one. A file without them holds landscapes only.
   */
  environments?: Record<string, EnvironmentEntry>;

  /**
   * Content-transport landscapes by name (the same rule as environment names, and no name of both):
   * source, Cloud Transport Management and target subaccounts in one stack, `cdktf deploy <name>`.
   */
  landscapes?: Record<string, LandscapeEntry>;
}

/** A landscape of SAP's content transport with Cloud Transport Management: three subaccounts, one deploy. */
export interface LandscapeEntry {
  /** Subdomain of the BTP global account that holds the three subaccounts. */
  globalAccount: string;

  /** The btp CLI server URL (https), for landscapes other than the default. */
  cliServerUrl?: string;

  /** The Cloud Foundry API endpoint (https) of the source's and the transport subaccount's spaces. */
  cloudFoundryApiUrl: string;

  /** Where the landscape keeps its Terraform state; credentials come from the backend's environment variables. */
  backend?: BackendEntry;

  /** The source subaccount: API portal content, Content Agent and the three destinations. */
  source: LandscapeSourceEntry;

  /** The subaccount that runs Cloud Transport Management. */
  transport: LandscapeTransportEntry;

  /**
   * The target subaccount that receives the content, the one stage of a landscape that has one; with
   * it, `transport.deployUser` deploys there. A landscape has `target` or `stages`.
   */
  target?: LandscapeTargetEntry;

  /** Name of the transport route from the source node to the destination node; `<source node>_to_<target node>` otherwise. With `target` only. */
  routeName?: string;

  /**
   * The target stages in transport order, e.g. test, then production: the routes lead from the
   * source node through each in turn. A landscape has `target` or `stages`.
   */
  stages?: LandscapeStageEntry[];
}

/** One target stage of a landscape: a subaccount that receives the content, its node, its deploy user and its route. */
export interface LandscapeStageEntry {
  /** ID (GUID) of the stage's target subaccount. */
  subaccountId: string;

  /** ID (GUID) of its Cloud Foundry space that the content is deployed to. */
  spaceId: string;

  /** The Cloud Foundry API endpoint (https) of that space, when it differs from the landscape's. */
  cloudFoundryApiUrl?: string;

  /** Name of the stage's destination node in Cloud Transport Management (case-sensitive). */
  nodeName: string;

  /**
   * The platform user that deploys into the stage's space (Space Developer there); its password
   * comes from the variable `tms_deploy_password` for the first stage and
   * `tms_deploy_password_<nodeName>` for each later one, never from this file.
   */
  deployUser: string;

  /** Name of the stage's deploy destination in the transport subaccount; `TMSDeploy` for the first stage, `TMSDeploy_<nodeName>` otherwise. */
  deployDestinationName?: string;

  /**
   * How the deploy destination signs `deployUser` in: BasicAuthentication (SAP ID service users
   * only) or OAuth2Password (a custom identity provider's users too); BasicAuthentication otherwise.
   */
  deployAuthentication?: "BasicAuthentication" | "OAuth2Password";

  /** The origin (identity provider key) of a deploy user from a custom identity provider; with OAuth2Password only. */
  deployUserOrigin?: string;

  /**
   * Whether the deploy user's Space Developer role in the target space is declared here (the
   * cloudfoundry provider's user must be Space Manager or Org Manager there); not declared
   * otherwise, as before stages.
   */
  spaceDeveloperRole?: boolean;

  /** Name of the route into this stage's node from the node before it; `<node before>_to_<nodeName>` otherwise. */
  routeName?: string;
}

/** The source subaccount of a landscape. */
export interface LandscapeSourceEntry {
  /** ID (GUID) of the source subaccount. */
  subaccountId: string;

  /** ID (GUID) of its Cloud Foundry space that holds the API portal and Content Agent instances. */
  spaceId: string;

  /** Name of the source node in Cloud Transport Management (case-sensitive). */
  nodeName: string;

  /** Whether Terraform checks each OAuth destination's token service after each plan and apply (a failure is a warning). */
  connectionCheck?: boolean;

  /** Users or groups who get the role collection APIPortal.Administrator in the source subaccount, to transport content. */
  apiPortalAdministrators?: RoleMemberEntry[];

  /** Users or groups who get the role collection APIPortal.Configurator in the source subaccount, the other role that may transport. */
  apiPortalConfigurators?: RoleMemberEntry[];
}

/**
 * A user's e-mail (default identity provider), {"user", "origin"} for a user of another identity
 * provider, or {"group", "origin"} for a group of a custom one.
 */
export type RoleMemberEntry = string | RoleUserEntry | RoleGroupEntry;

/** A user of an identity provider. */
export interface RoleUserEntry {
  /** The user's e-mail (user name) at the identity provider. */
  user: string;

  /** The identity provider's origin key; the default identity provider otherwise. */
  origin?: string;
}

/** A group of a custom identity provider. */
export interface RoleGroupEntry {
  /** The group's name at the identity provider. */
  group: string;

  /** The identity provider's origin key. */
  origin: string;
}

/** The Cloud Transport Management subaccount of a landscape. */
export interface LandscapeTransportEntry {
  /** ID (GUID) of the subaccount. */
  subaccountId: string;

  /** ID (GUID) of its Cloud Foundry space that holds the transport service instance. */
  spaceId: string;

  /** The Cloud Foundry API endpoint (https) of that space, when it differs from the landscape's. */
  cloudFoundryApiUrl?: string;

  /**
   * The platform user that deploys into the target space (Space Developer there), with `target`; its
   * password comes from the variable `tms_deploy_password` (`TF_VAR_tms_deploy_password`), never from
   * this file. With `stages`, each stage names its own.
   */
  deployUser?: string;

  /**
   * How the deploy destination signs `deployUser` in: BasicAuthentication (SAP ID service users
   * only) or OAuth2Password (a custom identity provider's users too); BasicAuthentication otherwise.
   */
  deployAuthentication?: "BasicAuthentication" | "OAuth2Password";

  /** The origin (identity provider key) of a deploy user from a custom identity provider; with OAuth2Password only. */
  deployUserOrigin?: string;

  /**
   * Whether the deploy user's Space Developer role in the target space is declared here (the
   * cloudfoundry provider's user must be Space Manager or Org Manager there); declared otherwise.
   */
  spaceDeveloperRole?: boolean;

  /** Users or groups who get the role collection TMS_LandscapeOperator_RC, to create the nodes and the routes. */
  landscapeOperators?: RoleMemberEntry[];

  /** Users or groups who get the role collection TMS_Viewer_RC, to see the landscape and its transports. */
  viewers?: RoleMemberEntry[];

  /** Whether the entitlements to alm-ts and transport (plan standard) are declared here. */
  createEntitlements?: boolean;

  /** Whether the subscription to alm-ts (plan standard) is declared here. */
  createSubscription?: boolean;
}

/** The target subaccount of a landscape. */
export interface LandscapeTargetEntry {
  /** ID (GUID) of the target subaccount. */
  subaccountId: string;

  /** ID (GUID) of its Cloud Foundry space that the content is deployed to. */
  spaceId: string;

  /** The Cloud Foundry API endpoint (https) of the target space, when it differs from the landscape's. */
  cloudFoundryApiUrl?: string;

  /** Name of the destination node in Cloud Transport Management. */
  nodeName: string;
}

/** The Cloud Foundry space of an environment; the credentials come from the provider's environment variables. */
export interface CloudFoundryEntry {
  /** ID (GUID) of the space, in the source subaccount's Cloud Foundry org. */
  spaceId: string;

  /** The Cloud Foundry API endpoint (https), e.g. https://api.cf.eu10.hana.ondemand.com. */
  apiUrl: string;
}

/** One environment: where its source subaccount is, and how the setup in it is named and run. */
export interface EnvironmentEntry {
  /** Subdomain of the BTP global account, as the btp provider's `globalaccount` takes it. */
  globalAccount: string;

  /** ID (GUID) of the source subaccount, the one that holds the API portal content. */
  subaccountId: string;

  /** The btp CLI server URL (https), for landscapes other than the default. */
  cliServerUrl?: string;

  /**
   * Create the API portal instance and key in this Cloud Foundry space, as SAP's procedure does;
   * without it they are created in the subaccount's "Other" environment.
   */
  cloudFoundry?: CloudFoundryEntry;

  /** Where the environment keeps its Terraform state; credentials come from the backend's environment variables. */
  backend?: BackendEntry;

  /** Name of the destination; the content transport looks for exactly `APIManagement`. */
  destinationName?: string;

  /** Description of the destination shown in the cockpit. */
  destinationDescription?: string;

  /** Name of the API portal service instance. */
  serviceInstanceName?: string;

  /** Name of the service key; renaming it replaces the key. */
  serviceKeyName?: string;

  /** Whether to entitle the subaccount to the plan; false where the entitlement is managed elsewhere. */
  createEntitlement?: boolean;

  /** Objects made by hand to import instead of creating them. */
  adopt?: AdoptionEntry;

  /**
   * Replace the service key every this many days; the destination moves to the new key first.
   *
   * @asType integer
   */
  keyRotationDays?: number;

  /** Whether Terraform checks the key's token service and the destination URL after each plan and apply (a failure is a warning). */
  connectionCheck?: boolean;

  /**
   * Set on every environment that shares this subaccount, to say it is meant: two environments of
   * one subaccount otherwise mean a copy-paste slip. Their destination and instance names must differ.
   */
  sharedSubaccount?: boolean;
}

/** Existing objects to import. */
export interface AdoptionEntry {
  /** Import the subaccount's existing entitlement to the plan. */
  entitlement?: boolean;

  /** ID (GUID) of the existing API portal service instance. */
  serviceInstanceId?: string;

  /** ID (GUID) of the existing service key (service binding). */
  serviceKeyId?: string;

  /** Import the existing destination of the same name. */
  destination?: boolean;
}

/** A backend: `type` picks it, the other fields are its cdktf options (camelCase). */
export type BackendEntry =
  | LocalBackendEntry
  | S3BackendEntry
  | AzurermBackendEntry
  | GcsBackendEntry
  | RemoteBackendEntry;

/** State in a local file. */
export interface LocalBackendEntry {
  type: "local";
  /** Path of the state file, relative to cdktf.out/stacks/<environment> and outside cdktf.out (e.g. ../../../state/dev.tfstate); default: terraform.<environment>.tfstate in the project. */
  path?: string;
}

/** State in an S3 bucket; credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN or AWS_PROFILE. */
export type S3BackendEntry = { type: "s3" } & Omit<
  S3BackendConfig,
  | "accessKey"
  | "secretKey"
  | "token"
  | "sseCustomerKey"
  | "externalId"
  | "assumeRole"
  | "assumeRoleWithWebIdentity"
> & {
    /** The role to assume; its external ID belongs in an AWS profile, not here. */
    assumeRole?: Omit<S3BackendAssumeRoleConfig, "externalId">;
    /** Web identity federation; the token comes from webIdentityTokenFile or AWS_WEB_IDENTITY_TOKEN_FILE. */
    assumeRoleWithWebIdentity?: Omit<S3BackendAssumeRoleWithWebIdentityConfig, "webIdentityToken">;
  };

/** State in an Azure storage container; credentials from the ARM_* environment variables or the Azure CLI. */
export type AzurermBackendEntry = { type: "azurerm" } & Omit<
  AzurermBackendConfig,
  "accessKey" | "sasToken" | "clientSecret" | "clientCertificatePassword" | "oidcToken" | "oidcRequestToken"
>;

/** State in a Google Cloud Storage bucket; credentials from GOOGLE_BACKEND_CREDENTIALS or application default credentials. */
export type GcsBackendEntry = { type: "gcs" } & Omit<
  GcsBackendConfig,
  "credentials" | "accessToken" | "encryptionKey"
>;

/** State in HCP Terraform or Terraform Enterprise; the token from TF_TOKEN_<hostname> or the CLI configuration. */
export interface RemoteBackendEntry {
  type: "remote";
  /** The organization. */
  organization: string;
  /** The workspace's name. */
  workspace: string;
  /** The host; default app.terraform.io. */
  hostname?: string;
}
