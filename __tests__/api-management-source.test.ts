import {
  subaccountDestinationGeneric,
  subaccountEntitlement,
  subaccountServiceBinding,
  subaccountServiceInstance,
} from "@cdktf/provider-btp";
import { TerraformOutput } from "cdktf";
import {
  ApiManagementSource,
  ApiManagementSourceProps,
  ApiPortalServiceInstance,
  ApiPortalServiceKey,
  ApiPortalServiceKeyProps,
} from "../constructs";
import { deployedDestination, keyReference } from "./support/destination";
import { evaluateInTerraform } from "./support/terraform-eval";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { SUBACCOUNT_ID, onlyResource, synthAlone, synthWith } from "./support/synth";

describe("ApiManagementSource", () => {
  it("wires entitlement -> instance -> key -> destination", () => {
    const synthesized = synthAlone(
      (scope) => new ApiManagementSource(scope, "apim", { subaccountId: SUBACCOUNT_ID }),
    );

    const entitlement = onlyResource(synthesized, "btp_subaccount_entitlement");
    const instance = onlyResource(synthesized, "btp_subaccount_service_instance");
    const key = onlyResource(synthesized, "btp_subaccount_service_binding");
    const destination = onlyResource(synthesized, "btp_subaccount_destination_generic");
    expect(instance.body.depends_on).toEqual([`btp_subaccount_entitlement.${entitlement.name}`]);
    expect(key.body.service_instance_id).toBe(`\${btp_subaccount_service_instance.${instance.name}.id}`);
    expect(destination.body.destination_configuration).toContain(
      `btp_subaccount_service_binding.${key.name}.credentials`,
    );
    for (const resource of [entitlement, instance, key, destination]) {
      expect(resource.body.subaccount_id).toBe(SUBACCOUNT_ID);
    }
    // The BTP provider is the stack's to declare; only the configuration-free http provider of
    // the connection check is added.
    expect(Object.keys(synthesized.provider ?? {})).toEqual(["http"]);
  });

  it("gives a consumer's own stack the seed's destination from one line", async () => {
    const key = fakeServiceKey();
    const synthesized = synthWith((scope) => {
      new ApiManagementSource(scope, "apim", { subaccountId: SUBACCOUNT_ID });
    });
    expect(await deployedDestination(synthesized, key)).toStrictEqual(seedDestination(key));
  });

  it("passes names and description through", async () => {
    const key = fakeServiceKey();
    const synthesized = synthAlone(
      (scope) =>
        new ApiManagementSource(scope, "apim", {
          subaccountId: SUBACCOUNT_ID,
          destinationName: "APIManagement_Test",
          destinationDescription: "Content transport, test landscape",
          serviceInstanceName: "apim-test",
          serviceKeyName: "apim-test-key",
        }),
    );
    expect(onlyResource(synthesized, "btp_subaccount_service_instance").body.name).toBe("apim-test");
    expect(onlyResource(synthesized, "btp_subaccount_service_binding").body.name).toBe("apim-test-key");
    expect(await deployedDestination(synthesized, key)).toStrictEqual({
      ...seedDestination(key, "Content transport, test landscape"),
      Name: "APIManagement_Test",
    });
  });

  it("leaves the entitlement out when it is managed elsewhere", () => {
    let source: ApiManagementSource | undefined;
    const synthesized = synthAlone((scope) => {
      source = new ApiManagementSource(scope, "apim", {
        subaccountId: SUBACCOUNT_ID,
        createEntitlement: false,
      });
    });
    expect(synthesized.resource.btp_subaccount_entitlement).toBeUndefined();
    expect(onlyResource(synthesized, "btp_subaccount_service_instance").body.depends_on).toBeUndefined();
    expect(source?.entitlement).toBeUndefined();
  });

  it("exposes its child constructs, and their resources as each one's default child, for escape hatches", () => {
    synthAlone((scope) => {
      const source = new ApiManagementSource(scope, "apim", { subaccountId: SUBACCOUNT_ID });
      const children = [source.entitlement, source.serviceInstance, source.serviceKey, source.destination];
      expect(children.map((c) => c?.constructor.name)).toEqual([
        "ApiPortalEntitlement",
        "ApiPortalServiceInstance",
        "ApiPortalServiceKey",
        "ApiManagementDestination",
      ]);
      expect(children.map((c) => c?.node.defaultChild?.constructor)).toEqual([
        subaccountEntitlement.SubaccountEntitlement,
        subaccountServiceInstance.SubaccountServiceInstance,
        subaccountServiceBinding.SubaccountServiceBinding,
        subaccountDestinationGeneric.SubaccountDestinationGeneric,
      ]);
      expect(source.destination.url).toContain("/api/1.0/transportmodule/Transport");
      // What a consumer would do with them: export an ID, keep the secret sensitive.
      new TerraformOutput(scope, "instance_id", { value: source.serviceInstance.instanceId });
    });
  });

  it("reports every broken prop at once, each with its value", () => {
    let message = "";
    try {
      synthAlone(
        (scope) =>
          new ApiManagementSource(scope, "apim", {
            subaccountId: "nope",
            destinationName: "API Management",
            serviceInstanceName: "",
            serviceKeyName: "\t",
            destinationDescription: " ",
          }),
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('subaccountId "nope" is not a GUID');
    expect(message).toContain('destinationName "API Management" may contain only');
    expect(message).toContain('serviceInstanceName "" is empty or blank');
    expect(message).toContain('serviceKeyName "\\t" is empty or blank');
    expect(message).toContain('destinationDescription " " is empty or blank');
  });

  it("refuses a second source in the same subaccount and stack with the same names", () => {
    expect(() =>
      synthWith((scope) => {
        new ApiManagementSource(scope, "a", { subaccountId: SUBACCOUNT_ID });
        new ApiManagementSource(scope, "b", { subaccountId: SUBACCOUNT_ID });
      }),
    ).toThrow(
      new RegExp(
        `\\S+/a and \\S+/b share subaccount ${SUBACCOUNT_ID} and destinationName "APIManagement"[\\s\\S]*` +
          `\\S+/a and \\S+/b share subaccount ${SUBACCOUNT_ID} and serviceInstanceName "apim-content-transport"`,
      ),
    );
  });

  it("refuses a second entitlement of one subaccount, written in another case, in one stack, whatever the order", () => {
    expect(() =>
      synthWith((scope) => {
        new ApiManagementSource(scope, "a", { subaccountId: SUBACCOUNT_ID });
        new ApiManagementSource(scope, "b", {
          subaccountId: SUBACCOUNT_ID.toUpperCase(),
          destinationName: "APIManagement_B",
          serviceInstanceName: "apim-b",
        });
      }),
    ).toThrow(/\S+\/a and \S+\/b share subaccount \S+ and each declares its API portal entitlement/);
  });

  it("allows a second source in one subaccount when its destination and instance have names of their own", () => {
    const stack = synthAlone((scope) => {
      new ApiManagementSource(scope, "a", { subaccountId: SUBACCOUNT_ID });
      new ApiManagementSource(scope, "b", {
        subaccountId: SUBACCOUNT_ID,
        destinationName: "APIManagement_B",
        serviceInstanceName: "apim-b",
        createEntitlement: false,
      });
    });
    expect(Object.keys(stack.resource.btp_subaccount_destination_generic)).toHaveLength(2);
  });

  it("names the field of a value of the wrong type from JavaScript, and of a name with a line break", () => {
    const props = {
      subaccountId: 42,
      serviceKeyName: ["k"],
      serviceInstanceName: "apim\ntransport",
    } as unknown as ApiManagementSourceProps;
    expect(() => synthAlone((scope) => new ApiManagementSource(scope, "apim", props))).toThrow(
      /subaccountId 42 must be a string[\s\S]*serviceInstanceName "apim\\ntransport" contains a control character[\s\S]*serviceKeyName \["k"\] must be a string/,
    );
  });

  describe("props from JavaScript", () => {
    const refused = (props: Record<string, unknown>) => {
      try {
        synthAlone(
          (scope) =>
            new ApiManagementSource(scope, "apim", {
              subaccountId: SUBACCOUNT_ID,
              ...props,
            } as unknown as ApiManagementSourceProps),
        );
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error("expected the props to be refused");
    };

    it.each<[string, Record<string, unknown>, string]>([
      [
        "a word for createEntitlement",
        { createEntitlement: "false" },
        'createEntitlement "false" must be a boolean, not a string',
      ],
      [
        "a word for connectionCheck",
        { connectionCheck: "false" },
        'connectionCheck "false" must be a boolean, not a string',
      ],
      ["a word for adopt", { adopt: "all" }, 'adopt "all" must be an object, not a string'],
      [
        "a word inside adopt",
        { adopt: { destination: "yes" } },
        'adopt.destination "yes" must be a boolean, not a string',
      ],
      [
        "a misspelt prop",
        { keyRotationDay: 30 },
        "keyRotationDay is not a known prop (did you mean keyRotationDays?)",
      ],
      [
        "a misspelt adopt prop",
        { adopt: { serviceInstanceID: "x" } },
        "adopt.serviceInstanceID is not a known prop (did you mean serviceInstanceId?)",
      ],
      [
        "a number as a string",
        { keyRotationDays: "30" },
        'keyRotationDays "30" must be a number, not a string',
      ],
      [
        "a zero-width space in a name",
        { serviceKeyName: "key\u200b" },
        "contains a control character (U+200B)",
      ],
      [
        "a right-to-left override in a description",
        { destinationDescription: "a\u202eb" },
        "contains a control character (U+202E)",
      ],
      [
        "a name of 256 characters",
        { serviceInstanceName: "n".repeat(256) },
        "serviceInstanceName is 256 characters long; at most 255 are allowed",
      ],
    ])("refuses %s, naming the prop and the value", (_, props, expected) => {
      expect(refused(props)).toContain(expected);
    });

    it("accepts a name of exactly 255 characters, the longest BTP takes", () => {
      expect(() =>
        synthAlone(
          (scope) =>
            new ApiManagementSource(scope, "apim", {
              subaccountId: SUBACCOUNT_ID,
              serviceInstanceName: "n".repeat(255),
            }),
        ),
      ).not.toThrow();
    });

    it("refuses props that are not an object", () => {
      expect(() =>
        synthAlone(
          (scope) => new ApiManagementSource(scope, "apim", null as unknown as ApiManagementSourceProps),
        ),
      ).toThrow("props null must be an object");
    });

    it("refuses an unknown prop on each construct it is built of", () => {
      expect(() =>
        synthAlone(
          (scope) =>
            new ApiPortalServiceKey(scope, "key", {
              subaccountId: SUBACCOUNT_ID,
              serviceInstance: ApiPortalServiceInstance.fromInstanceId(scope, "instance", SUBACCOUNT_ID),
              rotationDay: 3,
            } as unknown as ApiPortalServiceKeyProps),
        ),
      ).toThrow("rotationDay is not a known prop (did you mean rotationDays?)");
    });
  });

  it.each([
    ["the Other environment", undefined],
    ["a Cloud Foundry space", { spaceId: "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a" }],
  ])(
    "exposes, in %s, what the stack declares: the URL Terraform computes, the names and the subaccount",
    (_, cloudFoundry) => {
      const key = fakeServiceKey({ trailingSlash: true });
      let source: ApiManagementSource | undefined;
      const synthesized = synthAlone((scope) => {
        source = new ApiManagementSource(scope, "apim", {
          subaccountId: SUBACCOUNT_ID,
          destinationName: "APIManagement_QA",
          serviceInstanceName: "apim-qa",
          cloudFoundry,
        });
        new TerraformOutput(scope, "url", { value: source.destination.url });
        new TerraformOutput(scope, "instance_id", { value: source.serviceInstance.instanceId });
      });
      const apim = source as ApiManagementSource;
      const instanceType = cloudFoundry ? "cloudfoundry_service_instance" : "btp_subaccount_service_instance";
      const { url } = evaluateInTerraform(
        { url: String(synthesized.output.url.value) },
        keyReference(synthesized, key),
      );
      // SAP's URL, from the key's url with its slash: what the destination holds too (tested above).
      expect(url).toBe(`${key.url.replace(/\/$/, "")}/api/1.0/transportmodule/Transport`);
      const destination = onlyResource(synthesized, "btp_subaccount_destination_generic").body;
      expect(destination.destination_configuration).toContain('"Name" = "APIManagement_QA"');
      expect([apim.destinationName, apim.destination.name]).toEqual(["APIManagement_QA", "APIManagement_QA"]);
      expect(apim.serviceInstanceName).toBe(onlyResource(synthesized, instanceType).body.name);
      expect(apim.subaccountId).toBe(destination.subaccount_id);
      expect(synthesized.output.instance_id.value).toBe(
        `\${${instanceType}.${onlyResource(synthesized, instanceType).name}.id}`,
      );
    },
  );
});
