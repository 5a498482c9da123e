/**
 * The API portal's building blocks as a team imports them one by one: the entitlement, the service
 * instance, the service key, and the typed links between them and to the destination and the check
 * (keys and instances made elsewhere included).
 */
import { subaccountServiceInstance } from "@cdktf/provider-btp";
import { TerraformVariable, Testing, Token } from "cdktf";
import {
  ApiManagementConnectionCheck,
  ApiManagementDestination,
  ApiPortalEntitlement,
  ApiPortalServiceInstance,
  ApiPortalServiceKey,
  ApiPortalServiceKeyProps,
  CloudFoundryServiceKey,
} from "../constructs";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { SUBACCOUNT_ID, StackJson, onlyResource, synthAlone, synthWith } from "./support/synth";
import { evaluateInTerraform } from "./support/terraform-eval";

const INSTANCE_ID = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f";

type WithData = StackJson & { data: Record<string, Record<string, Record<string, unknown>>> };

describe("ApiPortalEntitlement", () => {
  it("entitles the subaccount to API Management, API portal with the API-access plan and no amount", () => {
    const synthesized = synthAlone(
      (scope) => new ApiPortalEntitlement(scope, "entitlement", { subaccountId: SUBACCOUNT_ID }),
    );

    const { body } = onlyResource(synthesized, "btp_subaccount_entitlement");
    expect(body).toEqual({
      subaccount_id: SUBACCOUNT_ID,
      service_name: "apimanagement-apiportal",
      plan_name: "apiportal-apiaccess",
    });
  });

  it("declares no provider and no backend: the consuming stack does", () => {
    const synthesized = synthAlone(
      (scope) => new ApiPortalEntitlement(scope, "entitlement", { subaccountId: SUBACCOUNT_ID }),
    );
    expect(synthesized.provider).toBeUndefined();
    expect(synthesized.terraform?.backend).toBeUndefined();
  });

  it.each(["", "not-a-guid", "6f2b1c3a0d4e4f5a9b8c7d6e5f4a3b2c", ` ${SUBACCOUNT_ID}`])(
    "rejects the subaccount ID %j, naming the field and the value",
    (subaccountId) => {
      expect(() =>
        synthAlone((scope) => new ApiPortalEntitlement(scope, "entitlement", { subaccountId })),
      ).toThrow(`subaccountId ${JSON.stringify(subaccountId)} is not a GUID`);
    },
  );

  it("accepts a subaccount ID that is only known at apply (a reference)", () => {
    const subaccountId = Token.asString({ Ref: "x" });
    expect(() =>
      synthAlone((scope) => new ApiPortalEntitlement(scope, "entitlement", { subaccountId })),
    ).not.toThrow();
  });
});

describe("ApiPortalServiceInstance", () => {
  it("creates an instance of the API portal offering and API-access plan, by name, with only the Administrator role", () => {
    const synthesized = Testing.synthScope(
      (scope) => new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID }),
    );
    expect(synthesized).toHaveResourceWithProperties(subaccountServiceInstance.SubaccountServiceInstance, {
      service_offering_name: "apimanagement-apiportal",
      serviceplan_name: "apiportal-apiaccess",
      subaccount_id: SUBACCOUNT_ID,
      name: "apim-content-transport",
      // Exactly this JSON, as SAP's procedure configures it.
      parameters: '{"role":"APIPortal.Administrator"}',
    });
    // The plan by its names, not by an ID that differs per landscape.
    expect(
      onlyResource(JSON.parse(synthesized), "btp_subaccount_service_instance").body.serviceplan_id,
    ).toBeUndefined();
  });

  it("takes a custom name and waits for what it is told to depend on", () => {
    const synthesized = synthAlone((scope) => {
      const entitlement = new ApiPortalEntitlement(scope, "entitlement", { subaccountId: SUBACCOUNT_ID });
      new ApiPortalServiceInstance(scope, "instance", {
        subaccountId: SUBACCOUNT_ID,
        name: "apim-transport-prod",
        dependsOn: [entitlement.resource],
      });
    });

    const entitlement = onlyResource(synthesized, "btp_subaccount_entitlement");
    const { body } = onlyResource(synthesized, "btp_subaccount_service_instance");
    expect(body.name).toBe("apim-transport-prod");
    expect(body.depends_on).toEqual([`btp_subaccount_entitlement.${entitlement.name}`]);
  });

  it.each(["", "   "])("rejects the blank name %j", (name) => {
    expect(() =>
      synthAlone(
        (scope) => new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID, name }),
      ),
    ).toThrow(`name ${JSON.stringify(name)} is empty or blank`);
  });
});

describe("ApiPortalServiceKey", () => {
  it("binds a key to the given instance", () => {
    const synthesized = synthAlone((scope) => {
      const instance = new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID });
      new ApiPortalServiceKey(scope, "key", {
        subaccountId: SUBACCOUNT_ID,
        serviceInstance: instance,
      });
    });

    const instance = onlyResource(synthesized, "btp_subaccount_service_instance");
    const { body } = onlyResource(synthesized, "btp_subaccount_service_binding");
    expect(body.subaccount_id).toBe(SUBACCOUNT_ID);
    expect(body.service_instance_id).toBe(`\${btp_subaccount_service_instance.${instance.name}.id}`);
    expect(body.name).toBe("apim-content-transport-key");
  });

  it("is replaced, not updated in place, when renamed (the provider refuses binding updates)", () => {
    const synthesized = synthAlone(
      (scope) =>
        new ApiPortalServiceKey(scope, "key", {
          subaccountId: SUBACCOUNT_ID,
          serviceInstance: ApiPortalServiceInstance.fromInstanceId(
            scope,
            "instance",
            "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
          ),
          name: "transport-key-2",
        }),
    );

    const trigger = onlyResource(synthesized, "terraform_data");
    const { body } = onlyResource(synthesized, "btp_subaccount_service_binding");
    // The instance ID too: a replaced instance must replace the key, not update it in place.
    expect(trigger.body.input).toEqual({
      name: "transport-key-2",
      service_instance_id: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    });
    // A bare address: Terraform refuses "${...}" inside lifecycle.
    expect(body.lifecycle).toEqual({ replace_triggered_by: [`terraform_data.${trigger.name}`] });
  });

  it("rejects a blank name and a missing instance, both at once", () => {
    expect(() =>
      synthAlone(
        (scope) =>
          new ApiPortalServiceKey(scope, "key", {
            subaccountId: SUBACCOUNT_ID,
            name: " ",
          } as unknown as ApiPortalServiceKeyProps),
      ),
    ).toThrow(/serviceInstance is required: an instance construct[\s\S]*name " " is empty or blank/);
  });
});

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
