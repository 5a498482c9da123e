import {
  ApiManagementConnectionCheck,
  ApiManagementDestination,
  ApiPortalCloudFoundryKey,
  ApiPortalServiceInstance,
  ApiPortalServiceKey,
} from "../constructs";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { SUBACCOUNT_ID, StackJson, onlyResource, synthAlone, synthWith } from "./support/synth";
import { evaluateInTerraform } from "./support/terraform-eval";

const INSTANCE_ID = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f";

type WithData = StackJson & { data: Record<string, Record<string, Record<string, unknown>>> };

describe("typed references between the constructs", () => {
  it("derives a destination from a key made elsewhere, read but not managed (real Terraform evaluates it)", () => {
    const stack = synthWith((scope) => {
      const key = ApiPortalServiceKey.fromKeyName(scope, "key", {
        subaccountId: SUBACCOUNT_ID,
        name: "made-by-hand",
      });
      expect(key.keyName).toBe("made-by-hand");
      new ApiManagementDestination(scope, "destination", { subaccountId: SUBACCOUNT_ID, serviceKey: key });
    }) as WithData;
    expect(Object.keys(stack.resource)).toEqual(["btp_subaccount_destination_generic"]);
    const [name, data] = Object.entries(stack.data.btp_subaccount_service_binding)[0];
    expect(data).toMatchObject({ subaccount_id: SUBACCOUNT_ID, name: "made-by-hand" });

    const key = fakeServiceKey();
    const { configuration } = evaluateInTerraform(
      {
        configuration: onlyResource(stack, "btp_subaccount_destination_generic").body
          .destination_configuration as string,
      },
      { [`data.btp_subaccount_service_binding.${name}.credentials`]: JSON.stringify(key) },
    );
    expect(JSON.parse(configuration as string)).toEqual(seedDestination(key));
  });

  it("builds a key on an instance made elsewhere, by its ID", () => {
    const stack = synthWith((scope) => {
      const instance = ApiPortalServiceInstance.fromInstanceId(scope, "instance", INSTANCE_ID);
      new ApiPortalServiceKey(scope, "key", {
        subaccountId: SUBACCOUNT_ID,
        serviceInstanceId: instance.instanceId,
      });
    });
    expect(Object.keys(stack.resource)).not.toContain("btp_subaccount_service_instance");
    expect(onlyResource(stack, "btp_subaccount_service_binding").body.service_instance_id).toBe(INSTANCE_ID);
  });

  it("exposes each key's name and each instance's ID as references", () => {
    synthAlone((scope) => {
      const instance = new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID });
      const key = new ApiPortalServiceKey(scope, "key", {
        subaccountId: SUBACCOUNT_ID,
        serviceInstanceId: instance.instanceId,
      });
      const cfKey = new ApiPortalCloudFoundryKey(scope, "cf-key", { serviceInstanceId: INSTANCE_ID });
      for (const value of [instance.instanceId, key.keyName, cfKey.keyName])
        expect(value).toMatch(/^\$\{TfToken\[/);
    });
  });

  it("takes exactly one of serviceKey and serviceKeyCredentials, and names the problem", () => {
    expect(() =>
      synthWith((scope) => {
        const key = ApiPortalServiceKey.fromKeyName(scope, "key", { subaccountId: SUBACCOUNT_ID, name: "k" });
        new ApiManagementDestination(scope, "d", {
          subaccountId: SUBACCOUNT_ID,
          serviceKey: key,
          serviceKeyCredentials: key.credentials,
        });
      }),
    ).toThrow("serviceKey and serviceKeyCredentials are both given: give one");
    expect(() =>
      synthWith(
        (scope) => new ApiManagementConnectionCheck(scope, "c", { destinationUrl: "https://x.example.test" }),
      ),
    ).toThrow("serviceKey is required");
  });

  it("refuses a malformed reference to something made elsewhere", () => {
    expect(() =>
      synthWith((scope) => ApiPortalServiceInstance.fromInstanceId(scope, "i", "not-a-guid")),
    ).toThrow('instanceId "not-a-guid" is not a GUID');
    expect(() =>
      synthWith((scope) => ApiPortalServiceKey.fromKeyName(scope, "k", { subaccountId: "x", name: "k" })),
    ).toThrow('subaccountId "x" is not a GUID');
  });
});
