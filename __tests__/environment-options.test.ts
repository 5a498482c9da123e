/**
 * An environment as users set it up, in environments.json, on both paths (the "Other" environment
 * and a Cloud Foundry space): each option changed alone must change what the option is about in the
 * synthesized stack, and nothing else.
 */
import { Testing } from "cdktf";
import { ApiManagementSourceStack, loadConfiguration } from "@apim/stacks";
import { writeConfig } from "./support/app";
import { stackDifference, stackValues } from "./support/stack-difference";

const SUBACCOUNT = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";
const OTHER = "7a3e9c1f-2b6d-4f80-a4c9-5e1d8b3f6a27";
const SPACE = "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a";

const PATHS = {
  other: {
    entry: { globalAccount: "acme-dev", subaccountId: SUBACCOUNT },
    instance: "resource.btp_subaccount_service_instance.service-instance_resource",
    key: "resource.btp_subaccount_service_binding.service-key_resource",
  },
  "Cloud Foundry": {
    entry: {
      globalAccount: "acme-dev",
      subaccountId: SUBACCOUNT,
      cloudFoundry: { spaceId: SPACE, apiUrl: "https://api.cf.eu10.hana.ondemand.com" },
    },
    instance: "resource.cloudfoundry_service_instance.service-instance_resource",
    key: "resource.cloudfoundry_service_credential_binding.service-key_resource",
  },
};
type Path = (typeof PATHS)[keyof typeof PATHS];

function values(entry: Record<string, unknown>): Map<string, unknown> {
  const [config] = loadConfiguration(writeConfig({ environments: { dev: entry } })).environments;
  return stackValues(new ApiManagementSourceStack(Testing.app(), config), "api-management-source");
}

const DESTINATION = "resource.btp_subaccount_destination_generic.destination_resource";
const ENTITLEMENT = "resource.btp_subaccount_entitlement.entitlement_resource";

/** Each option, the value it is changed to, and what must change in the stack on a path. */
const OPTIONS: Array<[string, Record<string, unknown>, (path: Path) => Record<string, unknown>]> = [
  ["globalAccount", { globalAccount: "acme-qa" }, () => ({ "provider.btp.0.globalaccount": "acme-qa" })],
  [
    "cliServerUrl",
    { cliServerUrl: "https://cli.btp.example.test" },
    () => ({ "provider.btp.0.cli_server_url": "https://cli.btp.example.test" }),
  ],
  [
    "subaccountId: every object of the subaccount (a Cloud Foundry space's belong to the space)",
    { subaccountId: OTHER },
    (path) => ({
      "output.subaccount_id.value": OTHER,
      [`${DESTINATION}.subaccount_id`]: OTHER,
      [`${ENTITLEMENT}.subaccount_id`]: OTHER,
      ...(path === PATHS.other
        ? { [`${path.instance}.subaccount_id`]: OTHER, [`${path.key}.subaccount_id`]: OTHER }
        : {}),
    }),
  ],
  [
    "destinationName",
    { destinationName: "APIManagementQA" },
    () => ({
      "output.destination_name.value": "APIManagementQA",
      [`${DESTINATION}.destination_configuration`]: expect.stringContaining('"Name" = "APIManagementQA"'),
    }),
  ],
  [
    "destinationDescription",
    { destinationDescription: "API portal of QA" },
    () => ({
      [`${DESTINATION}.destination_configuration`]: expect.stringContaining(
        '"Description" = "API portal of QA"',
      ),
    }),
  ],
  [
    "serviceInstanceName",
    { serviceInstanceName: "apim-qa" },
    (path) => ({ [`${path.instance}.name`]: "apim-qa" }),
  ],
  [
    "serviceInstanceName with Terraform's template characters: as typed, escaped for Terraform",
    { serviceInstanceName: "apim-${1+1}-%{x}" },
    (path) => ({ [`${path.instance}.name`]: "apim-$${1+1}-%%{x}" }),
  ],
  [
    "serviceKeyName: the key and what replaces it when the name changes",
    { serviceKeyName: "apim-qa-key" },
    (path) => ({
      [`${path.key}.name`]: "apim-qa-key",
      "resource.terraform_data.service-key_name-trigger.input.name": "apim-qa-key",
    }),
  ],
  [
    "createEntitlement false: no entitlement, and the instance waits for none",
    { createEntitlement: false },
    (path) => ({
      [`${ENTITLEMENT}.plan_name`]: undefined,
      [`${ENTITLEMENT}.service_name`]: undefined,
      [`${ENTITLEMENT}.subaccount_id`]: undefined,
      [`${path.instance}.depends_on.0`]: undefined,
    }),
  ],
];

