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

/**
 * Where an environment keeps its Terraform state. `type` picks the backend; the other fields are
 * that backend's cdktf options (camelCase), e.g. `{"type": "s3", "bucket": "...", "key": "...", "region": "..."}`.
 * Credentials never go here: each backend reads them from its usual environment variables.
 */
export type BackendConfig =
  | { readonly type: "local"; readonly path?: string }
  | ({ readonly type: "s3" } & S3BackendConfig)
  | ({ readonly type: "azurerm" } & AzurermBackendConfig)
  | ({ readonly type: "gcs" } & GcsBackendConfig)
  | {
      readonly type: "remote";
      readonly organization: string;
      readonly workspace: string;
      readonly hostname?: string;
    };

const REQUIRED: Readonly<Record<BackendConfig["type"], readonly string[]>> = {
  local: [],
  s3: ["bucket", "key"],
  azurerm: ["storageAccountName", "containerName", "key"],
  gcs: ["bucket"],
  remote: ["organization", "workspace"],
};

/** Options that hold secrets: they belong in the backend's environment variables, not in a committed file. */
const SECRET_OPTIONS = [
  "accessKey",
  "secretKey",
  "token",
  "sasToken",
  "clientSecret",
  "clientCertificatePassword",
  "credentials",
  "accessToken",
  "encryptionKey",
  "kmsEncryptionKey",
  "password",
];

/** Returns the problems of a backend entry, each naming the field and value. */
export function validateBackend(field: string, backend: unknown): string[] {
  const entry = backend as Record<string, unknown>;
  const type = entry.type;
  if (typeof type !== "string" || !(type in REQUIRED)) {
    return [
      `${field}.type ${JSON.stringify(type)} is not a supported backend (supported: ${Object.keys(REQUIRED).join(", ")})`,
    ];
  }
  const problems: string[] = [];
  for (const option of REQUIRED[type as BackendConfig["type"]]) {
    const value = entry[option];
    if (value === undefined) {
      problems.push(`${field}.${option} is required for a ${type} backend`);
    } else if (typeof value !== "string" || value.trim() === "") {
      problems.push(`${field}.${option} ${JSON.stringify(value)} must be a non-empty string`);
    }
  }
  for (const option of Object.keys(entry)) {
    if (SECRET_OPTIONS.includes(option)) {
      problems.push(
        `${field}.${option} must not be in the configuration: pass it through the ${type} backend's environment variables`,
      );
    }
  }
  return problems;
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
        path: (options as { path?: string }).path ?? `../../../terraform.${environment}.tfstate`,
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
