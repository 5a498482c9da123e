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
import { isAbsolute, relative, resolve } from "node:path";
import { NameRules, TerraformLiteral } from "btp-apim-transport-destination";
import { BackendEntry } from "./environments-file";
import { outputFolder } from "./output-folder";

const AWS_PROFILE = "an AWS profile (external_id in ~/.aws/config) named by AWS_PROFILE";

/**
 * The options that hold secrets, by backend type and option path, with where the secret belongs
 * instead: a committed environments file and the synthesized cdk.tf.json are no place for them.
 */
export const BACKEND_SECRETS: Readonly<Record<BackendEntry["type"], Readonly<Record<string, string>>>> = {
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
  const secrets: Readonly<Record<string, string>> = BACKEND_SECRETS[type as BackendEntry["type"]] ?? {};
  const wanted = path.split(".");
  const match = Object.keys(secrets).find((known) => {
    const parts = known.split(".");
    return (
      parts.length === wanted.length && parts.every((part, i) => NameRules.sameSpelling(part, wanted[i]))
    );
  });
  return match === undefined ? undefined : secrets[match];
}

/** The options a backend of each type must have, as non-blank strings. */
const REQUIRED_BACKEND_OPTIONS: Readonly<Record<BackendEntry["type"], readonly string[]>> = {
  local: [],
  s3: ["bucket", "key"],
  azurerm: ["storageAccountName", "containerName", "key"],
  gcs: ["bucket"],
  remote: ["organization", "workspace"],
};

/**
 * Returns the problems of an environment's backend, each naming field and value: blank required
 * options, a local state file that synth could delete, and URL options that carry credentials.
 */
export function validateBackend(field: string, backend: BackendEntry, environment: string): string[] {
  const entry = backend as unknown as Record<string, unknown>;
  const problems = REQUIRED_BACKEND_OPTIONS[backend.type]
    .filter((option) => typeof entry[option] === "string" && (entry[option] as string).trim() === "")
    .map((option) => `${field}.${option} ${JSON.stringify(entry[option])} must not be blank`);
  if (backend.type === "local" && backend.path !== undefined) {
    problems.push(...validateLocalPath(`${field}.path`, backend.path, environment));
  }
  problems.push(...urlsWithCredentials(field, entry));
  return problems;
}

/**
 * A local state path must name a file outside the synth output folder: that folder is git-ignored
 * and rewritten by every synth, so a state file in it is lost sooner or later.
 */
function validateLocalPath(field: string, path: string, environment: string): string[] {
  if (path.trim() === "") {
    return [
      `${field} ${JSON.stringify(path)} is empty: leave it out for terraform.${environment}.tfstate in the project`,
    ];
  }
  const output = resolve(outputFolder());
  const file = localStatePath(environment, path);
  const rel = relative(output, file);
  if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) {
    return [
      `${field} ${JSON.stringify(path)} puts the state at ${file}, inside ${output}, which synth rewrites and git ignores: ` +
        `the state would be lost. The path is relative to ${outputFolder()}/stacks/${environment}; ` +
        `use e.g. "../../../state/${environment}.tfstate" (the project's state/ folder) or an absolute path`,
    ];
  }
  return [];
}

/** Where a local state file lands: `path` is relative to the stack's folder, cdktf.out/stacks/<environment>. */
function localStatePath(environment: string, path: string): string {
  return resolve(outputFolder(), "stacks", environment, path);
}

/** URL options with a user, a password or a query: credentials belong in the backend's environment variables. */
function urlsWithCredentials(field: string, options: Record<string, unknown>): string[] {
  return Object.entries(options).flatMap(([name, value]): string[] => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return urlsWithCredentials(`${field}.${name}`, value as Record<string, unknown>);
    }
    return typeof value === "string" && carriesCredentials(value)
      ? [
          `${field}.${name} holds a URL with credentials (user, password or query): give the URL without them and the credentials in the backend's environment variables`,
        ]
      : [];
  });
}

/**
 * Whether `value` is a URL that carries a user, a password or a query string. The value itself is
 * never quoted in a message: it holds the secret.
 */
export function carriesCredentials(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return url.username !== "" || url.password !== "" || url.search !== "";
  } catch {
    return /@/.test(value);
  }
}

/** Default state file of an environment: next to the project, relative to cdktf.out/stacks/<environment>. */
function defaultLocalPath(environment: string): string {
  return `../../../terraform.${environment}.tfstate`;
}

/**
 * Where an environment's state lives, as one string per place: two environments with the same
 * location would overwrite each other's state.
 */
export function stateLocation(environment: string, backend: BackendEntry = { type: "local" }): string {
  switch (backend.type) {
    case "local":
      return `file://${localStatePath(environment, backend.path ?? defaultLocalPath(environment))}`;
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
 * Why the state of `name` keeps its secrets (the service keys' client secrets, a landscape's deploy
 * passwords: SAP/btp 1.25.0 has no write-only attributes) readable to whoever reads the state, or
 * undefined where the backend encrypts it at rest: a local file never does; S3 only with `encrypt`
 * or `kmsKeyId` set (its default encryption is the bucket's, which this stack cannot see); Azure
 * Storage, Google Cloud Storage and HCP Terraform always do.
 */
export function unprotectedState(
  name: string,
  backend: BackendEntry = { type: "local" },
): string | undefined {
  switch (backend.type) {
    case "local":
      return `its state is a local file (${localStatePath(name, backend.path ?? defaultLocalPath(name))}), unencrypted`;
    case "s3":
      return backend.encrypt === true || backend.kmsKeyId !== undefined
        ? undefined
        : `its state is in S3 bucket ${JSON.stringify(backend.bucket)} without "encrypt" or "kmsKeyId"`;
    default:
      return undefined;
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
  backend?: BackendEntry,
): TerraformBackend {
  const { type, ...given } = backend ?? { type: "local" };
  // Backend options are read as templates too: what the user wrote must reach Terraform as written.
  const options = TerraformLiteral.deep(given);
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
    // HCP Terraform and Terraform Enterprise through the `remote` backend, not CloudBackend, whose
    // synth-time check needs a Terraform binary (docs/development.md, "cdktf features left out").
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