describe.each(Object.entries(PATHS))("an environment's options on the %s path, one at a time", (_, path) => {
  const base = values(path.entry);

  it.each(OPTIONS)("%s", (__, change, expected) => {
    expect(stackDifference(base, values({ ...path.entry, ...change }))).toStrictEqual(expected(path));
  });

  it("connectionCheck false: no check is left, and nothing else changes but the http provider", () => {
    const gone = stackDifference(base, values({ ...path.entry, connectionCheck: false }));
    const paths = Object.keys(gone);
    expect([...base.keys()].filter((p) => p.startsWith("check."))).not.toEqual([]);
    expect([...base.keys()].filter((p) => p.startsWith("check.")).every((p) => paths.includes(p))).toBe(true);
    expect(paths.filter((p) => !/^(check\.|terraform\.required_providers\.http\.)/.test(p))).toEqual([]);
    expect(Object.values(gone).filter((value) => value !== undefined)).toEqual([]);
  });
});

describe.each(Object.entries(PATHS))("an environment's defaults on the %s path", (_, path) => {
  it("names the instance and the key as the README's table of defaults says", () => {
    const base = values(path.entry);
    expect([base.get(`${path.instance}.name`), base.get(`${path.key}.name`)]).toEqual([
      "apim-content-transport",
      "apim-content-transport-key",
    ]);
  });
});

describe.each(Object.entries(PATHS))("an environment's key rotation on the %s path", (_, path) => {
  it("keyRotationDays: a time_rotating of that period dates the key, and the new key comes before the old goes", () => {
    const rotated = values({ ...path.entry, keyRotationDays: 30 });
    expect(rotated.get("resource.time_rotating.service-key_rotation.rotation_days")).toBe(30);
    expect(rotated.get(`${path.key}.lifecycle.create_before_destroy`)).toBe(true);
    expect(String(rotated.get(`${path.key}.name`))).toMatch(/formatdate\("YYYYMMDDhhmm", time_rotating\./);
  });
});

describe("a Cloud Foundry environment's space options, one at a time", () => {
  const path = PATHS["Cloud Foundry"];
  const base = values(path.entry);
  const withSpace = (cloudFoundry: Record<string, string>) =>
    values({ ...path.entry, cloudFoundry: { ...path.entry.cloudFoundry, ...cloudFoundry } });

  it("cloudFoundry.spaceId: the instance's space", () => {
    expect(stackDifference(base, withSpace({ spaceId: OTHER }))).toStrictEqual({
      [`${path.instance}.space`]: OTHER,
    });
  });

  it("cloudFoundry.apiUrl with a template character: as typed, escaped for Terraform", () => {
    expect(
      stackDifference(base, withSpace({ apiUrl: "https://api.cf.eu10.hana.ondemand.com/${x}" })),
    ).toStrictEqual({
      "provider.cloudfoundry.0.api_url": "https://api.cf.eu10.hana.ondemand.com/$${x}",
    });
  });

  it("cloudFoundry.apiUrl: the provider's endpoint", () => {
    expect(
      stackDifference(base, withSpace({ apiUrl: "https://api.cf.us10-001.hana.ondemand.com" })),
    ).toStrictEqual({
      "provider.cloudfoundry.0.api_url": "https://api.cf.us10-001.hana.ondemand.com",
    });
  });
});
