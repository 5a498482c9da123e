import {
  ApiManagementSource,
  ApiManagementSourceCloudFoundry,
  ApiManagementSourceProps,
} from "btp-apim-transport-destination";
import { carriesCredentials, validateBackend } from "./backend";
import { globalAccountProblems } from "./providers";
import { environmentConflicts } from "./environment-conflicts";
import { BackendEntry, EnvironmentEntry } from "./environments-file";
import { isObject } from "./json-document";
import { EMPTY, SectionProblems } from "./environments-schema-check";

/** One environment, ready for its stack: the entry of the environments file mapped to construct props. */
export interface EnvironmentConfig extends ApiManagementSourceProps {
  /** Environment name; also the stack name (`cdktf deploy <name>`). */
  readonly name: string;

  /** Subdomain of the BTP global account that holds the subaccount (the provider's `globalaccount`). */
  readonly globalAccount: string;

  /** URL of the BTP CLI server, for global accounts outside the default landscape; the provider's default otherwise. */
  readonly cliServerUrl?: string;

  /** Where Terraform keeps the state of this environment; a local file next to the project otherwise. */
  readonly backend?: BackendEntry;

  /** Whether the environment shares its subaccount with another one on purpose. */
  readonly sharedSubaccount?: boolean;

  /** The Cloud Foundry space of the instance and key, and the API endpoint the stack's provider calls. */
  readonly cloudFoundry?: ApiManagementSourceCloudFoundry & { readonly apiUrl: string };
}

/** Environment names become stack names and folder names under cdktf.out/stacks. */
export const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/**
 * The environments of a parsed document, each entry mapped to an EnvironmentConfig, and every
 * problem of the section: the schema's (`schema`, its one pass over the document), each entry's
 * fields and the conflicts between entries.
 */
export function environmentsOf(
  document: unknown,
  schema: SectionProblems,
): { readonly environments: EnvironmentConfig[]; readonly problems: string[] } {
  const problems = [...schema.problems];
  const entries = isObject(document) && isObject(document.environments) ? document.environments : undefined;
  if (!entries || Object.keys(entries).length === 0) {
    // A file of landscapes alone needs no environment; the schema has said what else is missing.
    const landscapes = isObject(document) && isObject(document.landscapes) ? document.landscapes : {};
    const landscapesOnly =
      isObject(document) && document.environments === undefined && Object.keys(landscapes).length > 0;
    return { environments: [], problems: problems.length || landscapesOnly ? problems : [EMPTY] };
  }
  const environments: EnvironmentConfig[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (schema.broken.has(name)) continue;
    const config = toEnvironmentConfig(name, entry as EnvironmentEntry);
    problems.push(
      ...[
        ...globalAccountProblems("globalAccount", config.globalAccount),
        ...ApiManagementSource.validateProps(sourceProps(config)),
        ...(config.cliServerUrl === undefined ? [] : validateHttpsUrl("cliServerUrl", config.cliServerUrl)),
        ...(config.cloudFoundry === undefined
          ? []
          : validateHttpsUrl("cloudFoundry.apiUrl", config.cloudFoundry.apiUrl)),
        ...(config.backend === undefined ? [] : validateBackend("backend", config.backend, name)),
      ].map((p) => `environment ${JSON.stringify(name)}: ${p}`),
    );
    environments.push(config);
  }
  problems.push(...environmentConflicts(environments));
  return { environments, problems };
}

/** The construct's props of an environment: its config less what the stack itself uses. */
export function sourceProps(config: EnvironmentConfig): ApiManagementSourceProps {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { name, globalAccount, cliServerUrl, backend, sharedSubaccount, cloudFoundry, ...props } = config;
  // The API endpoint is the stack's, for its provider; the construct needs only the space.
  return cloudFoundry === undefined ? props : { ...props, cloudFoundry: { spaceId: cloudFoundry.spaceId } };
}

/** The file's entry as the stack's config: each field named here, so a renamed prop cannot slip through. */
function toEnvironmentConfig(name: string, entry: EnvironmentEntry): EnvironmentConfig {
  return {
    name,
    globalAccount: entry.globalAccount,
    cliServerUrl: entry.cliServerUrl,
    backend: entry.backend,
    sharedSubaccount: entry.sharedSubaccount,
    subaccountId: entry.subaccountId,
    destinationName: entry.destinationName,
    destinationDescription: entry.destinationDescription,
    serviceInstanceName: entry.serviceInstanceName,
    serviceKeyName: entry.serviceKeyName,
    createEntitlement: entry.createEntitlement,
    adopt: entry.adopt,
    keyRotationDays: entry.keyRotationDays,
    connectionCheck: entry.connectionCheck,
    cloudFoundry: entry.cloudFoundry,
  };
}

/** The problem of a URL that is not https:// or carries credentials; empty when it is fine. */
export function validateHttpsUrl(field: string, value: string): string[] {
  // The value is not quoted where it carries credentials: it holds the secret.
  if (carriesCredentials(value)) {
    return [
      `${field} holds a URL with credentials (user, password or query): give the URL alone; credentials belong in the provider's environment variables (BTP_USERNAME and BTP_PASSWORD, CF_USER and CF_PASSWORD)`,
    ];
  }
  try {
    if (new URL(value).protocol === "https:") return [];
  } catch {
    // reported below
  }
  return [`${field} ${JSON.stringify(value)} is not an https:// URL`];
}
