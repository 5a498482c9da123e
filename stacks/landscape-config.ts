import {
  ApiManagementDestination,
  ApiManagementSource,
  ApiPortalServiceInstance,
  ContentTransportLandscape,
  ContentTransportLandscapeProps,
  NameRules,
} from "btp-apim-transport-destination";
import { validateBackend } from "./backend";
import { EnvironmentConfig, validateHttpsUrl } from "./environment-config";
import { occupantOf, stateClashes, stateOwnerOf } from "./environment-conflicts";
import { BackendEntry, LandscapeEntry } from "./environments-file";
import { SectionProblems } from "./environments-schema-check";
import { isObject } from "./json-document";

/** One landscape, ready for its stack: the file's entry mapped to the landscape construct's props. */
export interface LandscapeConfig {
  /** Landscape name; also the stack name (`cdktf deploy <name>`). */
  readonly name: string;

  /** Subdomain of the BTP global account that holds the three subaccounts. */
  readonly globalAccount: string;

  /** URL of the BTP CLI server, for global accounts outside the default landscape. */
  readonly cliServerUrl?: string;

  /** The Cloud Foundry API endpoint the stack's provider calls. */
  readonly cloudFoundryApiUrl: string;

  /** The transport space's API endpoint, where it is not `cloudFoundryApiUrl`: the stack adds a provider for it. */
  readonly transportCloudFoundryApiUrl?: string;

  /** Where Terraform keeps the landscape's state. */
  readonly backend?: BackendEntry;

  /** The construct's props, less the deploy password, which the stack takes from a sensitive variable. */
  readonly landscape: Omit<ContentTransportLandscapeProps, "deployPassword">;
}

/**
 * The landscapes of a parsed document, each mapped to a LandscapeConfig, and every problem of the
 * section: the schema's (`schema`, its one pass over the document), each entry's, and its clashes
 * with the other landscapes and with `environments` (as environmentsOf gave them).
 */
export function landscapesOf(
  document: unknown,
  schema: SectionProblems,
  environments: readonly EnvironmentConfig[],
): { readonly landscapes: LandscapeConfig[]; readonly problems: string[] } {
  const problems = [...schema.problems];
  const section = isObject(document) && isObject(document.landscapes) ? document.landscapes : {};
  const entries = section as Record<string, LandscapeEntry>;
  const landscapes: LandscapeConfig[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (schema.broken.has(name)) continue;
    const config = toLandscapeConfig(name, entry);
    problems.push(
      ...[
        ...(environments.some((e) => e.name === name)
          ? ["is also the name of an environment; each stack needs a name of its own"]
          : []),
        ...NameRules.problems("globalAccount", entry.globalAccount),
        ...validateHttpsUrl("cloudFoundryApiUrl", entry.cloudFoundryApiUrl),
        ...(entry.transport.cloudFoundryApiUrl === undefined
          ? []
          : validateHttpsUrl("transport.cloudFoundryApiUrl", entry.transport.cloudFoundryApiUrl)),
        ...(entry.cliServerUrl === undefined ? [] : validateHttpsUrl("cliServerUrl", entry.cliServerUrl)),
        ...(entry.backend === undefined ? [] : validateBackend("backend", entry.backend, name)),
        ...inFileTerms(ContentTransportLandscape.validateProps(config.landscape)),
      ].map((p) => `landscape ${JSON.stringify(name)}: ${p}`),
    );
    landscapes.push(config);
  }
  // A landscape's state is its own too, apart from every environment's and every other landscape's.
  problems.push(
    ...stateClashes([
      ...environments.map(stateOwnerOf),
      ...landscapes.map((l) => ({
        label: `landscape ${JSON.stringify(l.name)}`,
        name: l.name,
        backend: l.backend,
      })),
    ]),
  );
  // A landscape's source holds an API portal setup like an environment's: one subaccount, one of
  // each. The environments come checked, so every clash found here has a landscape in it.
  problems.push(
    ...ApiManagementSource.subaccountClashes([
      ...environments.map(occupantOf),
      ...landscapes.map((l) => ({
        label: `landscape ${JSON.stringify(l.name)}`,
        subaccountId: l.landscape.source.subaccountId,
        destinationName: ApiManagementDestination.DEFAULT_NAME,
        serviceInstanceName: ApiPortalServiceInstance.DEFAULT_NAME,
        declaresEntitlement: true,
      })),
    ]),
  );
  return { landscapes, problems };
}

/**
 * The constructs' field names where the file names a field otherwise (`toLandscapeConfig` maps one
 * to the other), so that a problem names what the user wrote.
 */
const FILE_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ["transport.deployTarget.user", "transport.deployUser"],
  ["source.contentAgentSpaceId", "source.spaceId"],
  ["source.apiManagement.cloudFoundry.spaceId", "source.spaceId"],
  ["source.apiManagement.subaccountId", "source.subaccountId"],
  ["source.sourceNodeName", "source.nodeName"],
  ["sourceNodeName", "source.nodeName"],
  ["targetNodeName", "target.nodeName"],
];

/** `problems` in the file's field names, each said once (one file field feeds several props). */
function inFileTerms(problems: readonly string[]): string[] {
  const renamed = problems.map((problem) => {
    const match = FILE_FIELDS.find(([prop]) => problem.startsWith(`${prop} `));
    return match ? `${match[1]}${problem.slice(match[0].length)}` : problem;
  });
  return [...new Set(renamed)];
}

/** The file's entry as the stack's config, field by field. */
function toLandscapeConfig(name: string, entry: LandscapeEntry): LandscapeConfig {
  const { source, transport, target } = entry;
  return {
    name,
    globalAccount: entry.globalAccount,
    cliServerUrl: entry.cliServerUrl,
    cloudFoundryApiUrl: entry.cloudFoundryApiUrl,
    transportCloudFoundryApiUrl:
      transport.cloudFoundryApiUrl === entry.cloudFoundryApiUrl ? undefined : transport.cloudFoundryApiUrl,
    backend: entry.backend,
    landscape: {
      source: {
        subaccountId: source.subaccountId,
        contentAgentSpaceId: source.spaceId,
        // SAP's procedure: the API portal instance in the same space as the Content Agent's.
        apiManagement: { cloudFoundry: { spaceId: source.spaceId }, connectionCheck: source.connectionCheck },
        connectionCheck: source.connectionCheck,
      },
      transport: {
        subaccountId: transport.subaccountId,
        spaceId: transport.spaceId,
        landscapeOperators: transport.landscapeOperators,
        createEntitlements: transport.createEntitlements,
        createSubscription: transport.createSubscription,
      },
      target: {
        subaccountId: target.subaccountId,
        spaceId: target.spaceId,
        cloudFoundryApiUrl: target.cloudFoundryApiUrl ?? entry.cloudFoundryApiUrl,
      },
      deployUser: transport.deployUser,
      sourceNodeName: source.nodeName,
      targetNodeName: target.nodeName,
      routeName: entry.routeName,
    },
  };
}
