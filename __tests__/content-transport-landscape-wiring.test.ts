/**
 * How a landscape's pieces are wired to each other: which key each destination and check takes its
 * values from (evaluated by real Terraform, for the key shapes SAP issues), which entitlement each
 * object waits for, what the constructs expose, which provider each object of a transport space
 * behind another API endpoint uses, and that every construct taking a secret refuses a literal.
 */
import { TerraformOutput, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  CloudTransportManagement,
  ContentTransportLandscape,
  OAuthClientCredentialsDestination,
  OAuthTokenCheck,
} from "btp-apim-transport-destination";
import { synthApp, writeConfig } from "./support/app";
import { synthAlone, validationProblemsOf } from "./support/synth";
import { evaluateInTerraform } from "./support/terraform-eval";

const SOURCE = "8b1f4c2e-6a3d-4e9b-9c7a-2f5e1d0b3a64";
const TRANSPORT = "c3a9e7d1-4b2f-4a68-8e5c-9d1b7f3a2c05";
const TARGET = "e5d2b8f4-1c7a-4f36-a9e0-3b6c8d2f1a97";
const SPACES = {
  contentAgent: "4f7a2c9e-8d1b-4e63-b5a0-6c3e9f2d7b18",
  transport: "a6c1e8d3-2f9b-4a75-8d4e-1b7c3f9a6e20",
  target: "d9b4f2a7-6e3c-4d81-9a5f-8c2e7b1d4f36",
};

interface Stack {
  readonly output: Record<string, { readonly value: unknown }>;
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly check: Record<
    string,
    {
      readonly assert: Array<{ readonly error_message: string }>;
      readonly data: {
        readonly http: Record<string, { readonly url: string; readonly request_body: string }>;
      };
    }
  >;
}

function build(scope: Construct): ContentTransportLandscape {
  const password = new TerraformVariable(scope, "password", { type: "string", sensitive: true });
  return new ContentTransportLandscape(scope, "landscape", {
    source: { subaccountId: SOURCE, contentAgentSpaceId: SPACES.contentAgent },
    transport: { subaccountId: TRANSPORT, spaceId: SPACES.transport },
    sourceNodeName: "APIM_DEV",
    stages: [
      {
        target: {
          subaccountId: TARGET,
          spaceId: SPACES.target,
          cloudFoundryApiUrl: "https://api.cf.eu10-004.hana.ondemand.com",
        },
        nodeName: "APIM_PROD",
        deployUser: "deployer@example.com",
        deployPassword: password.stringValue,
      },
    ],
  });
}

/** What the constructs expose, by output name: synthesized as outputs to be evaluated beside the destinations. */
const EXPOSED = {
  contentAssemblyTokenUrl: (l: ContentTransportLandscape) =>
    l.source.contentAssemblyDestination.tokenServiceUrl,
  contentAssemblyUrl: (l: ContentTransportLandscape) => l.source.contentAssemblyDestination.url,
  transportTokenUrl: (l: ContentTransportLandscape) => l.source.transportDestination.tokenServiceUrl,
  transportUrl: (l: ContentTransportLandscape) => l.source.transportDestination.url,
};

let built: ContentTransportLandscape | undefined;
const stack = synthAlone((scope) => {
  built = build(scope);
  for (const [name, value] of Object.entries(EXPOSED)) {
    new TerraformOutput(scope, name, { value: value(built) });
  }
}) as unknown as Stack;
const landscape = built as unknown as ContentTransportLandscape;

/** The name of the one resource of `type` at `path` under the landscape (cdktf's logical ID). */
function nameAt(type: string, path: string): string {
  const pattern = new RegExp(`^landscape_${path.replace(/\//g, "_")}_[0-9A-F]{8}$`);
  const found = Object.keys(stack.resource[type] ?? {}).filter((name) => pattern.test(name));
  expect(found).toHaveLength(1);
  return found[0];
}

const resourceAt = (type: string, path: string) => stack.resource[type][nameAt(type, path)];
const addressOf = (type: string, path: string) => `${type}.${nameAt(type, path)}`;

const CONTENT_AGENT_KEY = addressOf(
  "cloudfoundry_service_credential_binding",
  "source/content-agent-key/resource",
);
const TRANSPORT_KEY = addressOf("cloudfoundry_service_credential_binding", "transport/key/resource");

