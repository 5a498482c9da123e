import { Testing } from "cdktf";
import { ContentTransportLandscapeStack, LandscapeConfig, parseConfiguration } from "@apim/stacks";
import { landscapeReport } from "../src/landscape-report";
import { Fetch, checkNodes, transportKeyOf } from "../src/transport-nodes";
import { landscape } from "../cli/landscape";
import { writeConfig } from "../../../__tests__/support/app";
import { runCommand } from "../../../__tests__/support/command";
import { tempDir } from "../../../__tests__/support/temp";
import { TESTED_LANDSCAPE, TESTED_STAGES, terraformVariants } from "../src/terraform-variants";

const variants = terraformVariants();
const { landscapes } = parseConfiguration("(variants)", variants);
const configOf = (name: string): LandscapeConfig => {
  const config = landscapes.find((landscape) => landscape.name === name);
  if (!config) throw new Error(`no landscape ${name}`);
  return config;
};
const report = (name: string) => landscapeReport(configOf(name));

/** The `Name` of every destination the landscape's stack declares, by the subaccount it is made in; its output must agree. */
function declaredDestinations(config: LandscapeConfig): Record<string, string[]> {
  const stack = JSON.parse(Testing.synth(new ContentTransportLandscapeStack(Testing.app(), config))) as {
    resource: Record<string, Record<string, { subaccount_id: string; destination_configuration: string }>>;
    output: { destinations: { value: { source: string[]; transport: string[] } } };
  };
  // The stack's output lists the same names, by role, as `cdktf deploy` prints them.
  const { source, transport } = config.landscape;
  const listed = stack.output.destinations.value;
  const bySubaccount: Record<string, string[]> = {};
  for (const d of Object.values(stack.resource.btp_subaccount_destination_generic)) {
    const name = /"Name" = "([^"]+)"/.exec(d.destination_configuration)?.[1] ?? "(none)";
    bySubaccount[d.subaccount_id] = [...(bySubaccount[d.subaccount_id] ?? []), name].sort();
  }
  expect({
    [source.subaccountId]: [...listed.source].sort(),
    [transport.subaccountId]: listed.transport,
  }).toEqual(bySubaccount);
  return bySubaccount;
}

