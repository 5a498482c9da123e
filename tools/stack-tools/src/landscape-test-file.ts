/**
 * The `terraform test` file of a content-transport landscape stack. The landscape of
 * terraform-variants.ts that the independent test names gets that test
 * (__tests__/terraform/content-transport-landscape.tftest.hcl, SAP's destinations written out); any
 * other landscape gets one generated from its entry in the file: with mock providers and made-up
 * keys, an apply that passes every check and gives the four destinations SAP's procedure names,
 * the transport destination's `sourceSystemId` being the file's source node, the API portal
 * instance with SAP's role, each listed landscape operator assigned SAP's delivered role
 * collection in the transport subaccount, and the route from the source node to the target node.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LandscapeEntry } from "@apim/stacks";
import { SynthesizedStack } from "./synth-output";
import { hcl, mockProviders } from "./mock-values";
import { TESTED_LANDSCAPE } from "./terraform-variants";

const INDEPENDENT_TEST = join(
  __dirname,
  "../../../__tests__/terraform/content-transport-landscape.tftest.hcl",
);

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
  if (name === TESTED_LANDSCAPE) return readFileSync(INDEPENDENT_TEST, "utf8");
  const resources = (stack.resource ?? {}) as Record<string, Record<string, unknown>>;
  const addresses = (type: string) => Object.keys(resources[type] ?? {}).map((name) => `${type}.${name}`);
  const destinations = addresses("btp_subaccount_destination_generic");
  const configuration = (address: string) => `jsondecode(${address}.destination_configuration)`;
  const names = [
    "APIManagement",
    "ContentAssemblyService",
    "TransportManagementService",
    // The file names no deploy destination: SAP's name (6b7c9d8).
    "TMSDeploy",
  ];
  const instances = addresses("cloudfoundry_service_instance");
  const apiPortal = instances.find((address) => /_api-management_service-instance_/.test(address));
  const assignments = addresses("btp_subaccount_role_collection_assignment");
  const { transport } = entry;
  const [sourceNodeName, targetNodeName] = [entry.source.nodeName, entry.target.nodeName];
  // Written from SAP's pages and the config, never read from the constructs.
  const operatorGrants = (transport.landscapeOperators ?? []).map(
    (user) => `${transport.subaccountId} TMS_LandscapeOperator_RC ${user}`,
  );
  return [
    // Every configuration of a provider gets its mock: the transport space may have its own endpoint.
    ...mockProviders(stack, {
      http: ['  mock_data "http" {', "    defaults = { status_code = 200 }", "  }"],
    }),
    'variables { tms_deploy_password = "made-up-deploy-password" }',
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
    ...(assignments.length + operatorGrants.length === 0
      ? []
      : [
          "  assert {",
          `    condition = toset([for a in [${assignments.join(", ")}] : "\${a.subaccount_id} \${a.role_collection_name} \${a.user_name}"]) == toset([${operatorGrants.map(hcl).join(", ")}])`,
          '    error_message = "the landscape operators do not have TMS_LandscapeOperator_RC in the transport subaccount"',
          "  }",
        ]),
    "  assert {",
    `    condition = strcontains(output.manual_steps[2], ${hcl(`Source Node "${sourceNodeName}", Target Node "${targetNodeName}"`)})`,
    '    error_message = "the route does not lead from the source node to the target node"',
    "  }",
    "}",
    "",
  ].join("\n");
}