/** A Cloud Foundry key's `credential_binding` as the provider returns it: `credentials` holding SAP's key. */
function binding(credentials: Record<string, unknown>): string {
  return JSON.stringify({ credentials });
}

/** Keys shaped as SAP issues them; the UAA URL with or without the trailing slash that real keys carry. */
function keys(slash: { contentAgent: string; transport: string }) {
  return {
    [`${CONTENT_AGENT_KEY}.credential_binding`]: binding({
      url: "https://content-agent.cfapps.eu10.hana.ondemand.com",
      uaa: {
        url: `https://acme-dev.authentication.eu10.hana.ondemand.com${slash.contentAgent}`,
        clientid: "sb-content-agent-3f9a!b117|content-agent!b53",
        clientsecret: "made-up-content-agent-secret+/=",
      },
    }),
    [`${TRANSPORT_KEY}.credential_binding`]: binding({
      uri: "https://transport-service-app-backend.ts.cfapps.eu10.hana.ondemand.com",
      uaa: {
        url: `https://acme-tms.authentication.eu10.hana.ondemand.com${slash.transport}`,
        clientid: "sb-c2a7e9f1-tms!b117|alm-ts-backend!b1603",
        clientsecret: "made-up-transport-secret&%",
      },
    }),
  };
}

const destinationConfiguration = (path: string) =>
  String(resourceAt("btp_subaccount_destination_generic", path).destination_configuration);

/** The check block whose assert is about `destinationName`. */
function checkNaming(destinationName: string) {
  const named = Object.values(stack.check).filter((check) =>
    check.assert.some((a) => a.error_message.includes(`destination "${destinationName}"`)),
  );
  expect(named).toHaveLength(1);
  return Object.values(named[0].data.http)[0];
}

describe("a landscape's destinations and checks, evaluated by Terraform", () => {
  const templates = {
    contentAssembly: destinationConfiguration("source/content-assembly-destination/resource"),
    transport: destinationConfiguration("source/transport-destination/resource"),
    contentAssemblyCheckUrl: checkNaming("ContentAssemblyService").url,
    contentAssemblyCheckBody: checkNaming("ContentAssemblyService").request_body,
    transportCheckUrl: checkNaming("TransportManagementService").url,
    transportCheckBody: checkNaming("TransportManagementService").request_body,
  };
  const exposed = Object.fromEntries(
    Object.keys(EXPOSED).map((name) => [name, String(stack.output[name].value)]),
  );

  it.each([
    ["with", "/", "/"],
    ["without", "", ""],
    ["with and without", "/", ""],
  ])(
    "gives each OAuth destination its own key's client and uaa.url + /oauth/token, keys %s a trailing slash",
    (_, a, b) => {
      const values = evaluateInTerraform(
        { ...templates, ...exposed },
        keys({ contentAgent: a, transport: b }),
      ) as Record<string, string>;
      const contentAssembly = JSON.parse(values.contentAssembly) as Record<string, string>;
      const transport = JSON.parse(values.transport) as Record<string, string>;
      expect(contentAssembly).toMatchObject({
        Name: "ContentAssemblyService",
        URL: "https://content-agent.cfapps.eu10.hana.ondemand.com",
        clientId: "sb-content-agent-3f9a!b117|content-agent!b53",
        clientSecret: "made-up-content-agent-secret+/=",
        tokenServiceURL: "https://acme-dev.authentication.eu10.hana.ondemand.com/oauth/token",
      });
      expect(transport).toMatchObject({
        Name: "TransportManagementService",
        URL: "https://transport-service-app-backend.ts.cfapps.eu10.hana.ondemand.com",
        clientId: "sb-c2a7e9f1-tms!b117|alm-ts-backend!b1603",
        clientSecret: "made-up-transport-secret&%",
        tokenServiceURL: "https://acme-tms.authentication.eu10.hana.ondemand.com/oauth/token",
        sourceSystemId: "APIM_DEV",
      });
      // Each check asks its own destination's token service, with its own client.
      expect(values.contentAssemblyCheckUrl).toBe(contentAssembly.tokenServiceURL);
      expect(values.transportCheckUrl).toBe(transport.tokenServiceURL);
      const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
      expect(form(values.contentAssemblyCheckBody)).toEqual({
        grant_type: "client_credentials",
        client_id: contentAssembly.clientId,
        client_secret: contentAssembly.clientSecret,
      });
      expect(form(values.transportCheckBody)).toEqual({
        grant_type: "client_credentials",
        client_id: transport.clientId,
        client_secret: transport.clientSecret,
      });
      // What the constructs expose is what the destinations hold.
      expect(values.contentAssemblyTokenUrl).toBe(contentAssembly.tokenServiceURL);
      expect(values.contentAssemblyUrl).toBe(contentAssembly.URL);
      expect(values.transportTokenUrl).toBe(transport.tokenServiceURL);
      expect(values.transportUrl).toBe(transport.URL);
    },
  );
});

