import {
  ApiManagementConnectionCheck,
  ApiManagementDestination,
  ApiPortalServiceInstance,
  ApiPortalServiceKey,
  CloudFoundryServiceKey,
} from "../constructs";
import { TerraformVariable } from "cdktf";
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
      new ApiPortalServiceKey(scope, "key", { subaccountId: SUBACCOUNT_ID, serviceInstance: instance });
    });
    expect(Object.keys(stack.resource)).not.toContain("btp_subaccount_service_instance");
    expect(onlyResource(stack, "btp_subaccount_service_binding").body.service_instance_id).toBe(INSTANCE_ID);
  });

  it("exposes each key's name and each instance's ID as references", () => {
    synthAlone((scope) => {
      const instance = new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID });
      const key = new ApiPortalServiceKey(scope, "key", {
        subaccountId: SUBACCOUNT_ID,
        serviceInstance: instance,
      });
      const cfKey = new CloudFoundryServiceKey(scope, "cf-key", {
        serviceInstance: instance,
        name: "cf-key",
      });
      for (const value of [instance.instanceId, key.keyName, cfKey.keyName])
        expect(value).toMatch(/^\$\{TfToken\[/);
    });
  });

  it("derives a destination from a key known only by its credentials, a reference of another stack", () => {
    const stack = synthWith((scope) => {
      const credentials = new TerraformVariable(scope, "credentials", { type: "string", sensitive: true });
      const key = ApiPortalServiceKey.fromCredentials(scope, "key", {
        credentials: credentials.stringValue,
        name: "made-by-hand",
      });
      expect(key.keyName).toBe("made-by-hand");
      new ApiManagementDestination(scope, "destination", { subaccountId: SUBACCOUNT_ID, serviceKey: key });
    });
    const key = fakeServiceKey();
    const { configuration } = evaluateInTerraform(
      {
        configuration: onlyResource(stack, "btp_subaccount_destination_generic").body
          .destination_configuration as string,
      },
      { "var.credentials": JSON.stringify(key) },
    );
    expect(JSON.parse(configuration as string)).toEqual(seedDestination(key));
  });

  it("requires the key of a destination and a check, and the instance of a key, naming the prop", () => {
    // What a JavaScript caller, or a cast, can hand over: nothing, or an ID where the construct belongs.
    const untyped = <T>(props: unknown) => props as T;
    expect(() =>
      synthWith(
        (scope) =>
          new ApiManagementConnectionCheck(scope, "c", untyped({ destinationUrl: "https://x.example.test" })),
      ),
    ).toThrow(
      "serviceKey is required: a key construct, or ApiPortalServiceKey.fromKeyName or .fromCredentials",
    );
    expect(() =>
      synthWith(
        (scope) =>
          new ApiManagementDestination(scope, "d", untyped({ subaccountId: SUBACCOUNT_ID, serviceKey: "k" })),
      ),
    ).toThrow('serviceKey "k" must be an object, not a string');
    expect(() =>
      synthWith(
        (scope) =>
          new ApiPortalServiceKey(
            scope,
            "k",
            untyped({ subaccountId: SUBACCOUNT_ID, serviceInstance: { id: INSTANCE_ID } }),
          ),
      ),
    ).toThrow(
      "serviceInstance is required: an instance construct, or ApiPortalServiceInstance.fromInstanceId",
    );
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