describe("npm run landscape", () => {
  it("lists the nodes and the route to create by hand, in order, with the values to enter", () => {
    const steps = report(TESTED_LANDSCAPE).split("## After the deploy")[1];
    expect(steps).toMatch(/1\. .*source node: Name "APIM_SOURCE", Allow Upload to Node on/);
    expect(steps).toMatch(
      /2\. .*destination node: Name "APIM_TARGET", Allow Upload to Node on, Content Type "Multi-Target Application", Destination "TMSDeploy"/,
    );
    expect(steps).toMatch(
      /3\. .*route: Name "APIM_SOURCE_to_APIM_TARGET", Source Node "APIM_SOURCE", Target Node "APIM_TARGET"/,
    );
  });

  it("lists a landscape's three nodes, then its two routes from node to node, in order", () => {
    const text = report(TESTED_STAGES);
    const steps = text
      .split("## After the deploy")[1]
      .split("\n")
      .filter((line) => /^\d+\. /.test(line));
    expect(steps).toEqual([
      expect.stringMatching(/^1\. .*source node: Name "APIM_DEV", Allow Upload to Node on\.$/),
      expect.stringMatching(
        /^2\. .*destination node: Name "APIM_TEST", .*Destination "TMSDeploy", Forward Mode "Pre-Import"\.$/,
      ),
      expect.stringMatching(
        /^3\. .*destination node: Name "APIM_PROD", .*Destination "TMSDeploy_APIM_PROD"\.$/,
      ),
      expect.stringMatching(
        /^4\. .*route: Name "APIM_DEV_to_APIM_TEST", Source Node "APIM_DEV", Target Node "APIM_TEST"\.$/,
      ),
      expect.stringMatching(
        /^5\. .*route: Name "API_portal_release", Source Node "APIM_TEST", Target Node "APIM_PROD"\.$/,
      ),
    ]);
    // Each stage's deploy user made Space Developer where the stage is, and not left as a prerequisite.
    const [test, prod] = configOf(TESTED_STAGES).landscape.stages;
    expect(text).toContain(
      `- Target "APIM_PROD" subaccount ${prod.target.subaccountId}: Space Developer "prod-deployer@example.com" in space ${prod.target.spaceId}`,
    );
    expect(text).toContain(`Space Developer "test-deployer@example.com" in space ${test.target.spaceId}`);
    expect(text.split("## What the deploy sets up")[0]).not.toContain("is a Space Developer");
    // Who gets which role collection, in the subaccount where it is assigned.
    const line = (start: string) => text.split("\n").find((l) => l.startsWith(start)) ?? "";
    expect(line("- Source subaccount")).toContain(
      "role collection APIPortal.Administrator for release.manager@example.com; role collection APIPortal.Configurator for group APIM-Transporters (acme-platform)",
    );
    expect(line("- Transport subaccount")).toContain(
      "role collection TMS_LandscapeOperator_RC for operator@example.com; role collection TMS_Viewer_RC for auditor@example.com (acme-platform)",
    );
    // Each stage's password variable, and each stage's deploy destination where it is made.
    expect(text).toContain(
      "tms_deploy_password (TF_VAR_tms_deploy_password), tms_deploy_password_APIM_PROD (TF_VAR_tms_deploy_password_APIM_PROD)",
    );
    expect(text).toMatch(
      /destination "TMSDeploy" to https:\/\/deploy-service\.cf\.eu10\.hana\.ondemand\.com\/.*destination "TMSDeploy_APIM_PROD" to https:\/\/deploy-service\.cf\.us10-001\./,
    );
    expect(
      declaredDestinations(configOf(TESTED_STAGES))[configOf(TESTED_STAGES).landscape.transport.subaccountId],
    ).toEqual(["TMSDeploy", "TMSDeploy_APIM_PROD"]);
  });

  it("says what must hold first, the deploy password's variable among it, and what the deploy makes where", () => {
    const text = report("landscape-prepared");
    expect(text).toContain("TF_VAR_tms_deploy_password");
    expect(text).toContain("APIPortal.Administrator or APIPortal.Configurator");
    expect(text).toMatch(
      /Transport subaccount [0-9a-f-]+: transport service instance and key; destination "TMSDeploy" to https:\/\/deploy-service\.cf\.us10-001\.hana\.ondemand\.com\//,
    );
    // This landscape's transport subaccount is subscribed already, so the report does not claim it.
    expect(text).not.toContain("subscription alm-ts");
    expect(text).toContain('Name "API_portal_release"');
    // Each space by its role: a user who creates a space in the wrong subaccount finds no instance.
    const { source, transport, stages } = configOf("landscape-prepared").landscape;
    expect(text).toContain(
      `${source.contentAgentSpaceId} (source), ${transport.spaceId} (transport), ${stages[0].target.spaceId} (target); "${stages[0].deployUser}" is a Space Developer in the target space`,
    );
  });

  it("names each destination as the stack declares it, a deploy destination of another name included", () => {
    const prepared = configOf("landscape-prepared");
    const config: LandscapeConfig = {
      ...prepared,
      landscape: {
        ...prepared.landscape,
        stages: [{ ...prepared.landscape.stages[0], deployDestinationName: "TMSDeploy_APIM" }],
      },
    };
    const { source, transport } = config.landscape;
    expect(declaredDestinations(config)).toEqual({
      [source.subaccountId]: ["APIManagement", "ContentAssemblyService", "TransportManagementService"],
      [transport.subaccountId]: ["TMSDeploy_APIM"],
    });
    const text = landscapeReport(config);
    const line = (role: string) => text.split("\n").find((l) => l.startsWith(`- ${role} subaccount`)) ?? "";
    expect(line("Source")).toContain(`Source subaccount ${source.subaccountId}:`);
    for (const name of ["APIManagement", "ContentAssemblyService", "TransportManagementService"]) {
      expect(line("Source")).toContain(`destination "${name}"`);
    }
    expect(line("Transport")).toContain(`Transport subaccount ${transport.subaccountId}:`);
    expect(line("Transport")).toContain('destination "TMSDeploy_APIM" to https://deploy-service.');
    // The destination node must name the destination the deploy made, or the import finds none.
    expect(text).toMatch(/2\. .*destination node: .*Destination "TMSDeploy_APIM"/);
    expect(text).not.toMatch(/"TMSDeploy"/);
  });
});