describe("a landscape's wiring in the synthesized stack", () => {
  it("names each Cloud Foundry key after its instance, `<instance>-key`", () => {
    const instances = stack.resource.cloudfoundry_service_instance;
    const keys = Object.values(stack.resource.cloudfoundry_service_credential_binding);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const instance = /^\$\{cloudfoundry_service_instance\.([^.]+)\.id\}$/.exec(
        String(key.service_instance),
      )?.[1];
      expect(key.name).toBe(`${String(instances[String(instance)].name)}-key`);
    }
  });

  it("names each token check `<construct>_token`, as `terraform plan` shows it, its data source alike", () => {
    for (const [name, check] of Object.entries(stack.check)) {
      expect(Object.keys(check.data.http)).toEqual([name]);
      if (
        check.assert.some((a) =>
          /destination "(ContentAssemblyService|TransportManagementService)"/.test(a.error_message),
        )
      ) {
        expect(name).toMatch(/^landscape_source_.+-destination-check_[0-9A-F]{8}_token$/);
      }
    }
  });

  it("names each destination in its own check's message, and checks each OAuth destination once", () => {
    const messages = Object.values(stack.check).flatMap((check) => check.assert.map((a) => a.error_message));
    for (const name of ["ContentAssemblyService", "TransportManagementService"]) {
      expect(messages.filter((m) => m.includes(`destination "${name}"`))).toHaveLength(1);
    }
    expect(checkNaming("ContentAssemblyService").url).toContain(CONTENT_AGENT_KEY);
    expect(checkNaming("ContentAssemblyService").url).not.toContain(TRANSPORT_KEY);
    expect(checkNaming("TransportManagementService").url).toContain(TRANSPORT_KEY);
    expect(checkNaming("TransportManagementService").url).not.toContain(CONTENT_AGENT_KEY);
  });

  it("has each object wait for the entitlement it needs, in its own subaccount", () => {
    const entitlement = (service: string) => {
      const found = Object.entries(stack.resource.btp_subaccount_entitlement).filter(
        ([, body]) => body.service_name === service,
      );
      expect(found).toHaveLength(1);
      return `btp_subaccount_entitlement.${found[0][0]}`;
    };
    // SAP's technical names: the Cloud Transport Management app is subscribed as alm-ts, plan standard.
    expect(resourceAt("btp_subaccount_subscription", "transport/subscription")).toMatchObject({
      app_name: "alm-ts",
      plan_name: "standard",
      subaccount_id: TRANSPORT,
      depends_on: [entitlement("alm-ts")],
    });
    expect(resourceAt("cloudfoundry_service_instance", "transport/instance/resource").depends_on).toEqual([
      entitlement("transport"),
    ]);
    expect(resourceAt("cloudfoundry_service_instance", "source/content-agent/resource").depends_on).toEqual([
      entitlement("content-agent"),
    ]);
    expect(stack.resource.btp_subaccount_entitlement[entitlement("alm-ts").split(".")[1]].subaccount_id).toBe(
      TRANSPORT,
    );
    expect(
      stack.resource.btp_subaccount_entitlement[entitlement("content-agent").split(".")[1]].subaccount_id,
    ).toBe(SOURCE);
  });

  it("creates each Cloud Foundry instance from SAP's offering and plan, in its own space", () => {
    const planOf = (path: string) => {
      const plan = /^\$\{data\.cloudfoundry_service_plan\.([^.]+)\.id\}$/.exec(
        String(resourceAt("cloudfoundry_service_instance", path).service_plan),
      )?.[1];
      const body = stack.data?.cloudfoundry_service_plan[String(plan)];
      return [body?.service_offering_name, body?.name];
    };
    expect(planOf("source/content-agent/resource")).toEqual(["content-agent", "standard"]);
    expect(planOf("transport/instance/resource")).toEqual(["transport", "standard"]);
    expect(resourceAt("cloudfoundry_service_instance", "source/content-agent/resource").space).toBe(
      SPACES.contentAgent,
    );
    expect(resourceAt("cloudfoundry_service_instance", "transport/instance/resource").space).toBe(
      SPACES.transport,
    );
  });

  it("exposes the target as given, and the deploy URL that TMSDeploy holds", () => {
    const [{ target }] = landscape.stages;
    expect(target.subaccountId).toBe(TARGET);
    expect(target.spaceId).toBe(SPACES.target);
    expect(destinationConfiguration("transport/deploy-destination")).toContain(
      `"URL" = "${target.deployServiceUrl}"`,
    );
    expect(target.deployServiceUrl).toBe(
      `https://deploy-service.cf.eu10-004.hana.ondemand.com/slprot/${SPACES.target}/slp`,
    );
  });

  it("exposes the deploy destination's name as the destination holds it, and the route between the nodes", () => {
    expect(landscape.transport.deployDestinationNames).toEqual(["TMSDeploy"]);
    expect(landscape.stages[0].deployDestinationName).toBe("TMSDeploy");
    expect(destinationConfiguration("transport/deploy-destination")).toContain('"Name" = "TMSDeploy"');
    expect(landscape.stages[0].routeName).toMatch(/APIM_DEV.*APIM_PROD/);
  });
});

