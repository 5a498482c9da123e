import {
  AzurermBackend,
  AzurermBackendConfig,
  GcsBackend,
  GcsBackendConfig,
  LocalBackend,
  NamedRemoteWorkspace,
  RemoteBackend,
  S3Backend,
  S3BackendConfig,
  TerraformBackend,
  TerraformStack,
} from "cdktf";
import { resolve } from "node:path";
import { spelling } from "./did-you-mean";
import { BackendEntry } from "./environments-file";

/**
 * Where an environment keeps its Terraform state: the environments file's backend entry (see
 * environments-file.ts), which has no option that holds a secret.
 */
export type BackendConfig = BackendEntry;

const AWS_PROFILE = "an AWS profile (external_id in ~/.aws/config) named by AWS_PROFILE";

/**
 * The options that hold secrets, by backend type and option path, with where the secret belongs
 * instead: a committed environments file and the synthesized cdk.tf.json are no place for them.
 */
export const BACKEND_SECRETS: Readonly<Record<BackendConfig["type"], Readonly<Record<string, string>>>> = {
  local: {},
  s3: {
    accessKey: "AWS_ACCESS_KEY_ID",
    secretKey: "AWS_SECRET_ACCESS_KEY",
    token: "AWS_SESSION_TOKEN",
    sseCustomerKey: "AWS_SSE_CUSTOMER_KEY",
    externalId: AWS_PROFILE,
    "assumeRole.externalId": AWS_PROFILE,
    "assumeRoleWithWebIdentity.webIdentityToken": "AWS_WEB_IDENTITY_TOKEN_FILE (or webIdentityTokenFile)",
  },
  azurerm: {
    accessKey: "ARM_ACCESS_KEY",
    sasToken: "ARM_SAS_TOKEN",
    clientSecret: "ARM_CLIENT_SECRET",
    clientCertificatePassword: "ARM_CLIENT_CERTIFICATE_PASSWORD",
    oidcToken: "ARM_OIDC_TOKEN",
    oidcRequestToken: "ARM_OIDC_REQUEST_TOKEN",
  },
  gcs: {
    credentials: "GOOGLE_BACKEND_CREDENTIALS",
    accessToken: "GOOGLE_OAUTH_ACCESS_TOKEN",
    encryptionKey: "GOOGLE_ENCRYPTION_KEY",
  },
  remote: {
    token: "TF_TOKEN_<hostname, dots as underscores> or the Terraform CLI configuration's credentials",
  },
};

/**
 * Where the secret goes instead, when `path` (e.g. `secret_key` or `assumeRole.externalId`, in any
 * spelling) is a secret option of a `type` backend; undefined otherwise.
 */
export function secretOptionTarget(type: string, path: string): string | undefined {
  const secrets: Readonly<Record<string, string>> = BACKEND_SECRETS[type as BackendConfig["type"]] ?? {};
  const wanted = path.split(".").map(spelling).join(".");
  const match = Object.keys(secrets).find((known) => known.split(".").map(spelling).join(".") === wanted);
  return match === undefined ? undefined : secrets[match];
}

/** The options a backend of each type must have, as non-blank strings. */
const REQUIRED_BACKEND_OPTIONS: Readonly<Record<BackendConfig["type"], readonly string[]>> = {
  local: [],
  s3: ["bucket", "key"],
  azurerm: ["storageAccountName", "containerName", "key"],
  gcs: ["bucket"],
  remote: ["organization", "workspace"],
};

/** Returns the problems of a backend's required options (blank values), each naming field and value. */
export function validateBackend(field: string, backend: BackendConfig): string[] {
  const entry = backend as unknown as Record<string, unknown>;
  return REQUIRED_BACKEND_OPTIONS[backend.type]
    .filter((option) => typeof entry[option] === "string" && (entry[option] as string).trim() === "")
    .map((option) => `${field}.${option} ${JSON.stringify(entry[option])} must not be blank`);
}

/** Default state file of an environment: next to the project, relative to cdktf.out/stacks/<environment>. */
function defaultLocalPath(environment: string): string {
  return `../../../terraform.${environment}.tfstate`;
}

/**
 * Where an environment's state lives, as one string per place: two environments with the same
 * location would overwrite each other's state.
 */
export function stateLocation(environment: string, backend: BackendConfig = { type: "local" }): string {
  switch (backend.type) {
    case "local":
      return `file://${resolve("cdktf.out/stacks", environment, backend.path ?? defaultLocalPath(environment))}`;
    case "s3":
      return `s3://${backend.endpoint ?? ""}/${backend.bucket}/${backend.key}`;
    case "azurerm":
      return `azurerm://${backend.storageAccountName}/${backend.containerName}/${backend.key}`;
    case "gcs":
      return `gcs://${backend.bucket}/${backend.prefix ?? ""}`;
    case "remote":
      return `remote://${backend.hostname ?? "app.terraform.io"}/${backend.organization}/${backend.workspace}`;
  }
}

/**
 * Declares the environment's backend on its stack. Without one, cdktf would write an absolute
 * state path of the machine that synthesized, so the local default is spelled out relative to the
 * stack's working directory (cdktf.out/stacks/<env>): `terraform.<env>.tfstate` in the project root.
 */
export function addBackend(
  stack: TerraformStack,
  environment: string,
  backend?: BackendConfig,
): TerraformBackend {
  const { type, ...options } = backend ?? { type: "local" };
  switch (type) {
    case "local":
      return new LocalBackend(stack, {
        path: (options as { path?: string }).path ?? defaultLocalPath(environment),
      });
    case "s3":
      return new S3Backend(stack, options as S3BackendConfig);
    case "azurerm":
      return new AzurermBackend(stack, options as AzurermBackendConfig);
    case "gcs":
      return new GcsBackend(stack, options as GcsBackendConfig);
    // HCP Terraform and Terraform Enterprise through the `remote` backend: cdktf's CloudBackend
    // would run `terraform version` at synth, which fails where Terraform is not installed.
    case "remote": {
      const remote = options as { organization: string; workspace: string; hostname?: string };
      return new RemoteBackend(stack, {
        organization: remote.organization,
        hostname: remote.hostname,
        workspaces: new NamedRemoteWorkspace(remote.workspace),
      });
    }
  }
}
