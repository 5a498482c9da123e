/**
 * The `terraform test` file of a content-transport landscape stack. The landscapes of
 * terraform-variants.ts that an independent test names get that test (__tests__/terraform/, SAP's
 * destinations written out); any other landscape gets one generated from its entry in the file: with
 * mock providers and made-up keys, an apply that passes every check and gives the destinations SAP's
 * procedure names (three in the source, one deploy destination per stage), the transport
 * destination's `sourceSystemId` being the file's source node, each deploy destination in the
 * transport subaccount to its stage's space, the API portal instance with SAP's role, each listed
 * person or group assigned the role collection SAP names in the subaccount SAP names (API portal's in
 * the source, Cloud Transport Management's delivered ones in the transport subaccount), and the
 * routes from the source node through every stage in order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LandscapeEntry } from "@apim/stacks";
import { SynthesizedStack } from "./synth-output";
import { hcl, mockProviders } from "./mock-values";
import { TESTED_LANDSCAPE, TESTED_STAGES } from "./terraform-variants";

/** The landscapes of terraform-variants.ts that a test written out by hand names, and that test. */
const INDEPENDENT_TESTS: Readonly<Record<string, string>> = {
  [TESTED_LANDSCAPE]: "content-transport-landscape.tftest.hcl",
  [TESTED_STAGES]: "content-transport-stages.tftest.hcl",
};

/** One made-up key with the fields of every key in a landscape: API portal's, Content Agent's and TMS's. */
const MADE_UP_CREDENTIALS = JSON.stringify({
  credentials: {
    url: "https://service.example.test",
    tokenUrl: "https://source.authentication.example.test/oauth/token",
    clientId: "sb-client!t1",
    clientSecret: "made-up-secret",
    uri: "https://transport.example.test",
    uaa: { clientid: "sb-client!b1", clientsecret: "made-up-secret", url: "https://uaa.example.test" },
  },
});

/**
 * The test of landscape `name`, its expected values taken from `entry` as the environments file has
 * it, not from the loader's config: a value the loader drops or forwards wrongly fails the test.
 */