describe("secrets: every construct that takes one refuses a literal, without quoting it", () => {
  it("OAuthClientCredentialsDestination's clientSecret, whatever the client ID is", () => {
    const destination = (scope: Construct, clientId: string, clientSecret: string) =>
      new OAuthClientCredentialsDestination(scope, "destination", {
        subaccountId: SOURCE,
        name: "ContentAssemblyService",
        url: "https://content-agent.cfapps.eu10.hana.ondemand.com",
        tokenServiceUrl: "https://acme-dev.authentication.eu10.hana.ondemand.com/oauth/token",
        clientId,
        clientSecret,
      });
    const reference = (scope: Construct, name = "secret") =>
      new TerraformVariable(scope, name, { type: "string", sensitive: true }).stringValue;
    const literalId = () => "sb-content-agent-3f9a!b117|content-agent!b53";
    for (const clientId of [literalId, (scope: Construct) => reference(scope, "client_id")]) {
      const message = validationProblemsOf((scope) => destination(scope, clientId(scope), "hunter2-literal"));
      expect(message).toContain("clientSecret must be a Terraform reference");
      expect(message).not.toContain("hunter2-literal");
    }
    // A literal client ID is no secret: with the secret a reference, the destination is made.
    expect(() =>
      synthAlone((scope) =>
        destination(scope, "sb-content-agent-3f9a!b117|content-agent!b53", reference(scope)),
      ),
    ).not.toThrow();
  });

  it("OAuthTokenCheck's clientSecret", () => {
    const message = validationProblemsOf(
      (scope) =>
        new OAuthTokenCheck(scope, "check", {
          tokenServiceUrl: "https://acme-dev.authentication.eu10.hana.ondemand.com/oauth/token",
          clientId: "sb-content-agent-3f9a!b117|content-agent!b53",
          clientSecret: "hunter2-literal",
          destinationName: "ContentAssemblyService",
        }),
    );
    expect(message).toContain("clientSecret");
    expect(message).not.toContain("hunter2-literal");
  });

  it("CloudTransportManagement's deployTargets[i].password", () => {
    const message = validationProblemsOf((scope) => {
      new CloudTransportManagement(scope, "transport", {
        subaccountId: TRANSPORT,
        spaceId: SPACES.transport,
        deployTargets: [
          {
            url: "https://deploy-service.cf.eu10-004.hana.ondemand.com/slprot/x/slp",
            user: "deployer@example.com",
            password: "hunter2-literal",
          },
        ],
      });
    });
    expect(message).toContain("deployTargets[0].password");
    expect(message).not.toContain("hunter2-literal");
  });
});

describe("CloudTransportManagement imported alone", () => {
  it("refuses a blank deploy URL, naming deployTargets[i].url", () => {
    const password = (scope: Construct) =>
      new TerraformVariable(scope, "password", { type: "string", sensitive: true }).stringValue;
    const message = validationProblemsOf((scope) => {
      new CloudTransportManagement(scope, "transport", {
        subaccountId: TRANSPORT,
        spaceId: SPACES.transport,
        deployTargets: [{ url: " ", user: "deployer@example.com", password: password(scope) }],
      });
    });
    expect(message).toContain('deployTargets[0].url " " is empty or blank');
  });
});

