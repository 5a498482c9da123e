import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  ContentTransportLandscape,
  ContentTransportLandscapeProps,
  ContentTransportStageProps,
  RoleMember,
  OAuthClientCredentialsDestination,
  OAuthClientCredentialsDestinationProps,
} from "btp-apim-transport-destination";
import { loadConfiguration } from "@apim/stacks";
import { configurationProblemsOf, synthApp, writeConfig } from "./support/app";
import { synthAlone, validationProblemsOf } from "./support/synth";

const SOURCE = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const TRANSPORT = "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b";
const TARGET = "5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d";
const SPACE = (n: number) => `2d3e4f5a-6b7c-4d8e-9f0a-00000000000${n}`;

/** A landscape of one stage, `props` over the landscape's and `stage` over its one stage's. */
function landscape(
  scope: Construct,
  props: Partial<ContentTransportLandscapeProps> = {},
  stage: Partial<ContentTransportStageProps> = {},
): ContentTransportLandscape {
  const password = new TerraformVariable(scope, "password", { type: "string", sensitive: true });
  return new ContentTransportLandscape(scope, "landscape", {
    source: { subaccountId: SOURCE, contentAgentSpaceId: SPACE(1) },
    transport: { subaccountId: TRANSPORT, spaceId: SPACE(2) },
    sourceNodeName: "APIM_DEV",
    stages: [
      {
        target: {
          subaccountId: TARGET,
          spaceId: SPACE(3),
          cloudFoundryApiUrl: "https://api.cf.eu10-004.hana.ondemand.com",
        },
        nodeName: "APIM_PROD",
        deployUser: "deployer@example.com",
        deployPassword: password.stringValue,
        ...stage,
      },
    ],
    ...props,
  });
}

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;

/** Each destination's configuration text by the subaccount it is made in. */
function destinations(stack: Json): Array<{ subaccount: unknown; configuration: string }> {
  return Object.values(stack.resource.btp_subaccount_destination_generic).map((d) => ({
    subaccount: d.subaccount_id,
    configuration: String(d.destination_configuration),
  }));
}