export function landscapeTestFile(stack: SynthesizedStack, name: string, entry: LandscapeEntry): string {
  const independent = INDEPENDENT_TESTS[name];
  if (independent !== undefined) {
    return readFileSync(join(__dirname, "../../../__tests__/terraform", independent), "utf8");
  }
  const resources = (stack.resource ?? {}) as Record<string, Record<string, unknown>>;
  const addresses = (type: string) => Object.keys(resources[type] ?? {}).map((name) => `${type}.${name}`);
  const destinations = addresses("btp_subaccount_destination_generic");
  const configuration = (address: string) => `jsondecode(${address}.destination_configuration)`;
  const { transport } = entry;
  const sourceNodeName = entry.source.nodeName;
  // Written from SAP's pages and the config, never read from the constructs: a landscape with
  // `target` is one stage, deployed by transport.deployUser through SAP's "TMSDeploy" (6b7c9d8).
  const stages = (entry.stages ?? [{ ...entry.target, deployUser: transport.deployUser }]).map(
    (stage, i) => ({
      nodeName: String(stage?.nodeName),
      spaceId: String(stage?.spaceId),
      apiUrl: String(stage?.cloudFoundryApiUrl ?? entry.cloudFoundryApiUrl),
      destination:
        stage && "deployDestinationName" in stage && stage.deployDestinationName !== undefined
          ? stage.deployDestinationName
          : i === 0
            ? "TMSDeploy"
            : `TMSDeploy_${stage?.nodeName}`,
      variable: i === 0 ? "tms_deploy_password" : `tms_deploy_password_${stage?.nodeName}`,
    }),
  );
  const names = [
    "APIManagement",
    "ContentAssemblyService",
    "TransportManagementService",
    ...stages.map((s) => s.destination),
  ];
  const deployServiceUrl = (stage: (typeof stages)[number]) =>
    `https://deploy-service.${stage.apiUrl.replace(/^https:\/\/api\./, "").replace(/\/$/, "")}/slprot/${stage.spaceId}/slp`;
  const instances = addresses("cloudfoundry_service_instance");
  const apiPortal = instances.find((address) => /_api-management_service-instance_/.test(address));
  const assignments = addresses("btp_subaccount_role_collection_assignment");
  // Who gets which role collection where, from SAP's pages (f3049e2, eb134e0) and the file.
  const grants = (subaccount: string, collection: string, members: LandscapeEntry["transport"]["viewers"]) =>
    (members ?? []).map(
      (member) =>
        `${subaccount} ${collection} ${typeof member === "string" ? member : "user" in member ? member.user : member.group}`,
    );
  const roleGrants = [
    ...grants(entry.source.subaccountId, "APIPortal.Administrator", entry.source.apiPortalAdministrators),
    ...grants(entry.source.subaccountId, "APIPortal.Configurator", entry.source.apiPortalConfigurators),
    ...grants(transport.subaccountId, "TMS_LandscapeOperator_RC", transport.landscapeOperators),
    ...grants(transport.subaccountId, "TMS_Viewer_RC", transport.viewers),
  ];
  return [
    // Every configuration of a provider gets its mock: the transport space may have its own endpoint.
    ...mockProviders(stack, {
      http: ['  mock_data "http" {', "    defaults = { status_code = 200 }", "  }"],
    }),
    `variables { ${stages.map((stage) => `${stage.variable} = "made-up-deploy-password"`).join(", ")} }`,
    ...addresses("cloudfoundry_service_credential_binding").map((address) =>
      [
        "override_resource {",
        `  target = ${address}`,
        `  values = { credential_binding = ${hcl(MADE_UP_CREDENTIALS)} }`,
        "}",
      ].join("\n"),
    ),
    'run "the_four_destinations_of_sap_procedure" {',
    "  command = apply",
    "  assert {",
    `    condition = toset([${destinations.map((d) => `${configuration(d)}.Name`).join(", ")}]) == toset([${names.map(hcl).join(",")}])`,
    '    error_message = "not the four destinations of SAP\'s procedure"',
    "  }",
    "  assert {",
    `    condition = [for c in [${destinations.map(configuration).join(", ")}] : c.sourceSystemId if c.Name == "TransportManagementService"] == [${hcl(sourceNodeName)}]`,
    '    error_message = "TransportManagementService does not name the source node as its sourceSystemId"',
    "  }",
    "  assert {",
    `    condition = jsondecode(${apiPortal}.parameters).role == "APIPortal.Administrator"`,
    '    error_message = "the API portal instance does not have the role APIPortal.Administrator"',
    "  }",
    // Terraform refuses an assertion that refers to nothing: with no operators, there is none.
    ...(assignments.length + roleGrants.length === 0
      ? []
      : [
          "  assert {",
          `    condition = toset([for a in [${assignments.join(", ")}] : "\${a.subaccount_id} \${a.role_collection_name} \${coalesce(a.user_name, a.group_name)}"]) == toset([${roleGrants.map(hcl).join(", ")}])`,
          '    error_message = "the role collections are not assigned to whom the file lists, in the subaccounts SAP names"',
          "  }",
        ]),
    // Each stage's deploy destination in the transport subaccount, to its own space's deploy service.
    ...stages.flatMap((stage) => [
      "  assert {",
      `    condition = [for d in [${destinations.join(", ")}] : "\${d.subaccount_id} \${jsondecode(d.destination_configuration).URL}" if jsondecode(d.destination_configuration).Name == ${hcl(stage.destination)}] == [${hcl(`${transport.subaccountId} ${deployServiceUrl(stage)}`)}]`,
      `    error_message = ${hcl(`${stage.destination} is not the transport subaccount's destination to the deploy service of space ${stage.spaceId}`)}`,
      "  }",
    ]),
    // The steps: the source node, each stage's node, then the routes in transport order.
    ...stages.flatMap((stage, i) => [
      "  assert {",
      `    condition = strcontains(output.manual_steps[${1 + stages.length + i}], ${hcl(`Source Node "${i === 0 ? sourceNodeName : stages[i - 1].nodeName}", Target Node "${stage.nodeName}"`)})`,
      `    error_message = ${hcl(`route ${i + 1} does not lead into node ${stage.nodeName} from the node before it`)}`,
      "  }",
    ]),
    "}",
    "",
  ].join("\n");
}
