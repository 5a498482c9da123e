import {
  ApiManagementSource,
  ApiManagementSourceProps,
  ApiPortalCloudFoundryInstance,
  ApiPortalServiceInstance,
  CloudFoundryServiceInstance,
  CloudFoundryServiceKey,
} from "../constructs";
import { ConfigError, parseConfiguration } from "../stacks";
import { synthApp, writeConfig } from "./support/app";
import { deployedDestination } from "./support/destination";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { SUBACCOUNT_ID, StackJson, onlyResource, synthAlone, validationProblemsOf } from "./support/synth";

const SPACE_ID = "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a";
const API_URL = "https://api.cf.eu10.hana.ondemand.com";

function synthSource(props: Partial<ApiManagementSourceProps> = {}): StackJson {
  return synthAlone(
    (scope) =>
      new ApiManagementSource(scope, "apim", {
        subaccountId: SUBACCOUNT_ID,
        cloudFoundry: { spaceId: SPACE_ID },
        ...props,
      }),
  );
}

type WithData = StackJson & { data: Record<string, Record<string, Record<string, unknown>>> };

describe("the Cloud Foundry path", () => {
  it("entitles the subaccount, then creates the instance and a key in the space, as SAP's procedure does", () => {
    const stack = synthSource() as WithData;
    expect(Object.keys(stack.resource).sort()).toEqual([
      "btp_subaccount_destination_generic",
      "btp_subaccount_entitlement",
      "cloudfoundry_service_credential_binding",
      "cloudfoundry_service_instance",
      "terraform_data",
    ]);
    const [planName, plan] = Object.entries(stack.data.cloudfoundry_service_plan)[0];
    expect(plan).toMatchObject({
      name: "apiportal-apiaccess",
      service_offering_name: "apimanagement-apiportal",
    });
    const instance = onlyResource(stack, "cloudfoundry_service_instance");
    expect(instance.body).toMatchObject({
      type: "managed",
      space: SPACE_ID,
      service_plan: `\${data.cloudfoundry_service_plan.${planName}.id}`,
      depends_on: [expect.stringMatching(/^btp_subaccount_entitlement\./)],
    });
    expect(JSON.parse(instance.body.parameters as string)).toEqual({ role: "APIPortal.Administrator" });
    expect(onlyResource(stack, "cloudfoundry_service_credential_binding").body).toMatchObject({
      type: "key",
      name: "apim-content-transport-key",
      service_instance: `\${cloudfoundry_service_instance.${instance.name}.id}`,
    });
  });

  it("gives exactly the destination SAP's procedure asks for, from a key in the provider's shape (real Terraform)", async () => {
    const key = fakeServiceKey({ trailingSlash: true });
    expect(await deployedDestination(synthSource(), key)).toEqual(seedDestination(key));
  });

  it("adopts an instance and a key made by hand under their Cloud Foundry GUIDs", () => {
    const instanceId = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f";
    const keyId = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    const stack = synthSource({
      adopt: { serviceInstanceId: instanceId, serviceKeyId: keyId },
      serviceKeyName: "made-by-hand",
    }) as StackJson & { import: Array<{ to: string; id: string }> };
    expect(stack.import.map(({ to, id }) => [to.split(".")[0], id])).toEqual([
      ["cloudfoundry_service_instance", instanceId],
      ["cloudfoundry_service_credential_binding", keyId],
    ]);
  });

  it("refuses a space ID that is no GUID, and an unknown field, naming them", () => {
    expect(() => synthSource({ cloudFoundry: { spaceId: "dev-space" } })).toThrow(
      'cloudFoundry.spaceId "dev-space" is not a GUID',
    );
    expect(() =>
      synthSource({
        cloudFoundry: { spaceId: SPACE_ID, apiUrl: API_URL } as ApiManagementSourceProps["cloudFoundry"],
      }),
    ).toThrow("cloudFoundry.apiUrl is not a known prop");
  });

  it.each<[string, () => unknown, string]>([
    [
      "CloudFoundryServiceInstance",
      () =>
        synthAlone(
          (scope) =>
            new CloudFoundryServiceInstance(scope, "i", {
              spaceId: "dev-space",
              serviceOfferingName: "content-agent",
              planName: "standard",
              name: "content-agent",
            }),
        ),
      'spaceId "dev-space" is not a GUID',
    ],
    [
      "ApiPortalCloudFoundryInstance",
      () => synthAlone((scope) => new ApiPortalCloudFoundryInstance(scope, "i", { spaceId: "dev-space" })),
      'spaceId "dev-space" is not a GUID',
    ],
    [
      "CloudFoundryServiceKey",
      () =>
        synthAlone(
          (scope) =>
            new CloudFoundryServiceKey(scope, "k", {
              serviceInstance: ApiPortalServiceInstance.fromInstanceId(scope, "i", "my-instance"),
              name: "key",
            }),
        ),
      'instanceId "my-instance" is not a GUID',
    ],
  ])("%s, imported alone, refuses an ID that is no GUID, naming it", (_, build, message) => {
    expect(build).toThrow(message);
  });

  it.each([
    ["serviceOfferingName", { serviceOfferingName: " " }],
    ["planName", { planName: "" }],
  ])("a Cloud Foundry instance imported alone refuses a blank %s, naming it", (field, blank) => {
    const message = validationProblemsOf(
      (scope) =>
        new CloudFoundryServiceInstance(scope, "i", {
          spaceId: SPACE_ID,
          serviceOfferingName: "content-agent",
          planName: "standard",
          name: "content-agent",
          ...blank,
        }),
    );
    expect(message).toContain(`${field} ${JSON.stringify(Object.values(blank)[0])} is empty or blank`);
    expect(message.match(/is empty or blank/g)).toHaveLength(1);
  });

  // A key that is never replaced, or replaced every few minutes, is what a bad period would give.
  it.each([0, 1.5, 3651])("a Cloud Foundry key imported alone refuses rotationDays %p, naming it", (days) => {
    const refusal = `rotationDays ${days} must be a whole number of days, at least 1 and at most 3650`;
    expect(
      validationProblemsOf(
        (scope) =>
          new CloudFoundryServiceKey(scope, "k", {
            serviceInstance: ApiPortalServiceInstance.fromInstanceId(
              scope,
              "i",
              "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
            ),
            name: "key",
            rotationDays: days,
          }),
      ),
    ).toContain(refusal);
  });

  it("has constructs that stand alone: an instance in a space and a key of it", () => {
    const stack = synthAlone((scope) => {
      const instance = new ApiPortalCloudFoundryInstance(scope, "instance", {
        spaceId: SPACE_ID,
        name: "apim",
      });
      const key = new CloudFoundryServiceKey(scope, "key", {
        serviceInstance: instance,
        name: "apim-key",
        rotationDays: 30,
      });
      expect(key.credentials).toMatch(/^\$\{TfToken\[/);
    });
    expect(onlyResource(stack, "cloudfoundry_service_instance").body.name).toBe("apim");
    expect(onlyResource(stack, "cloudfoundry_service_credential_binding").body.lifecycle).toMatchObject({
      create_before_destroy: true,
    });
  });
});

describe("an environment in a Cloud Foundry space", () => {
  const entry = {
    globalAccount: "ga",
    subaccountId: SUBACCOUNT_ID,
    cloudFoundry: { spaceId: SPACE_ID, apiUrl: API_URL },
  };

  it("declares the cloudfoundry provider with the API endpoint and no credentials", () => {
    const { dev } = synthApp(writeConfig({ environments: { dev: entry } }));
    expect(dev.provider?.cloudfoundry).toEqual([{ api_url: API_URL }]);
    expect(dev.terraform.required_providers.cloudfoundry).toEqual({
      source: "cloudfoundry/cloudfoundry",
      version: "1.16.0",
    });
  });

  // An operator looks the key up in the cockpit by this name: the name, not the binding's GUID.
  it.each([
    [
      "the Other environment",
      { globalAccount: "ga", subaccountId: SUBACCOUNT_ID },
      ["btp_subaccount_service_instance", "btp_subaccount_service_binding"],
    ],
    [
      "a Cloud Foundry space",
      entry,
      ["cloudfoundry_service_instance", "cloudfoundry_service_credential_binding"],
    ],
  ])("in %s, outputs the instance's ID and the key's name", (_, environment, [instanceType, bindingType]) => {
    const { dev } = synthApp(writeConfig({ environments: { dev: environment } }));
    expect(dev.output.service_instance_id.value).toBe(
      `\${${instanceType}.${onlyResource(dev, instanceType).name}.id}`,
    );
    expect(dev.output.service_key_name.value).toBe(
      `\${${bindingType}.${onlyResource(dev, bindingType).name}.name}`,
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "an http API endpoint",
      { spaceId: SPACE_ID, apiUrl: "http://api.cf.example.test" },
      'cloudFoundry.apiUrl "http://api.cf.example.test" is not an https:// URL',
    ],
    [
      "an endpoint with a password in it",
      { spaceId: SPACE_ID, apiUrl: "https://u:secret@api.cf.example.test" },
      "cloudFoundry.apiUrl holds a URL with credentials",
    ],
    [
      "a space name for its ID",
      { spaceId: "dev", apiUrl: API_URL },
      'cloudFoundry.spaceId "dev" is not a GUID',
    ],
    ["no API endpoint", { spaceId: SPACE_ID }, "apiUrl"],
  ])("refuses %s, naming the environment and the field", (_, cloudFoundry, expected) => {
    let message = "";
    try {
      parseConfiguration("environments.json", { environments: { dev: { ...entry, cloudFoundry } } });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('environment "dev"');
    expect(message).toContain(expected);
    expect(message).not.toContain("secret");
  });
});