describe("ContentTransportLandscape", () => {
  it("makes SAP's four destinations, three in the source subaccount and TMSDeploy in the transport one", () => {
    const found = destinations(synthAlone((scope) => landscape(scope)) as unknown as Json);
    const named = (name: string) => found.filter((d) => d.configuration.includes(`"Name" = "${name}"`));
    expect(found).toHaveLength(4);
    for (const name of ["APIManagement", "ContentAssemblyService", "TransportManagementService"]) {
      expect(named(name).map((d) => d.subaccount)).toEqual([SOURCE]);
    }
    expect(named("TMSDeploy").map((d) => d.subaccount)).toEqual([TRANSPORT]);
    // The deploy service of the target space, from its API endpoint, in SAP's space-GUID form (6b7c9d8).
    expect(named("TMSDeploy")[0].configuration).toContain(
      `"URL" = "https://deploy-service.cf.eu10-004.hana.ondemand.com/slprot/${SPACE(3)}/slp"`,
    );
    expect(named("TransportManagementService")[0].configuration).toContain('"sourceSystemId" = "APIM_DEV"');
  });

  it("keeps every secret a Terraform reference: keys' values and the deploy password", () => {
    const stack = synthAlone((scope) => landscape(scope)) as unknown as Json;
    const tms = destinations(stack).find((d) => d.configuration.includes('"Name" = "TMSDeploy"'));
    expect(tms?.configuration).toMatch(/"Password" = var\.password/);
    for (const d of destinations(stack).filter((d) => d.configuration.includes("OAuth2ClientCredentials"))) {
      expect(d.configuration).toMatch(/"clientSecret" = jsondecode\(/);
    }
  });

  it("checks each OAuth destination's token request, unless told not to", () => {
    const checks = (stack: Json) => Object.keys((stack as unknown as { check?: object }).check ?? {});
    expect(checks(synthAlone((scope) => landscape(scope)) as unknown as Json)).toHaveLength(4);
    const without = synthAlone((scope) =>
      landscape(scope, {
        source: {
          subaccountId: SOURCE,
          contentAgentSpaceId: SPACE(1),
          connectionCheck: false,
          apiManagement: { connectionCheck: false },
        },
      }),
    ) as unknown as Json;
    expect(checks(without)).toEqual([]);
  });

  it("lists the nodes and the route to make by hand, with the values to enter", () => {
    let made: ContentTransportLandscape | undefined;
    synthAlone((scope) => (made = landscape(scope, {}, { routeName: "API_release" })));
    expect(made?.manualSteps).toEqual([
      expect.stringMatching(/source node: Name "APIM_DEV", Allow Upload to Node on/),
      expect.stringMatching(
        /destination node: Name "APIM_PROD", Allow Upload to Node on, Content Type "Multi-Target Application", Destination "TMSDeploy"/,
      ),
      expect.stringMatching(/route: Name "API_release", Source Node "APIM_DEV", Target Node "APIM_PROD"/),
    ]);
  });

  it("names each landscape operator's assignment after the user, so dropping one leaves the others in place", () => {
    const assignments = (operators: string[]) => {
      const stack = synthAlone((scope) =>
        landscape(scope, {
          transport: { subaccountId: TRANSPORT, spaceId: SPACE(2), landscapeOperators: operators },
        }),
      ) as unknown as Json;
      return Object.keys(stack.resource.btp_subaccount_role_collection_assignment ?? {});
    };
    const both = assignments(["a@example.com", "b@example.com"]);
    expect(both).toHaveLength(2);
    expect(assignments(["b@example.com"])).toEqual([both[1]]);
    expect(
      validationProblemsOf((scope) =>
        landscape(scope, {
          transport: {
            subaccountId: TRANSPORT,
            spaceId: SPACE(2),
            landscapeOperators: ["a@example.com", "a@example.com"],
          },
        }),
      ),
    ).toContain('landscapeOperators[1] "a@example.com" is listed twice');
    expect(
      validationProblemsOf((scope) =>
        landscape(scope, {
          transport: {
            subaccountId: TRANSPORT,
            spaceId: SPACE(2),
            landscapeOperators: ["a@example.com", " "],
          },
        }),
      ),
    ).toContain('landscapeOperators[1] " " is empty or blank');
  });

  it("assigns who transports, operates and watches the role collections SAP names, where SAP names them", () => {
    type Assignment = {
      subaccount_id: string;
      role_collection_name: string;
      user_name?: string;
      group_name?: string;
      origin?: string;
    };
    const stack = synthAlone((scope) =>
      landscape(scope, {
        source: {
          subaccountId: SOURCE,
          contentAgentSpaceId: SPACE(1),
          apiPortalAdministrators: ["release.manager@example.com"],
          apiPortalConfigurators: [{ group: "APIM-Transporters", origin: "acme-platform" }],
        },
        transport: {
          subaccountId: TRANSPORT,
          spaceId: SPACE(2),
          viewers: [{ user: "auditor@example.com", origin: "acme-platform" }],
        },
      }),
    ) as unknown as { resource: Record<string, Record<string, Assignment>> };
    const assignments = Object.values(stack.resource.btp_subaccount_role_collection_assignment).map((a) => [
      a.subaccount_id,
      a.role_collection_name,
      a.user_name ?? `group ${a.group_name}`,
      a.origin ?? "(default)",
    ]);
    expect(assignments.sort()).toEqual(
      [
        [SOURCE, "APIPortal.Administrator", "release.manager@example.com", "(default)"],
        [SOURCE, "APIPortal.Configurator", "group APIM-Transporters", "acme-platform"],
        [TRANSPORT, "TMS_Viewer_RC", "auditor@example.com", "acme-platform"],
      ].sort(),
    );
  });

  it.each<[string, unknown, string]>([
    [
      "a group without its origin",
      [{ group: "APIM-Transporters" }],
      "viewers[0].origin is required for a group",
    ],
    [
      "a user and a group in one entry",
      [{ user: "a@example.com", group: "G", origin: "o" }],
      "viewers[0] must be a user's e-mail",
    ],
    [
      "a user twice",
      ["a@example.com", { user: "a@example.com" }],
      'viewers[1] "a@example.com" is listed twice',
    ],
    ["a blank group", [{ group: " ", origin: "acme" }], 'viewers[0].group " " is empty or blank'],
  ])("refuses %s among the members of a role collection, naming the entry", (_, viewers, refused) => {
    expect(
      validationProblemsOf((scope) =>
        landscape(scope, {
          transport: { subaccountId: TRANSPORT, spaceId: SPACE(2), viewers: viewers as RoleMember[] },
        }),
      ),
    ).toContain(refused);
  });

  it("refuses a node name TMS cannot hold, a bad API endpoint and a literal password, naming each but the password", () => {
    expect(validationProblemsOf((scope) => landscape(scope, { sourceNodeName: "APIM DEV" }))).toContain(
      'sourceNodeName "APIM DEV" may contain only letters, digits, "-" and "_"',
    );
    const target = {
      subaccountId: TARGET,
      spaceId: SPACE(3),
      cloudFoundryApiUrl: "https://cf.example.test/v3",
    };
    expect(validationProblemsOf((scope) => landscape(scope, {}, { target }))).toContain(
      'cloudFoundryApiUrl "https://cf.example.test/v3" must be a Cloud Foundry API endpoint',
    );
    for (const [stage, refused] of [
      [
        { nodeName: "APIM PROD" },
        'stages[0].nodeName "APIM PROD" may contain only letters, digits, "-" and "_"',
      ],
      [
        { routeName: "DEV to PROD" },
        'stages[0].routeName "DEV to PROD" may contain only letters, digits, "-" and "_"',
      ],
      [
        { deployDestinationName: "TMS Deploy" },
        'stages[0].deployDestinationName "TMS Deploy" may contain only letters, digits, "-" and "_"',
      ],
    ] as const) {
      expect(validationProblemsOf((scope) => landscape(scope, {}, stage))).toContain(refused);
    }
    const plain = { ...target, cloudFoundryApiUrl: "http://api.cf.eu10.hana.ondemand.com" };
    expect(validationProblemsOf((scope) => landscape(scope, {}, { target: plain }))).toContain(
      'cloudFoundryApiUrl "http://api.cf.eu10.hana.ondemand.com" must be a Cloud Foundry API endpoint',
    );
    // A host of one label has no domain for the deploy service's URL.
    const single = { ...target, cloudFoundryApiUrl: "https://api.localhost" };
    expect(validationProblemsOf((scope) => landscape(scope, {}, { target: single }))).toContain(
      'cloudFoundryApiUrl "https://api.localhost" must be a Cloud Foundry API endpoint',
    );
    // The Content Agent's space is a GUID of its own: a name there finds no space.
    expect(
      validationProblemsOf((scope) =>
        landscape(scope, { source: { subaccountId: SOURCE, contentAgentSpaceId: "dev-space" } }),
      ),
    ).toContain('contentAgentSpaceId "dev-space" is not a GUID');
    // The deploy service's URL is made from the endpoint's domain: a path after it is a mistake.
    const withPath = { ...target, cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com/v3" };
    expect(validationProblemsOf((scope) => landscape(scope, {}, { target: withPath }))).toContain(
      'cloudFoundryApiUrl "https://api.cf.eu10.hana.ondemand.com/v3" must be a Cloud Foundry API endpoint',
    );
    expect(
      validationProblemsOf((scope) =>
        landscape(
          scope,
          {},
          {
            target: {
              ...target,
              cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
              spaceId: "prod-space",
            },
          },
        ),
      ),
    ).toContain('spaceId "prod-space" is not a GUID');
    const message = validationProblemsOf((scope) => landscape(scope, {}, { deployPassword: "hunter2" }));
    expect(message).toContain("stages[0].deployPassword must be a Terraform reference");
    expect(message).not.toContain("hunter2");
  });
});

describe("a landscape of several stages (dev source, then test, then production)", () => {
  const PROD_SUBACCOUNT = "6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e";
  /** Source APIM_DEV, then APIM_TEST in TARGET, then APIM_PROD in another region; `stages` over the two. */
  function staged(scope: Construct, stages: Array<Partial<ContentTransportStageProps>> = [{}, {}]) {
    const password = (name: string) =>
      new TerraformVariable(scope, name, { type: "string", sensitive: true }).stringValue;
    const defaults: ContentTransportStageProps[] = [
      {
        target: {
          subaccountId: TARGET,
          spaceId: SPACE(3),
          cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
        },
        nodeName: "APIM_TEST",
        deployUser: "test-deployer@example.com",
        deployPassword: password("test"),
      },
      {
        target: {
          subaccountId: PROD_SUBACCOUNT,
          spaceId: SPACE(4),
          cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
        },
        nodeName: "APIM_PROD",
        deployUser: "prod-deployer@example.com",
        deployPassword: password("prod"),
      },
    ];
    return new ContentTransportLandscape(scope, "landscape", {
      source: { subaccountId: SOURCE, contentAgentSpaceId: SPACE(1) },
      transport: { subaccountId: TRANSPORT, spaceId: SPACE(2) },
      sourceNodeName: "APIM_DEV",
      stages: stages.map((stage, i) => ({ ...defaults[i % 2], ...stage })),
    });
  }

  it("gives each stage a deploy destination of its own in the transport subaccount, to its own space's deploy service", () => {
    const found = destinations(synthAlone((scope) => staged(scope)) as unknown as Json);
    const deploy = found.filter((d) => d.configuration.includes("BasicAuthentication"));
    expect(deploy.map((d) => d.subaccount)).toEqual([TRANSPORT, TRANSPORT]);
    const [test, prod] = ["TMSDeploy", "TMSDeploy_APIM_PROD"].map((name) =>
      deploy.find((d) => d.configuration.includes(`"Name" = "${name}"`)),
    );
    expect(test?.configuration).toContain(
      `"URL" = "https://deploy-service.cf.eu10.hana.ondemand.com/slprot/${SPACE(3)}/slp"`,
    );
    expect(test?.configuration).toContain('"User" = "test-deployer@example.com"');
    expect(test?.configuration).toMatch(/"Password" = var\.test\b/);
    expect(prod?.configuration).toContain(
      `"URL" = "https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${SPACE(4)}/slp"`,
    );
    expect(prod?.configuration).toContain('"User" = "prod-deployer@example.com"');
    expect(prod?.configuration).toMatch(/"Password" = var\.prod\b/);
    // The source's three stay in the source subaccount.
    expect(found.filter((d) => d.subaccount === SOURCE)).toHaveLength(3);
  });

  it("lists the nodes, then the routes from node to node in transport order, a node with a stage after it forwarding", () => {
    let made: ContentTransportLandscape | undefined;
    synthAlone((scope) => (made = staged(scope, [{}, { routeName: "API_release" }])));
    expect(made?.manualSteps).toEqual([
      expect.stringMatching(/source node: Name "APIM_DEV", Allow Upload to Node on\.$/),
      expect.stringMatching(
        /destination node: Name "APIM_TEST", .*Destination "TMSDeploy", Forward Mode "Pre-Import"\.$/,
      ),
      expect.stringMatching(/destination node: Name "APIM_PROD", .*Destination "TMSDeploy_APIM_PROD"\.$/),
      expect.stringMatching(
        /route: Name "APIM_DEV_to_APIM_TEST", Source Node "APIM_DEV", Target Node "APIM_TEST"\.$/,
      ),
      expect.stringMatching(/route: Name "API_release", Source Node "APIM_TEST", Target Node "APIM_PROD"\.$/),
    ]);
    expect(
      made?.stages.map((stage) => [stage.previousNodeName, stage.nodeName, stage.deployDestinationName]),
    ).toEqual([
      ["APIM_DEV", "APIM_TEST", "TMSDeploy"],
      ["APIM_TEST", "APIM_PROD", "TMSDeploy_APIM_PROD"],
    ]);
    // Both deploy users' roles are declared, so neither is left to hold before the deploy.
    expect(made?.prerequisites[1]).not.toContain("Space Developer");
    expect(made?.prerequisites[0]).toContain(`the target subaccounts ${TARGET} and ${PROD_SUBACCOUNT}`);
  });

  it("makes each stage's deploy user Space Developer in its own space, through its endpoint's provider, unless told not to", () => {
    let made: ContentTransportLandscape | undefined;
    const stack = synthAlone(
      (scope) => (made = staged(scope, [{}, { spaceDeveloperRole: false }])),
    ) as unknown as Json;
    const roles = Object.values(stack.resource.cloudfoundry_space_role ?? {});
    expect(roles).toEqual([
      expect.objectContaining({
        type: "space_developer",
        space: SPACE(3),
        username: "test-deployer@example.com",
        origin: "sap.ids",
      }),
    ]);
    expect(made?.stages[0].target.spaceDeveloperRole).toBeDefined();
    expect(made?.stages[1].target.spaceDeveloperRole).toBeUndefined();
    // What is not declared is left to hold before the deploy, with its values.
    expect(made?.prerequisites[1]).toContain(
      `"prod-deployer@example.com" is a Space Developer in space ${SPACE(4)}`,
    );
    expect(made?.prerequisites[1]).not.toContain("test-deployer@example.com");
    // A deploy user of a custom identity provider is given the role with that provider's origin.
    const custom = synthAlone((scope) =>
      staged(scope, [{ deployAuthentication: "OAuth2Password", deployUserOrigin: "acme-platform" }]),
    ) as unknown as Json;
    expect(Object.values(custom.resource.cloudfoundry_space_role)).toEqual([
      expect.objectContaining({ username: "test-deployer@example.com", origin: "acme-platform" }),
    ]);
  });

  it("keeps every other stage's destination at its address when a stage is added or put between", () => {
    const staging = {
      target: {
        subaccountId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        spaceId: SPACE(5),
        cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
      },
      nodeName: "APIM_STAGING",
    };
    const production = {
      target: {
        subaccountId: PROD_SUBACCOUNT,
        spaceId: SPACE(4),
        cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
      },
      nodeName: "APIM_PROD",
      deployUser: "prod-deployer@example.com",
    };
    /** Each deploy destination's name by its Terraform address. */
    const named = (stages: Array<Partial<ContentTransportStageProps>>) =>
      Object.fromEntries(
        Object.entries(
          (synthAlone((scope) => staged(scope, stages)) as unknown as Json).resource
            .btp_subaccount_destination_generic,
        )
          .map(([address, body]) => [
            address,
            /"Name" = "(TMSDeploy[^"]*)"/.exec(String(body.destination_configuration))?.[1],
          ])
          .filter(([, name]) => name !== undefined),
      );
    const one = named([{}]);
    const two = named([{}, {}]);
    const three = named([{}, staging, production]);
    // Adding production, then putting staging before it, moves no destination to another address.
    expect(two).toMatchObject(one);
    expect(three).toMatchObject(two);
    expect(Object.values(three).sort()).toEqual([
      "TMSDeploy",
      "TMSDeploy_APIM_PROD",
      "TMSDeploy_APIM_STAGING",
    ]);
  });

  it("signs a stage's deploy user in with OAuth2Password where asked, as SAP's page a26a721 lists it, no client secret", () => {
    const found = destinations(
      synthAlone((scope) =>
        staged(scope, [{}, { deployAuthentication: "OAuth2Password", deployUserOrigin: "acme-platform" }]),
      ) as unknown as Json,
    );
    const prod = found.find((d) => d.configuration.includes('"Name" = "TMSDeploy_APIM_PROD"'))?.configuration;
    expect(prod).toContain('"Authentication" = "OAuth2Password"');
    expect(prod).toContain('"clientId" = "cf"');
    expect(prod).toContain('"tokenServiceURL" = "https://login.cf.us10-001.hana.ondemand.com"');
    expect(prod).toContain('"origin" = "acme-platform"');
    expect(prod).toMatch(/"Password" = var\.prod\b/);
    expect(prod).not.toMatch(/clientSecret/);
    // The other stage keeps basic authentication, with no OAuth property.
    const test = found.find((d) => d.configuration.includes('"Name" = "TMSDeploy"'))?.configuration;
    expect(test).toContain('"Authentication" = "BasicAuthentication"');
    expect(test).not.toMatch(/clientId|tokenServiceURL|origin/);
  });

  it.each<[string, Array<Partial<ContentTransportStageProps>>, string]>([
    ["no stage at all", [], "stages must list at least one target stage"],
    [
      "the source's node again",
      [{}, { nodeName: "APIM_DEV" }],
      'stages[1].nodeName "APIM_DEV" is already the source node',
    ],
    [
      "an earlier stage's node",
      [{}, { nodeName: "APIM_TEST" }],
      'stages[1].nodeName "APIM_TEST" is already the node of stages[0]',
    ],
    [
      "the source subaccount as a target",
      [
        {
          target: {
            subaccountId: SOURCE,
            spaceId: SPACE(3),
            cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
          },
        },
      ],
      `stages[0].target.subaccountId "${SOURCE}" is the source subaccount`,
    ],
    [
      "one subaccount for two stages",
      [
        {},
        {
          target: {
            subaccountId: TARGET,
            spaceId: SPACE(5),
            cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
          },
        },
      ],
      `stages[1].target.subaccountId "${TARGET}" is already the target of stages[0]`,
    ],
    [
      "one deploy destination for two stages",
      [{}, { deployDestinationName: "TMSDeploy" }],
      'stages[1].deployDestinationName "TMSDeploy" is already the deploy destination of stages[0]',
    ],
    [
      "one route name for two routes",
      [{ routeName: "R" }, { routeName: "R" }],
      'stages[1].routeName "R" is already the route of stages[0]',
    ],
    ["a blank deploy user", [{}, { deployUser: " " }], 'stages[1].deployUser " " is empty or blank'],
    [
      "a literal password",
      [{}, { deployPassword: "hunter2" }],
      "stages[1].deployPassword must be a Terraform reference",
    ],
    [
      "an identity provider's origin with basic authentication",
      [{ deployUserOrigin: "acme-platform" }],
      'stages[0].deployUserOrigin "acme-platform" needs deployAuthentication "OAuth2Password": basic authentication works with SAP ID service users only',
    ],
    [
      "one space for two stages of two subaccounts",
      [
        {},
        {
          target: {
            subaccountId: PROD_SUBACCOUNT,
            spaceId: SPACE(3),
            cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
          },
        },
      ],
      `stages[1].target.spaceId "${SPACE(3)}" is already stages[0]'s space, in subaccount "${TARGET}"`,
    ],
    [
      "a blank identity provider origin",
      [{ deployAuthentication: "OAuth2Password", deployUserOrigin: " " }],
      'stages[0].deployUserOrigin " " is empty or blank',
    ],
    [
      "an authentication the deploy service does not take",
      [{ deployAuthentication: "OAuth2ClientCredentials" as "OAuth2Password" }],
      'stages[0].deployAuthentication "OAuth2ClientCredentials" must be "BasicAuthentication" or "OAuth2Password"',
    ],
  ])("refuses %s, naming the stage's field", (_, stages, refused) => {
    const message = validationProblemsOf((scope) => staged(scope, stages));
    expect(message).toContain(refused);
    expect(message).not.toContain("hunter2");
  });
});

