import {
  ApiManagementDestination,
  ApiManagementSource,
  ApiPortalServiceInstance,
  ContentTransportLandscape,
  ContentTransportLandscapeSettings,
} from "btp-apim-transport-destination";
import { validateBackend } from "./backend";
import { EnvironmentConfig, validateHttpsUrl } from "./environment-config";
import { globalAccountProblems } from "./providers";
import { occupantOf, stateClashes, stateOwnerOf } from "./environment-conflicts";
import { BackendEntry, LandscapeEntry, LandscapeStageEntry } from "./environments-file";
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

  /** The construct's props, less the deploy passwords, which the stack takes from sensitive variables. */
  readonly landscape: ContentTransportLandscapeSettings;
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
    const inLandscape = (problems: readonly string[]) =>
      problems.map((p) => `landscape ${JSON.stringify(name)}: ${p}`);
    const form = formProblems(entry);
    if (form.length > 0) {
      problems.push(...inLandscape(form));
      continue;
    }
    const config = toLandscapeConfig(name, entry);
    problems.push(
      ...inLandscape([
        ...(environments.some((e) => e.name === name)
          ? ["is also the name of an environment; each stack needs a name of its own"]
          : []),
        ...globalAccountProblems("globalAccount", entry.globalAccount),
        ...validateHttpsUrl("cloudFoundryApiUrl", entry.cloudFoundryApiUrl),
        ...(entry.transport.cloudFoundryApiUrl === undefined
          ? []
          : validateHttpsUrl("transport.cloudFoundryApiUrl", entry.transport.cloudFoundryApiUrl)),
        ...(entry.cliServerUrl === undefined ? [] : validateHttpsUrl("cliServerUrl", entry.cliServerUrl)),
        ...(entry.backend === undefined ? [] : validateBackend("backend", entry.backend, name)),
        ...inFileTerms(ContentTransportLandscape.validateProps(config.landscape), entry.stages === undefined),
      ]),
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

/** The fields of `transport` that a landscape with `target` gives for its one stage; each stage of `stages` has its own. */
const ONE_TARGET_TRANSPORT_FIELDS = [
  "deployUser",
  "deployAuthentication",
  "deployUserOrigin",
  "spaceDeveloperRole",
] as const;

/**
 * A landscape's target stages are given one way: `target` (one stage, deployed by
 * `transport.deployUser`, its route `routeName`) or `stages` (each with its own).
 */
function formProblems(entry: LandscapeEntry): string[] {
  if (entry.target !== undefined && entry.stages !== undefined) {
    return ["has both target and stages; a landscape has one target, or a list of stages"];
  }
  if (entry.target === undefined && entry.stages === undefined) {
    return ["target is required (or stages, a list of target stages)"];
  }
  if (entry.stages !== undefined) {
    const given = (field: string, value: unknown, own: string) =>
      value === undefined
        ? []
        : [`${field} is for a landscape with target; with stages, each stage names its ${own}`];
    return [
      ...ONE_TARGET_TRANSPORT_FIELDS.flatMap((field) =>
        given(`transport.${field}`, entry.transport[field], field),
      ),
      ...given("routeName", entry.routeName, "routeName"),
    ];
  }
  return entry.transport.deployUser === undefined ? ["transport.deployUser is required"] : [];
}

/**
 * The constructs' field names where the file names a field otherwise (`toLandscapeConfig` maps one
 * to the other), so that a problem names what the user wrote: a landscape with `target` has its one
 * stage's fields in `target`, `transport.deployUser` and `routeName`.
 */
const FILE_FIELDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^source\.contentAgentSpaceId\b/, "source.spaceId"],
  [/^source\.apiManagement\.cloudFoundry\.spaceId\b/, "source.spaceId"],
  [/^source\.apiManagement\.subaccountId\b/, "source.subaccountId"],
  [/^source\.sourceNodeName\b/, "source.nodeName"],
  [/^sourceNodeName\b/, "source.nodeName"],
  [/^(stages\[\d+\])\.target\./, "$1."],
];
const ONE_TARGET_FIELDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^stages\[0\]\.(subaccountId|spaceId|cloudFoundryApiUrl|nodeName)\b/, "target.$1"],
  [new RegExp(`^stages\\[0\\]\\.(${ONE_TARGET_TRANSPORT_FIELDS.join("|")})\\b`), "transport.$1"],
  [/^stages\[0\]\.routeName\b/, "routeName"],
];

/** `problems` in the file's field names, each said once (one file field feeds several props). */
function inFileTerms(problems: readonly string[], oneTarget: boolean): string[] {
  const rules = oneTarget ? [...FILE_FIELDS, ...ONE_TARGET_FIELDS] : FILE_FIELDS;
  const renamed = problems.map((problem) =>
    rules.reduce((text, [field, fileField]) => text.replace(field, fileField), problem),
  );
  return [...new Set(renamed)];
}

/** A landscape's target stages as the file gives them, a `target` as the one stage it is. */
function stagesOf(entry: LandscapeEntry): LandscapeStageEntry[] {
  if (entry.stages !== undefined) return entry.stages;
  const target = entry.target as NonNullable<LandscapeEntry["target"]>;
  const { deployUser, deployAuthentication, deployUserOrigin, spaceDeveloperRole } = entry.transport;
  return [
    {
      ...target,
      deployUser: deployUser as string,
      deployAuthentication,
      deployUserOrigin,
      // A landscape with target keeps the stack it had before roles were declared, unless asked.
      spaceDeveloperRole: spaceDeveloperRole ?? false,
      routeName: entry.routeName,
    },
  ];
}

/** The file's entry as the stack's config, field by field. */
function toLandscapeConfig(name: string, entry: LandscapeEntry): LandscapeConfig {
  const { source, transport } = entry;
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
        apiPortalAdministrators: source.apiPortalAdministrators,
        apiPortalConfigurators: source.apiPortalConfigurators,
      },
      transport: {
        subaccountId: transport.subaccountId,
        spaceId: transport.spaceId,
        landscapeOperators: transport.landscapeOperators,
        viewers: transport.viewers,
        createEntitlements: transport.createEntitlements,
        createSubscription: transport.createSubscription,
      },
      sourceNodeName: source.nodeName,
      stages: stagesOf(entry).map((stage) => ({
        target: {
          subaccountId: stage.subaccountId,
          spaceId: stage.spaceId,
          cloudFoundryApiUrl: stage.cloudFoundryApiUrl ?? entry.cloudFoundryApiUrl,
        },
        nodeName: stage.nodeName,
        deployUser: stage.deployUser,
        deployDestinationName: stage.deployDestinationName,
        routeName: stage.routeName,
        deployAuthentication: stage.deployAuthentication,
        deployUserOrigin: stage.deployUserOrigin,
        spaceDeveloperRole: stage.spaceDeveloperRole,
      })),
    },
  };
}
