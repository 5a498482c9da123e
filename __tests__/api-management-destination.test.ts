import { AnnotationMetadataEntryType, TerraformStack, Testing } from "cdktf";
import { ApiManagementDestination, ApiPortalServiceInstance, ApiPortalServiceKey } from "../constructs";
import { deployedDestination } from "./support/destination";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { SUBACCOUNT_ID, StackJson, onlyResource, synthAlone } from "./support/synth";

const INSTANCE_ID = "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

function synthDestination(props: { name?: string; description?: string } = {}): StackJson {
  return synthAlone((scope) => {
    const key = new ApiPortalServiceKey(scope, "key", {
      subaccountId: SUBACCOUNT_ID,
      serviceInstance: ApiPortalServiceInstance.fromInstanceId(scope, "instance", INSTANCE_ID),
    });
    new ApiManagementDestination(scope, "destination", {
      subaccountId: SUBACCOUNT_ID,
      serviceKey: key,
      ...props,
    });
  });
}

describe("ApiManagementDestination", () => {
  it("uses btp_subaccount_destination_generic, not the deprecated btp_subaccount_destination", () => {
    const synthesized = synthDestination();
    expect(synthesized.resource.btp_subaccount_destination).toBeUndefined();
    expect(onlyResource(synthesized, "btp_subaccount_destination_generic").body.subaccount_id).toBe(
      SUBACCOUNT_ID,
    );
  });

  it.each([1, 2, 3])(
    "yields exactly the destination of SAP's table for any key of the seed's shape (%#)",
    async () => {
      const key = fakeServiceKey();
      expect(await deployedDestination(synthDestination(), key)).toStrictEqual(seedDestination(key));
    },
  );

  it("does not double the slash when the key's url ends with one", async () => {
    const key = fakeServiceKey({ trailingSlash: true });
    const destination = await deployedDestination(synthDestination(), key);
    expect(destination.URL).toBe(`${key.url}api/1.0/transportmodule/Transport`);
  });

  it("takes a custom name and description", async () => {
    const key = fakeServiceKey();
    const destination = await deployedDestination(
      synthDestination({ name: "APIManagement_EU", description: "Transport from EU dev" }),
      key,
    );
    expect(destination).toStrictEqual({
      ...seedDestination(key, "Transport from EU dev"),
      Name: "APIManagement_EU",
    });
  });

  it("warns at synth when the name is not the one the transport looks for, and only then", () => {
    const warningsOf = (name?: string) => {
      const stack = new TerraformStack(Testing.app(), "test");
      const key = new ApiPortalServiceKey(stack, "key", {
        subaccountId: SUBACCOUNT_ID,
        serviceInstance: ApiPortalServiceInstance.fromInstanceId(stack, "instance", INSTANCE_ID),
      });
      const destination = new ApiManagementDestination(stack, "destination", {
        subaccountId: SUBACCOUNT_ID,
        serviceKey: key,
        name,
      });
      return destination.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
        .map((m) => String(m.data));
    };
    expect(warningsOf()).toEqual([]);
    expect(warningsOf("APIManagement")).toEqual([]);
    expect(warningsOf("APIManagement_EU")).toEqual([
      expect.stringContaining(
        'destination name "APIManagement_EU": the content transport looks for exactly "APIManagement"',
      ),
    ]);
  });

  it("keeps every key value a Terraform reference: nothing of the key is in the synthesized JSON", () => {
    const configuration = onlyResource(synthDestination(), "btp_subaccount_destination_generic").body
      .destination_configuration as string;
    const binding = onlyResource(synthDestination(), "btp_subaccount_service_binding").name;
    for (const field of ["url", "clientId", "clientSecret", "tokenUrl"]) {
      expect(configuration).toContain(
        `jsondecode(btp_subaccount_service_binding.${binding}.credentials).${field}`,
      );
    }
  });

  it("refuses literal credentials, which would put the client secret into code and cdk.tf.json", () => {
    expect(() =>
      synthAlone(
        (scope) =>
          new ApiManagementDestination(scope, "destination", {
            subaccountId: SUBACCOUNT_ID,
            serviceKey: ApiPortalServiceKey.fromCredentials(scope, "key", {
              credentials: JSON.stringify(fakeServiceKey()),
              name: "made-by-hand",
            }),
          }),
      ),
    ).toThrow("serviceKey.credentials must be a Terraform reference");
  });

  it.each([
    ["API Management", "may contain only letters, digits"],
    ["APIManagement!", "may contain only letters, digits"],
    ["", "is empty or blank"],
    ["  ", "is empty or blank"],
    ["A".repeat(201), "BTP allows at most 200"],
    // The transport looks the destination up case-sensitively: another case of its name is a typo.
    ["ApiManagement", 'differs from "APIManagement" only in case'],
    ["APIMANAGEMENT", 'differs from "APIManagement" only in case'],
  ])("rejects the destination name %j", (name, problem) => {
    expect(() => synthDestination({ name })).toThrow(`name ${JSON.stringify(name)}`);
    expect(() => synthDestination({ name })).toThrow(problem);
  });

  it("accepts a destination name of 200 letters, digits, - and _", () => {
    expect(() => synthDestination({ name: `A-_9${"b".repeat(196)}` })).not.toThrow();
  });
});