describe("ContentTransportLandscape.validateProps", () => {
  it("refuses a target endpoint with credentials in it without quoting them", () => {
    for (const cloudFoundryApiUrl of [
      "https://deployer:made-up-password@api.cf.eu10.hana.ondemand.com",
      "https://api.cf.eu10.hana.ondemand.com/?token=made-up-token",
    ]) {
      const message = validationProblemsOf((scope) =>
        landscape(scope, {}, { target: { subaccountId: TARGET, spaceId: SPACE(3), cloudFoundryApiUrl } }),
      );
      expect(message).toContain(
        "cloudFoundryApiUrl (a URL with a user, password or query, not shown) must be a Cloud Foundry API endpoint",
      );
      expect(message).not.toContain("made-up");
    }
  });

  it("reports the API portal setup's problems too, under source.apiManagement, for a loader to report before building", () => {
    expect(
      ContentTransportLandscape.validateProps({
        source: {
          subaccountId: SOURCE,
          contentAgentSpaceId: SPACE(1),
          apiManagement: { destinationName: "API Management" },
        },
        transport: { subaccountId: TRANSPORT, spaceId: SPACE(2) },
        sourceNodeName: "APIM_DEV",
        stages: [
          {
            target: {
              subaccountId: TARGET,
              spaceId: SPACE(3),
              cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
            },
            nodeName: "APIM_PROD",
            deployUser: "deployer@example.com",
          },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^source\.apiManagement\.destinationName "API Management" may contain only/),
    ]);
  });
});

describe("OAuthClientCredentialsDestination", () => {
  it("refuses a literal client secret without quoting it", () => {
    const message = validationProblemsOf(
      (scope) =>
        new OAuthClientCredentialsDestination(scope, "d", {
          subaccountId: SOURCE,
          name: "ContentAssemblyService",
          url: "https://example.test",
          clientId: "client",
          clientSecret: "s3cr3t",
          tokenServiceUrl: "https://example.test/oauth/token",
        }),
    );
    expect(message).toContain("clientSecret must be a Terraform reference");
    expect(message).not.toContain("s3cr3t");
  });

  const build = (props: Partial<OAuthClientCredentialsDestinationProps>) => (scope: Construct) => {
    const key = new TerraformVariable(scope, "secret", { type: "string", sensitive: true });
    new OAuthClientCredentialsDestination(scope, "d", {
      subaccountId: SOURCE,
      name: "ContentAssemblyService",
      url: "https://example.test",
      clientId: "client",
      clientSecret: key.stringValue,
      tokenServiceUrl: "https://example.test/oauth/token",
      ...props,
    });
  };

  it("refuses a name the Destination service cannot hold, naming it", () => {
    expect(validationProblemsOf(build({ name: "Content Assembly" }))).toContain(
      'name "Content Assembly" may contain only letters, digits, "-" and "_"',
    );
  });

  it("is described by its name unless told otherwise, as the cockpit lists it", () => {
    const description = (props: Partial<OAuthClientCredentialsDestinationProps>) =>
      destinations(synthAlone(build(props)) as unknown as Json)[0].configuration;
    expect(description({})).toContain('"Description" = "ContentAssemblyService"');
    expect(description({ description: "Content Agent of dev" })).toContain(
      '"Description" = "Content Agent of dev"',
    );
  });

  it("writes further properties as typed, Terraform's template characters escaped", () => {
    const stack = synthAlone(build({ additionalProperties: { note: "100%{x} ${y}" } })) as unknown as Json;
    expect(destinations(stack)[0].configuration).toContain('"note" = "100%%{x} $${y}"');
  });
});

describe("a landscape in environments.json", () => {
  const entry = {
    globalAccount: "ga",
    cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
    source: { subaccountId: SOURCE, spaceId: SPACE(1), nodeName: "APIM_DEV" },
    transport: { subaccountId: TRANSPORT, spaceId: SPACE(2), deployUser: "deployer@example.com" },
    target: { subaccountId: TARGET, spaceId: SPACE(3), nodeName: "APIM_PROD" },
  };
  const prod = { globalAccount: "ga", subaccountId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b" };

  it("becomes a landscape beside the environments", () => {
    const { environments, landscapes } = loadConfiguration(
      writeConfig({ environments: { prod }, landscapes: { transport: entry } }),
    );
    expect(environments.map((e) => e.name)).toEqual(["prod"]);
    expect(landscapes.map((l) => [l.name, l.landscape.sourceNodeName])).toEqual([["transport", "APIM_DEV"]]);
  });

  it("names the landscape and the field of every problem, and refuses a password in the file", () => {
    const message = configurationProblemsOf({
      environments: { prod },
      landscapes: {
        prod: entry,
        broken: {
          ...entry,
          transport: { ...entry.transport, deployPassword: "hunter2" },
          source: { nodeName: "X" },
        },
      },
    });
    expect(message).toContain('landscape "prod": is also the name of an environment');
    expect(message).toContain('landscape "broken": transport.deployPassword is not a known field');
    expect(message).toContain('landscape "broken": source.subaccountId is required');
  });

  it("gives a transport space behind another API endpoint its own provider, used by the transport objects only", () => {
    const other = "https://api.cf.eu20-001.hana.ondemand.com";
    const file = writeConfig({
      environments: { prod },
      landscapes: { transport: { ...entry, transport: { ...entry.transport, cloudFoundryApiUrl: other } } },
    });
    const stack = synthApp(file).transport as unknown as {
      provider: { cloudfoundry: Array<Record<string, string>> };
      resource: Record<string, Record<string, { provider?: string; "//": { metadata: { path: string } } }>>;
    };
    expect(stack.provider.cloudfoundry).toEqual([
      { api_url: entry.cloudFoundryApiUrl },
      { alias: "transport", api_url: other },
    ]);
    const byProvider = Object.values(stack.resource)
      .flatMap((resources) => Object.values(resources))
      .filter((body) => body.provider !== undefined)
      .map((body) => [body["//"].metadata.path.split("/").slice(2).join("/"), body.provider]);
    expect(byProvider.sort()).toEqual([
      ["transport/instance/resource", "cloudfoundry.transport"],
      ["transport/key/resource", "cloudfoundry.transport"],
    ]);
  });

  it("reports every role's problems before anything is built, in the file's own field names", () => {
    const message = configurationProblemsOf({
      environments: { prod },
      landscapes: {
        transport: {
          ...entry,
          source: { ...entry.source, spaceId: "x", nodeName: "A B" },
          target: { ...entry.target, nodeName: "C D", cloudFoundryApiUrl: "https://cf.example.test" },
          transport: {
            ...entry.transport,
            deployUser: " ",
            cloudFoundryApiUrl: "http://api.cf.eu20-001.hana.ondemand.com",
          },
          cliServerUrl: "http://cli.btp.example.test",
          cloudFoundryApiUrl: "api.cf.eu10.hana.ondemand.com",
        },
      },
    });
    expect(message).toContain('landscape "transport": source.spaceId "x" is not a GUID');
    expect(message).toContain('landscape "transport": source.nodeName "A B" may contain only letters');
    expect(message).toContain('landscape "transport": target.nodeName "C D" may contain only letters');
    expect(message).toContain('landscape "transport": transport.deployUser " " is empty or blank');
    expect(message).toContain(
      'landscape "transport": target.cloudFoundryApiUrl "https://cf.example.test" must be',
    );
    expect(message).toContain(
      'landscape "transport": cliServerUrl "http://cli.btp.example.test" is not an https:// URL',
    );
    expect(message).toContain(
      'landscape "transport": transport.cloudFoundryApiUrl "http://api.cf.eu20-001.hana.ondemand.com" is not an https:// URL',
    );
    expect(message).toContain(
      'landscape "transport": cloudFoundryApiUrl "api.cf.eu10.hana.ondemand.com" is not an https:// URL',
    );
    // Only the file's own field names: none of the constructs' that the loader maps them to.
    expect(message).not.toMatch(
      /contentAgentSpaceId|deployTarget|sourceNodeName|targetNodeName|apiManagement/,
    );
    // One file field feeding several props is reported once.
    expect(message.match(/source\.spaceId "x"/g)).toHaveLength(1);
  });

  it("keeps its state in terraform.<landscape>.tfstate in the project, the deploy password in a sensitive variable", () => {
    const stack = synthApp(writeConfig({ environments: { prod }, landscapes: { transport: entry } }))
      .transport as unknown as {
      terraform: { backend: unknown };
      variable: Record<string, Record<string, unknown>>;
    };
    expect(stack.terraform.backend).toEqual({ local: { path: "../../../terraform.transport.tfstate" } });
    expect(stack.variable.tms_deploy_password).toMatchObject({ sensitive: true, nullable: false });
  });

  it("refuses a source subaccount that an environment already sets up", () => {
    const message = configurationProblemsOf({
      environments: { prod: { ...prod, subaccountId: SOURCE } },
      landscapes: { transport: entry },
    });
    expect(message).toContain(`environment "prod" and landscape "transport" share subaccount ${SOURCE}`);
  });

  it("refuses an environment of other names in the source subaccount that declares the entitlement too", () => {
    const elsewhere = { destinationName: "APIManagement_Own", serviceInstanceName: "apim-own" };
    const environment = { ...prod, subaccountId: SOURCE, ...elsewhere };
    const message = configurationProblemsOf({
      environments: { prod: environment },
      landscapes: { transport: entry },
    });
    expect(message).toContain(
      `environment "prod" and landscape "transport" share subaccount ${SOURCE} and each declares its API portal entitlement`,
    );
    expect(message).not.toMatch(/destinationName|serviceInstanceName/);
    // Left to the landscape, the entitlement has one owner again.
    const configuration = loadConfiguration(
      writeConfig({
        environments: { prod: { ...environment, createEntitlement: false } },
        landscapes: { transport: entry },
      }),
    );
    expect(configuration.landscapes.map((l) => l.name)).toEqual(["transport"]);
  });
});