describe("a transport space behind another API endpoint, through environments.json", () => {
  it("reads its service plans through its own provider too", () => {
    const other = "https://api.cf.eu20-001.hana.ondemand.com";
    const file = writeConfig({
      environments: {
        prod: { globalAccount: "acme-global", subaccountId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b" },
      },
      landscapes: {
        transport: {
          globalAccount: "acme-global",
          cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
          source: { subaccountId: SOURCE, spaceId: SPACES.contentAgent, nodeName: "APIM_DEV" },
          transport: {
            subaccountId: TRANSPORT,
            spaceId: SPACES.transport,
            deployUser: "deployer@example.com",
            cloudFoundryApiUrl: other,
          },
          target: { subaccountId: TARGET, spaceId: SPACES.target, nodeName: "APIM_PROD" },
        },
      },
    });
    const synthesized = synthApp(file).transport as unknown as {
      data: Record<string, Record<string, { provider?: string; "//": { metadata: { path: string } } }>>;
    };
    const plans = Object.values(synthesized.data.cloudfoundry_service_plan).map((body) => [
      body["//"].metadata.path.split("/").slice(2).join("/"),
      body.provider,
    ]);
    expect(plans.sort()).toEqual([
      ["source/api-management/service-instance/plan", undefined],
      ["source/content-agent/plan", undefined],
      ["transport/instance/plan", "cloudfoundry.transport"],
    ]);
  });

  it("gives a stage's deploy user its role through the stage's endpoint, or the transport's where they are one", () => {
    const other = "https://api.cf.eu20-001.hana.ondemand.com";
    const stage = (nodeName: string, spaceId: string, subaccountId: string, cloudFoundryApiUrl?: string) => ({
      subaccountId,
      spaceId,
      nodeName,
      deployUser: `${nodeName.toLowerCase()}@example.com`,
      cloudFoundryApiUrl,
    });
    const file = writeConfig({
      landscapes: {
        transport: {
          globalAccount: "acme-global",
          cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
          source: { subaccountId: SOURCE, spaceId: SPACES.contentAgent, nodeName: "APIM_DEV" },
          transport: { subaccountId: TRANSPORT, spaceId: SPACES.transport, cloudFoundryApiUrl: other },
          stages: [
            stage("APIM_TEST", SPACES.target, TARGET),
            stage(
              "APIM_QA",
              "0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b",
              "1f2a3b4c-5d6e-4f7a-9b8c-0d1e2f3a4b5c",
              other,
            ),
            stage(
              "APIM_PROD",
              "2a3b4c5d-6e7f-4a8b-8c9d-0e1f2a3b4c5d",
              "3b4c5d6e-7f8a-4b9c-9d0e-1f2a3b4c5d6e",
              "https://api.cf.us10-001.hana.ondemand.com",
            ),
          ],
        },
      },
    });
    const synthesized = synthApp(file).transport as unknown as {
      resource: { cloudfoundry_space_role: Record<string, { username: string; provider?: string }> };
      provider: { cloudfoundry: Array<{ alias?: string; api_url: string }> };
      output: { manual_steps: { value: string[] } };
    };
    // Three stages: each route leads from the node just before, never from an earlier one.
    expect(
      synthesized.output.manual_steps.value
        .filter((step) => step.includes("transport route"))
        .map((step) => /Source Node "(\w+)", Target Node "(\w+)"/.exec(step)?.slice(1).join(" -> ")),
    ).toEqual(["APIM_DEV -> APIM_TEST", "APIM_TEST -> APIM_QA", "APIM_QA -> APIM_PROD"]);
    const roles = Object.values(synthesized.resource.cloudfoundry_space_role).map((r) => [
      r.username,
      r.provider,
    ]);
    expect(roles.sort()).toEqual([
      ["apim_prod@example.com", "cloudfoundry.target_APIM_PROD"],
      ["apim_qa@example.com", "cloudfoundry.transport"],
      ["apim_test@example.com", undefined],
    ]);
    const endpoints = Object.fromEntries(
      synthesized.provider.cloudfoundry.map((p) => [p.alias ?? "", p.api_url]),
    );
    expect(endpoints).toEqual({
      "": "https://api.cf.eu10.hana.ondemand.com",
      transport: other,
      target_APIM_PROD: "https://api.cf.us10-001.hana.ondemand.com",
    });
  });
});