describe("npm run landscape -- <name> --check", () => {
  // A deployed landscape's state as `terraform show -json` gives it: the Content Agent's key and the
  // transport service's, made up in the shapes Cloud Foundry returns.
  const binding = (credentials: unknown) => ({
    type: "cloudfoundry_service_credential_binding",
    values: { credential_binding: JSON.stringify({ credentials }) },
  });
  const KEY = {
    uri: "https://transport-service-app-backend.ts.cfapps.eu10.hana.ondemand.com",
    uaa: {
      url: "https://acme-transport.authentication.eu10.hana.ondemand.com/",
      clientid: "sb-7f3c2a19-tms!b2",
      clientsecret: "made-up-tms-secret",
    },
  };
  const SHOW = JSON.stringify({
    values: {
      root_module: {
        resources: [
          binding({
            url: "https://content-agent.example.test",
            uaa: { ...KEY.uaa, clientsecret: "made-up-ca-secret" },
          }),
          binding(KEY),
        ],
      },
    },
  });

  /** A fetch that answers as Cloud Transport Management would, and records what it was asked. */
  function fakeTms(nodes: string[], tokenStatus = 200) {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch: Fetch = async (url, init) => {
      calls.push({ url, init });
      const body = url.endsWith("/oauth/token")
        ? { access_token: "made-up-token" }
        : { nodes: nodes.map((name, id) => ({ id, name })) };
      const status = url.endsWith("/oauth/token") ? tokenStatus : 200;
      return { ok: status === 200, status, json: async () => body };
    };
    return { fetch, calls };
  }

  it("reads the transport service's key from the state, not the Content Agent's", () => {
    expect(transportKeyOf(SHOW)).toEqual(KEY);
    expect(transportKeyOf(JSON.stringify({ format_version: "1.0" }))).toBeUndefined();
  });

  it("asks for a client-credentials token, lists the nodes, and names the ones missing, case and all", async () => {
    const { fetch, calls } = fakeTms(["APIM_DEV", "apim_test"]);
    const result = await checkNodes(KEY, ["APIM_DEV", "APIM_TEST", "APIM_PROD"], fetch);
    expect(result).toEqual({
      kind: "checked",
      found: ["APIM_DEV", "apim_test"],
      missing: ["APIM_TEST", "APIM_PROD"],
    });
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ["POST", "https://acme-transport.authentication.eu10.hana.ondemand.com/oauth/token"],
      ["GET", `${KEY.uri}/v2/nodes`],
    ]);
    const basic = Buffer.from(`${KEY.uaa.clientid}:${KEY.uaa.clientsecret}`).toString("base64");
    expect(calls[0].init.headers).toMatchObject({ Authorization: `Basic ${basic}` });
    expect(calls[0].init.body).toBe("grant_type=client_credentials");
    expect(calls[1].init.headers).toMatchObject({ Authorization: "Bearer made-up-token" });
  });

  it("cannot tell, without showing the key, when the token is refused or the service is unreachable", async () => {
    const refused = await checkNodes(KEY, ["APIM_DEV"], fakeTms([], 401).fetch);
    expect(refused).toEqual({ kind: "unknown", why: "the token service answered 401" });
    const unreachable = await checkNodes(KEY, ["APIM_DEV"], async () => {
      throw new TypeError("fetch failed", {
        cause: new Error("getaddrinfo ENOTFOUND acme-transport.authentication.eu10.hana.ondemand.com"),
      });
    });
    expect(unreachable).toEqual({
      kind: "unknown",
      why: "Cloud Transport Management could not be reached: getaddrinfo ENOTFOUND acme-transport.authentication.eu10.hana.ondemand.com",
    });
    expect(JSON.stringify([refused, unreachable])).not.toContain(KEY.uaa.clientsecret);
  });

  it("warns, exit 0, before a deploy: no stack to read the key from", async () => {
    const config = writeConfig({ landscapes: { l: variants.landscapes?.[TESTED_STAGES] } });
    const result = await runCommand(landscape, ["l", "--check"], {
      APIM_CONFIG: config,
      CDKTF_OUTDIR: tempDir(),
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^landscape: warning: cannot check the nodes of l: no synthesized stack in .*stacks\/l: run it after cdktf deploy l\n$/,
    );
  });
});
