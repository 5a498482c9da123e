/**
 * A landscape as users set it up, in environments.json: each option changed alone must change what
 * the option is about in the synthesized stack and nothing else, and each landscape keeps a state of
 * its own, apart from every environment's and every other landscape's.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { ContentTransportLandscapeStack, loadConfiguration } from "@apim/stacks";
import { configurationProblemsOf, synthApp, writeConfig } from "./support/app";
import { stackDifference, stackValues } from "./support/stack-difference";
import { tempDir } from "./support/temp";
import { terraform } from "./support/terraform-eval";

const SOURCE = "8b1f4c2e-6a3d-4e9b-9c7a-2f5e1d0b3a64";
const TRANSPORT = "c3a9e7d1-4b2f-4a68-8e5c-9d1b7f3a2c05";
const TARGET_SPACE = "d9b4f2a7-6e3c-4d81-9a5f-8c2e7b1d4f36";
const OTHER = "7a3e9c1f-2b6d-4f80-a4c9-5e1d8b3f6a27";

const ENTRY = {
  globalAccount: "acme-dev",
  cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
  source: { subaccountId: SOURCE, spaceId: "4f7a2c9e-8d1b-4e63-b5a0-6c3e9f2d7b18", nodeName: "APIM_DEV" },
  transport: {
    subaccountId: TRANSPORT,
    spaceId: "a6c1e8d3-2f9b-4a75-8d4e-1b7c3f9a6e20",
    deployUser: "deployer@example.com",
  },
  target: {
    subaccountId: "e5d2b8f4-1c7a-4f36-a9e0-3b6c8d2f1a97",
    spaceId: TARGET_SPACE,
    nodeName: "APIM_PROD",
  },
};
type Entry = typeof ENTRY & Record<string, unknown>;

/** An environment beside the landscape, in a subaccount of its own, as most files have one. */
const PROD = { globalAccount: "acme-prod", subaccountId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b" };

/** `ENTRY` with `change` merged in, one level into source, transport and target. */
function changed(change: Record<string, unknown>): Entry {
  const merged: Record<string, unknown> = { ...ENTRY, ...change };
  for (const role of ["source", "transport", "target"] as const) {
    merged[role] = { ...ENTRY[role], ...(change[role] as object | undefined) };
  }
  return merged as Entry;
}

function stackOf(entry: Entry): ContentTransportLandscapeStack {
  const file = writeConfig({ environments: { prod: PROD }, landscapes: { transport: entry } });
  const [config] = loadConfiguration(file, ["transport"]).landscapes;
  return new ContentTransportLandscapeStack(Testing.app(), config);
}

const values = (entry: Entry) => stackValues(stackOf(entry), "content-transport");

const DEPLOY = "resource.btp_subaccount_destination_generic.deploy-destination";
const configurationWith = (text: string) => expect.stringContaining(text);

describe("a landscape's options in environments.json, one at a time", () => {
  const base = values(ENTRY);

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["globalAccount", { globalAccount: "acme-qa" }, { "provider.btp.0.globalaccount": "acme-qa" }],
    [
      "cliServerUrl",
      { cliServerUrl: "https://cli.btp.example.test" },
      { "provider.btp.0.cli_server_url": "https://cli.btp.example.test" },
    ],
    [
      "cloudFoundryApiUrl, which the target's deploy service follows unless the target has its own",
      { cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com" },
      {
        "provider.cloudfoundry.0.api_url": "https://api.cf.us10-001.hana.ondemand.com",
        [`${DEPLOY}.destination_configuration`]: configurationWith(
          `"URL" = "https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${TARGET_SPACE}/slp"`,
        ),
        "output.deploy_service_url.value": `https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${TARGET_SPACE}/slp`,
      },
    ],
    [
      "routeName",
      { routeName: "API_release" },
      {
        "output.manual_steps.value.2": expect.stringMatching(
          /route: Name "API_release", Source Node "APIM_DEV", Target Node "APIM_PROD"/,
        ),
      },
    ],
    [
      "source.subaccountId: the source's entitlements and its three destinations",
      { source: { subaccountId: OTHER } },
      {
        "resource.btp_subaccount_entitlement.source_api-management_entitlement_resource.subaccount_id": OTHER,
        "resource.btp_subaccount_entitlement.source_content-agent-entitlement.subaccount_id": OTHER,
        "resource.btp_subaccount_destination_generic.source_api-management_destination_resource.subaccount_id":
          OTHER,
        "resource.btp_subaccount_destination_generic.source_content-assembly-destination_resource.subaccount_id":
          OTHER,
        "resource.btp_subaccount_destination_generic.source_transport-destination_resource.subaccount_id":
          OTHER,
      },
    ],
    [
      "source.spaceId: the API portal and Content Agent instances, in one space as SAP's procedure has them",
      { source: { spaceId: OTHER } },
      {
        "resource.cloudfoundry_service_instance.source_api-management_service-instance_resource.space": OTHER,
        "resource.cloudfoundry_service_instance.source_content-agent_resource.space": OTHER,
      },
    ],
    [
      "source.nodeName: the transport destination's sourceSystemId and the steps that name the node",
      { source: { nodeName: "ApimSrc_Dev-1" } },
      {
        "resource.btp_subaccount_destination_generic.source_transport-destination_resource.destination_configuration":
          configurationWith('"sourceSystemId" = "ApimSrc_Dev-1"'),
        "output.manual_steps.value.0": expect.stringMatching(/source node: Name "ApimSrc_Dev-1"/),
        "output.manual_steps.value.2": expect.stringMatching(
          /route: Name "ApimSrc_Dev-1_to_APIM_PROD", Source Node "ApimSrc_Dev-1", Target Node "APIM_PROD"/,
        ),
      },
    ],
    [
      "transport.subaccountId: the entitlements, the subscription, TMSDeploy and where the nodes are made",
      { transport: { subaccountId: OTHER } },
      {
        "resource.btp_subaccount_entitlement.alm-ts-entitlement.subaccount_id": OTHER,
        "resource.btp_subaccount_entitlement.transport-entitlement.subaccount_id": OTHER,
        "resource.btp_subaccount_subscription.subscription.subaccount_id": OTHER,
        [`${DEPLOY}.subaccount_id`]: OTHER,
        "output.manual_steps.value.0": expect.stringContaining(`(subaccount ${OTHER})`),
      },
    ],
    [
      "transport.spaceId",
      { transport: { spaceId: OTHER } },
      { "resource.cloudfoundry_service_instance.instance_resource.space": OTHER },
    ],
    [
      "transport.deployUser",
      { transport: { deployUser: "release.deployer@example.com" } },
      {
        [`${DEPLOY}.destination_configuration`]: configurationWith('"User" = "release.deployer@example.com"'),
      },
    ],
    [
      "transport.landscapeOperators: an assignment in the transport subaccount, once subscribed",
      { transport: { landscapeOperators: ["ops@example.com"] } },
      {
        "resource.btp_subaccount_role_collection_assignment.landscape-operator-opsexamplecom.subaccount_id":
          TRANSPORT,
        "resource.btp_subaccount_role_collection_assignment.landscape-operator-opsexamplecom.role_collection_name":
          "TMS_LandscapeOperator_RC",
        "resource.btp_subaccount_role_collection_assignment.landscape-operator-opsexamplecom.user_name":
          "ops@example.com",
        "resource.btp_subaccount_role_collection_assignment.landscape-operator-opsexamplecom.depends_on.0":
          expect.stringMatching(/^btp_subaccount_subscription\./),
      },
    ],
    [
      "transport.createEntitlements false: no entitlement, nothing waits for one",
      { transport: { createEntitlements: false } },
      {
        "resource.btp_subaccount_entitlement.alm-ts-entitlement.plan_name": undefined,
        "resource.btp_subaccount_entitlement.alm-ts-entitlement.service_name": undefined,
        "resource.btp_subaccount_entitlement.alm-ts-entitlement.subaccount_id": undefined,
        "resource.btp_subaccount_entitlement.transport-entitlement.plan_name": undefined,
        "resource.btp_subaccount_entitlement.transport-entitlement.service_name": undefined,
        "resource.btp_subaccount_entitlement.transport-entitlement.subaccount_id": undefined,
        "resource.btp_subaccount_subscription.subscription.depends_on.0": undefined,
        "resource.cloudfoundry_service_instance.instance_resource.depends_on.0": undefined,
      },
    ],
    [
      "transport.createSubscription false",
      { transport: { createSubscription: false } },
      {
        "resource.btp_subaccount_subscription.subscription.app_name": undefined,
        "resource.btp_subaccount_subscription.subscription.depends_on.0": undefined,
        "resource.btp_subaccount_subscription.subscription.plan_name": undefined,
        "resource.btp_subaccount_subscription.subscription.subaccount_id": undefined,
      },
    ],
    [
      "transport.cloudFoundryApiUrl: a provider of its own, for the transport instance, its plan and its key",
      { transport: { cloudFoundryApiUrl: "https://api.cf.eu20-001.hana.ondemand.com" } },
      {
        "provider.cloudfoundry.1.alias": "transport",
        "provider.cloudfoundry.1.api_url": "https://api.cf.eu20-001.hana.ondemand.com",
        "data.cloudfoundry_service_plan.instance_plan.provider": "cloudfoundry.transport",
        "resource.cloudfoundry_service_instance.instance_resource.provider": "cloudfoundry.transport",
        "resource.cloudfoundry_service_credential_binding.key_resource.provider": "cloudfoundry.transport",
      },
    ],
    [
      "target.spaceId: the deploy service's URL",
      { target: { spaceId: OTHER } },
      {
        [`${DEPLOY}.destination_configuration`]: configurationWith(
          `"URL" = "https://deploy-service.cf.eu10.hana.ondemand.com/slprot/${OTHER}/slp"`,
        ),
        "output.deploy_service_url.value": `https://deploy-service.cf.eu10.hana.ondemand.com/slprot/${OTHER}/slp`,
      },
    ],
    [
      "target.cloudFoundryApiUrl: the deploy service's domain, the stack's provider unchanged",
      { target: { cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com" } },
      {
        [`${DEPLOY}.destination_configuration`]: configurationWith(
          `"URL" = "https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${TARGET_SPACE}/slp"`,
        ),
        "output.deploy_service_url.value": `https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${TARGET_SPACE}/slp`,
      },
    ],
    [
      "target.nodeName: the destination node and the route's target",
      { target: { nodeName: "APIM_QA" } },
      {
        "output.manual_steps.value.1": expect.stringMatching(/destination node: Name "APIM_QA"/),
        "output.manual_steps.value.2": expect.stringMatching(
          /route: Name "APIM_DEV_to_APIM_QA", Source Node "APIM_DEV", Target Node "APIM_QA"/,
        ),
      },
    ],
    [
      "backend",
      {
        backend: {
          type: "s3",
          bucket: "tf-state",
          key: "landscapes/transport.tfstate",
          region: "eu-central-1",
        },
      },
      {
        "terraform.backend.local.path": undefined,
        "terraform.backend.s3.bucket": "tf-state",
        "terraform.backend.s3.key": "landscapes/transport.tfstate",
        "terraform.backend.s3.region": "eu-central-1",
      },
    ],
    [
      "transport.cloudFoundryApiUrl the landscape's own: no second provider",
      { transport: { cloudFoundryApiUrl: ENTRY.cloudFoundryApiUrl } },
      {},
    ],
  ])("%s", (_, change, expected) => {
    expect(stackDifference(base, values(changed(change)))).toStrictEqual(expected);
  });

  it("source.connectionCheck false: no token check is left, and nothing else changes but the http provider", () => {
    const gone = stackDifference(base, values(changed({ source: { connectionCheck: false } })));
    const paths = Object.keys(gone);
    expect(paths.length).toBeGreaterThan(0);
    expect(
      paths.filter((p) => !p.startsWith("check.") && !p.startsWith("terraform.required_providers.http")),
    ).toEqual([]);
    expect(Object.values(gone).filter((value) => value !== undefined)).toEqual([]);
    expect([...base.keys()].filter((p) => p.startsWith("check.")).every((p) => p in gone)).toBe(true);
  });

  it("target.subaccountId: what must hold before the deploy names it (the target gets no object of its own)", () => {
    const stack = stackOf(changed({ target: { subaccountId: OTHER } }));
    expect(stack.landscape.stages[0].target.subaccountId).toBe(OTHER);
    expect(stack.landscape.prerequisites[0]).toContain(`the target subaccount ${OTHER}`);
    expect(stackDifference(base, stackValues(stack, "content-transport"))).toStrictEqual({});
  });
});

describe("a landscape's state", () => {
  const second = { ...ENTRY, source: { ...ENTRY.source, subaccountId: OTHER } };
  const s3 = { type: "s3", bucket: "tf-state", key: "apim/shared.tfstate", region: "eu-central-1" };

  it("is terraform.<landscape>.tfstate in the project by default, as Terraform itself finds it", () => {
    const synthesized = JSON.parse(Testing.synth(stackOf(ENTRY))) as {
      terraform: { backend: Record<string, unknown> };
    };
    expect(synthesized.terraform.backend).toEqual({
      local: { path: "../../../terraform.transport.tfstate" },
    });
    // Terraform, run where cdktf puts the stack, writes the state there: the backend and an output only.
    const project = tempDir();
    const stackDir = join(project, "cdktf.out", "stacks", "transport");
    mkdirSync(stackDir, { recursive: true });
    writeFileSync(
      join(stackDir, "cdk.tf.json"),
      JSON.stringify({
        terraform: { backend: synthesized.terraform.backend },
        output: { written: { value: "yes" } },
      }),
    );
    terraform(stackDir, ["init", "-input=false"]);
    terraform(stackDir, ["apply", "-auto-approve", "-input=false"]);
    expect(readdirSync(project).filter((f) => f.endsWith(".tfstate"))).toEqual([
      "terraform.transport.tfstate",
    ]);
    expect(existsSync(join(stackDir, "terraform.tfstate"))).toBe(false);
  });

  it("is refused where another landscape keeps its state", () => {
    expect(
      configurationProblemsOf({
        environments: { prod: PROD },
        landscapes: { one: { ...ENTRY, backend: s3 }, two: { ...second, backend: s3 } },
      }),
    ).toContain(
      'landscape "one" and landscape "two" share one Terraform state (s3:///tf-state/apim/shared.tfstate); each needs its own',
    );
  });

  it("is refused where an environment keeps its state, a local file the same way as a remote one", () => {
    const local = { type: "local", path: "/var/lib/terraform/apim.tfstate" };
    for (const backend of [s3, local]) {
      expect(
        configurationProblemsOf({
          environments: { prod: { ...PROD, backend } },
          landscapes: { transport: { ...ENTRY, backend } },
        }),
      ).toContain('environment "prod" and landscape "transport" share one Terraform state');
    }
  });

  it("is said once where only environments share one, a landscape beside them", () => {
    const message = configurationProblemsOf({
      environments: { prod: { ...PROD, backend: s3 }, qa: { ...PROD, subaccountId: OTHER, backend: s3 } },
      landscapes: { transport: ENTRY },
    });
    expect(message.match(/share one Terraform state/g)).toHaveLength(1);
    expect(message).not.toContain("landscape");
  });

  it("by default is apart from every environment's and every other landscape's", () => {
    const { landscapes } = loadConfiguration(
      writeConfig({ environments: { prod: PROD }, landscapes: { one: ENTRY, two: second } }),
    );
    expect(landscapes.map((l) => l.name)).toEqual(["one", "two"]);
  });

  it("is refused inside the synth output, naming the landscape", () => {
    // Relative to the stack's folder, cdktf.out/stacks/transport: two levels up is still cdktf.out.
    expect(
      configurationProblemsOf({
        environments: { prod: PROD },
        landscapes: { transport: { ...ENTRY, backend: { type: "local", path: "../../transport.tfstate" } } },
      }),
    ).toMatch(
      /landscape "transport": backend\.path "\.\.\/\.\.\/transport\.tfstate" puts the state at .*cdktf\.out.*the state would be lost/,
    );
    expect(
      configurationProblemsOf({
        environments: { prod: PROD },
        landscapes: { transport: { ...ENTRY, backend: { type: "local", path: "terraform.tfstate" } } },
      }),
    ).toMatch(
      /landscape "transport": backend\.path "terraform\.tfstate" puts the state at .*the state would be lost/,
    );
  });
});

describe("a file of landscapes alone", () => {
  it("needs no environment: it synthesizes the landscape's stack only", () => {
    const stacks = synthApp(writeConfig({ landscapes: { transport: ENTRY } }));
    expect(Object.keys(stacks)).toEqual(["transport"]);
    expect(stacks.transport.provider?.btp).toEqual([{ globalaccount: "acme-dev" }]);
  });
});

describe("a landscape's Cloud Foundry API endpoints", () => {
  // A plain http:// endpoint would send the deploy user's and the providers' credentials in clear.
  it.each([
    [{ cloudFoundryApiUrl: "http://api.cf.eu10.hana.ondemand.com" }, "cloudFoundryApiUrl"],
    [
      { transport: { cloudFoundryApiUrl: "http://api.cf.eu20.hana.ondemand.com" } },
      "transport.cloudFoundryApiUrl",
    ],
    [{ target: { cloudFoundryApiUrl: "http://api.cf.us10.hana.ondemand.com" } }, "target.cloudFoundryApiUrl"],
  ])("refuses http:// in %j, naming the landscape and %s", (change, field) => {
    const message = configurationProblemsOf({
      environments: { prod: PROD },
      landscapes: { transport: changed(change) },
    });
    expect(message).toMatch(
      new RegExp(`landscape "transport": ${field.replace(".", "\\.")} "http://api\\.cf\\.`),
    );
  });

  // A token in the query is a credential as much as a password in the authority.
  it.each([
    [
      "cloudFoundryApiUrl",
      { cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com/?token=made-up-token" },
    ],
    ["cliServerUrl", { cliServerUrl: "https://cli.btp.example.test/?sig=made-up-signature" }],
    [
      "cloudFoundryApiUrl",
      { cloudFoundryApiUrl: "https://deployer:made-up-password@api.cf.eu10.hana.ondemand.com" },
    ],
  ])("refuses a query or a password in %s as credentials, without quoting it", (field, change) => {
    const message = configurationProblemsOf({ landscapes: { transport: changed(change) } });
    expect(message).toContain(`landscape "transport": ${field} holds a URL with credentials`);
    expect(message).not.toContain("made-up");
  });

  it("takes a target endpoint with a trailing slash as the same endpoint: the same stack", () => {
    const slashed = changed({ target: { cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com/" } });
    expect(stackDifference(values(ENTRY), values(slashed))).toEqual({});
  });
});

describe("a landscape's people in environments.json", () => {
  it("assigns each list's role collection to its users and groups, from the file's own field names", () => {
    const stack = synthApp(
      writeConfig({
        landscapes: {
          transport: changed({
            source: {
              apiPortalAdministrators: ["admin@example.com"],
              apiPortalConfigurators: [{ group: "Transporters", origin: "acme" }],
            },
            transport: {
              landscapeOperators: [{ user: "op@example.com", origin: "acme" }],
              viewers: ["viewer@example.com"],
            },
          }),
        },
      }),
    ).transport as unknown as {
      resource: Record<
        string,
        Record<
          string,
          { role_collection_name: string; user_name?: string; group_name?: string; subaccount_id: string }
        >
      >;
    };
    expect(
      Object.values(stack.resource.btp_subaccount_role_collection_assignment)
        .map((a) => `${a.subaccount_id} ${a.role_collection_name} ${a.user_name ?? a.group_name}`)
        .sort(),
    ).toEqual(
      [
        `${SOURCE} APIPortal.Administrator admin@example.com`,
        `${SOURCE} APIPortal.Configurator Transporters`,
        `${TRANSPORT} TMS_LandscapeOperator_RC op@example.com`,
        `${TRANSPORT} TMS_Viewer_RC viewer@example.com`,
      ].sort(),
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "a group without its origin",
      { source: { apiPortalConfigurators: [{ group: "Transporters" }] } },
      'source.apiPortalConfigurators[0] {"group":"Transporters"} is none of the forms it may take: A user\'s e-mail',
    ],
    [
      "a member that is a number",
      { transport: { viewers: [42] } },
      "transport.viewers[0] 42 is none of the forms it may take",
    ],
    [
      "a user listed twice",
      { transport: { viewers: ["v@example.com", "v@example.com"] } },
      'transport.viewers[1] "v@example.com" is listed twice',
    ],
  ])("refuses %s, naming the entry once", (_, change, refused) => {
    const message = configurationProblemsOf({ landscapes: { transport: changed(change) } });
    expect(message).toContain(`landscape "transport": ${refused}`);
    // One line about the entry, not one per form it fails.
    expect(message.split("\n").filter((line) => line.includes("[0]") || line.includes("[1]"))).toHaveLength(
      1,
    );
  });
});

describe("a landscape of stages in environments.json", () => {
  const PROD_SPACE = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";
  const STAGES = [
    {
      subaccountId: ENTRY.target.subaccountId,
      spaceId: TARGET_SPACE,
      nodeName: "APIM_TEST",
      deployUser: "test@example.com",
    },
    {
      subaccountId: OTHER,
      spaceId: PROD_SPACE,
      cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
      nodeName: "APIM_PROD",
      deployUser: "prod@example.com",
    },
  ];
  const withoutTarget = { ...ENTRY, target: undefined };
  const staged = (stages: unknown[] = STAGES, extra: Record<string, unknown> = {}) => ({
    ...withoutTarget,
    transport: { subaccountId: ENTRY.transport.subaccountId, spaceId: ENTRY.transport.spaceId },
    stages,
    ...extra,
  });
  const synthesized = () =>
    synthApp(writeConfig({ landscapes: { transport: staged() } })).transport as unknown as {
      variable: Record<string, { sensitive: boolean }>;
      output: Record<string, { value: unknown }>;
    };

  it("takes each stage's password from a sensitive variable of its own, and says each stage's deploy service", () => {
    const stack = synthesized();
    expect(Object.keys(stack.variable).sort()).toEqual([
      "tms_deploy_password",
      "tms_deploy_password_APIM_PROD",
    ]);
    expect(Object.values(stack.variable).every((v) => v.sensitive)).toBe(true);
    expect(stack.output.deploy_service_url).toBeUndefined();
    expect(stack.output.deploy_service_urls.value).toEqual({
      APIM_TEST: `https://deploy-service.cf.eu10.hana.ondemand.com/slprot/${TARGET_SPACE}/slp`,
      APIM_PROD: `https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/${PROD_SPACE}/slp`,
    });
  });

  it("maps each stage's fields to the construct's, the landscape's endpoint where a stage names none", () => {
    const [config] = loadConfiguration(
      writeConfig({
        landscapes: {
          transport: staged(
            STAGES.map((stage, i) => ({ ...stage, routeName: `R${i}`, deployDestinationName: `D${i}` })),
          ),
        },
      }),
    ).landscapes;
    expect(config.landscape.stages).toEqual([
      {
        target: {
          subaccountId: STAGES[0].subaccountId,
          spaceId: TARGET_SPACE,
          cloudFoundryApiUrl: ENTRY.cloudFoundryApiUrl,
        },
        nodeName: "APIM_TEST",
        deployUser: "test@example.com",
        deployDestinationName: "D0",
        routeName: "R0",
      },
      {
        target: {
          subaccountId: OTHER,
          spaceId: PROD_SPACE,
          cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
        },
        nodeName: "APIM_PROD",
        deployUser: "prod@example.com",
        deployDestinationName: "D1",
        routeName: "R1",
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["target and stages both", { ...staged(), target: ENTRY.target }, "has both target and stages"],
    [
      "neither target nor stages",
      { ...withoutTarget },
      "target is required (or stages, a list of target stages)",
    ],
    [
      "transport.deployUser beside stages",
      staged(STAGES, { transport: ENTRY.transport }),
      "transport.deployUser is for a landscape with target; with stages, each stage names its deployUser",
    ],
    [
      "routeName beside stages",
      staged(STAGES, { routeName: "R" }),
      "routeName is for a landscape with target",
    ],
    [
      "target without transport.deployUser",
      { ...ENTRY, transport: { ...ENTRY.transport, deployUser: undefined } },
      "transport.deployUser is required",
    ],
    ["an empty list of stages", staged([]), "stages must list at least one target stage"],
    [
      "a stage's subaccount that is no GUID",
      staged([STAGES[0], { ...STAGES[1], subaccountId: "prod" }]),
      'stages[1].subaccountId "prod" is not a GUID',
    ],
    [
      "a stage's node that is the source's",
      staged([STAGES[0], { ...STAGES[1], nodeName: "APIM_DEV" }]),
      'stages[1].nodeName "APIM_DEV" is already the source node',
    ],
    [
      "a stage without its deploy user",
      staged([STAGES[0], { ...STAGES[1], deployUser: undefined }]),
      "stages[1].deployUser is required",
    ],
  ])("refuses %s, naming the landscape and the field as the file has it", (_, entry, refused) => {
    expect(configurationProblemsOf({ landscapes: { transport: entry } })).toContain(
      `landscape "transport": ${refused}`,
    );
  });

  it("gives a deploy user of a custom identity provider an OAuth2Password destination, through the file", () => {
    const deployConfiguration = (entry: Record<string, unknown>, name: string) => {
      const stack = synthApp(writeConfig({ landscapes: { transport: entry } })).transport as unknown as {
        resource: Record<string, Record<string, { destination_configuration: string }>>;
      };
      return Object.values(stack.resource.btp_subaccount_destination_generic)
        .map((d) => d.destination_configuration)
        .find((c) => c.includes(`"Name" = "${name}"`));
    };
    const oauth = { deployAuthentication: "OAuth2Password", deployUserOrigin: "acme-platform" };
    const later = deployConfiguration(staged([STAGES[0], { ...STAGES[1], ...oauth }]), "TMSDeploy_APIM_PROD");
    expect(later).toContain('"Authentication" = "OAuth2Password"');
    expect(later).toContain('"tokenServiceURL" = "https://login.cf.us10-001.hana.ondemand.com"');
    expect(later).toContain('"origin" = "acme-platform"');
    // A landscape with target: beside transport.deployUser.
    const single = deployConfiguration(changed({ transport: oauth }), "TMSDeploy");
    expect(single).toContain('"Authentication" = "OAuth2Password"');
    expect(single).toContain('"tokenServiceURL" = "https://login.cf.eu10.hana.ondemand.com"');
    expect(single).toContain('"User" = "deployer@example.com"');
    expect(
      configurationProblemsOf({
        landscapes: { transport: changed({ transport: { deployUserOrigin: "acme" } }) },
      }),
    ).toContain(
      'landscape "transport": transport.deployUserOrigin "acme" needs deployAuthentication "OAuth2Password"',
    );
    expect(
      configurationProblemsOf({
        landscapes: { transport: staged([{ ...STAGES[0], deployAuthentication: "SAML" }]) },
      }),
    ).toContain('landscape "transport": stages[0].deployAuthentication "SAML"');
  });

  it("gives each stage's deploy user Space Developer through the provider of the stage's endpoint, a landscape with target only when asked", () => {
    type Roles = {
      resource: Record<string, Record<string, { space: string; username: string; provider?: string }>>;
      provider: { cloudfoundry: Array<{ alias?: string; api_url: string }> };
    };
    const stack = synthApp(writeConfig({ landscapes: { transport: staged() } }))
      .transport as unknown as Roles;
    const roles = Object.values(stack.resource.cloudfoundry_space_role).map((r) => [
      r.space,
      r.username,
      r.provider,
    ]);
    expect(roles.sort()).toEqual(
      [
        [TARGET_SPACE, "test@example.com", undefined],
        [PROD_SPACE, "prod@example.com", "cloudfoundry.target_APIM_PROD"],
      ].sort(),
    );
    expect(stack.provider.cloudfoundry).toContainEqual({
      alias: "target_APIM_PROD",
      api_url: "https://api.cf.us10-001.hana.ondemand.com",
    });
    const without = synthApp(
      writeConfig({
        landscapes: { transport: staged([STAGES[0], { ...STAGES[1], spaceDeveloperRole: false }]) },
      }),
    ).transport as unknown as Roles;
    expect(Object.values(without.resource.cloudfoundry_space_role).map((r) => r.username)).toEqual([
      "test@example.com",
    ]);
    expect(without.provider.cloudfoundry.map((p) => p.alias)).toEqual([undefined]);
    const single = (transport: Record<string, unknown>) =>
      (
        synthApp(writeConfig({ landscapes: { transport: changed({ transport }) } }))
          .transport as unknown as Roles
      ).resource.cloudfoundry_space_role;
    expect(single({})).toBeUndefined();
    expect(Object.values(single({ spaceDeveloperRole: true }) ?? {})).toEqual([
      expect.objectContaining({ space: TARGET_SPACE, username: "deployer@example.com", origin: "sap.ids" }),
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "the source's space as a stage's, in another subaccount",
      { stages: [{ ...STAGES[0], spaceId: ENTRY.source.spaceId }, STAGES[1]] },
      `stages[0].spaceId "${ENTRY.source.spaceId}" is already the source's space, in subaccount "${SOURCE}"; a space belongs to one subaccount's Cloud Foundry org`,
    ],
    [
      "one space for two stages",
      { stages: [STAGES[0], { ...STAGES[1], spaceId: TARGET_SPACE }] },
      `stages[1].spaceId "${TARGET_SPACE}" is already stages[0]'s space`,
    ],
    [
      "the source's space for the transport, in another subaccount",
      { transport: { subaccountId: ENTRY.transport.subaccountId, spaceId: ENTRY.source.spaceId } },
      `transport.spaceId "${ENTRY.source.spaceId}" is already the source's space`,
    ],
  ])("refuses %s: a space lives in one subaccount", (_, change, refused) => {
    expect(
      configurationProblemsOf({
        landscapes: { transport: { ...staged(), ...change } },
      }),
    ).toContain(`landscape "transport": ${refused}`);
  });

  it("takes one space for the source and the transport where they are one subaccount", () => {
    const [config] = loadConfiguration(
      writeConfig({
        landscapes: {
          transport: { ...staged(), transport: { subaccountId: SOURCE, spaceId: ENTRY.source.spaceId } },
        },
      }),
    ).landscapes;
    expect(config.landscape.transport.spaceId).toBe(ENTRY.source.spaceId);
  });

  it("refuses a global account that is not its subdomain, as for an environment", () => {
    expect(
      configurationProblemsOf({
        landscapes: { transport: { ...ENTRY, globalAccount: "https://acme.accounts.ondemand.com" } },
      }),
    ).toContain(
      'landscape "transport": globalAccount "https://acme.accounts.ondemand.com" is not a global account subdomain',
    );
  });

  it("names a landscape with target by the file's fields, as before stages", () => {
    const message = configurationProblemsOf({
      landscapes: { transport: changed({ target: { nodeName: "APIM PROD", subaccountId: SOURCE } }) },
    });
    expect(message).toContain('landscape "transport": target.nodeName "APIM PROD" may contain only');
    expect(message).toContain(
      `landscape "transport": target.subaccountId "${SOURCE}" is the source subaccount`,
    );
    expect(message).not.toContain("stages[");
  });
});

describe("a landscape's deploy password", () => {
  const variable = () =>
    (JSON.parse(Testing.synth(stackOf(ENTRY))) as { variable: Record<string, Record<string, unknown>> })
      .variable;

  it("is a sensitive, non-null string variable, the only variable of the stack", () => {
    expect(Object.keys(variable())).toEqual(["tms_deploy_password"]);
    expect(variable().tms_deploy_password).toMatchObject({
      type: "string",
      sensitive: true,
      nullable: false,
    });
  });

  it("is sensitive as Terraform reads it: an output that shows it unmarked is refused", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({ variable: variable(), output: { shown: { value: "${var.tms_deploy_password}" } } }),
    );
    expect(() => terraform(dir, ["validate"])).toThrow("Output refers to sensitive values");
  });
});
