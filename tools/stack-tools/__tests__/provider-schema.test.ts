import { ApiManagementSource } from "../../../constructs";
import { synthApp } from "../../../__tests__/support/app";
import { synthWith } from "../../../__tests__/support/synth";
import { checkStackAgainstSchema, loadBtpSchema } from "../src/provider-schema";

const schema = loadBtpSchema();
const ID = "11111111-2222-4333-8444-555555555555";

describe("the committed SAP/btp schema snapshot", () => {
  it("covers the provider block and every resource the project uses", () => {
    expect(schema.provider.attributes?.globalaccount).toMatchObject({ required: true });
    for (const type of [
      "btp_subaccount_entitlement",
      "btp_subaccount_service_instance",
      "btp_subaccount_service_binding",
      "btp_subaccount_destination_generic",
    ]) {
      expect(schema.resources[type]).toBeDefined();
    }
  });

  it("marks the values that carry secrets as sensitive", () => {
    expect(schema.resources.btp_subaccount_service_binding.attributes?.credentials).toMatchObject({
      computed: true,
      sensitive: true,
    });
    expect(schema.resources.btp_subaccount_service_instance.attributes?.parameters).toMatchObject({
      sensitive: true,
    });
    expect(
      schema.resources.btp_subaccount_destination_generic.attributes?.destination_configuration,
    ).toMatchObject({ sensitive: true });
    expect(schema.provider.attributes?.password).toMatchObject({ sensitive: true });
  });
});

describe("checkStackAgainstSchema", () => {
  const check = (resource: Record<string, unknown>) =>
    checkStackAgainstSchema("s", { resource: { btp_subaccount_entitlement: { e: resource } } }, schema);

  it("accepts a complete block with meta-arguments", () => {
    expect(
      check({ subaccount_id: ID, service_name: "s", plan_name: "p", depends_on: ["x.y"], lifecycle: {} }),
    ).toEqual([]);
  });

  it("finds an unknown attribute, a missing required one and a computed-only one", () => {
    expect(check({ subaccount_id: ID, service_name: "s", plan_nme: "p", id: "x" })).toEqual(
      expect.arrayContaining([
        {
          stack: "s",
          address: "btp_subaccount_entitlement.e",
          attribute: "plan_nme",
          message: "is not an attribute of this block in the SAP/btp schema",
        },
        {
          stack: "s",
          address: "btp_subaccount_entitlement.e",
          attribute: "plan_name",
          message: "is required but not set",
        },
        {
          stack: "s",
          address: "btp_subaccount_entitlement.e",
          attribute: "id",
          message: "is computed by the provider and cannot be set",
        },
      ]),
    );
  });

  it("looks inside nested attributes such as timeouts", () => {
    const instance = { subaccount_id: ID, name: "i", timeouts: { create: "5m", creat: "5m" } };
    expect(
      checkStackAgainstSchema(
        "s",
        { resource: { btp_subaccount_service_instance: { i: instance } } },
        schema,
      ),
    ).toEqual([
      {
        stack: "s",
        address: "btp_subaccount_service_instance.i",
        attribute: "timeouts.creat",
        message: "is not an attribute of this block in the SAP/btp schema",
      },
    ]);
  });

  it("finds an unknown resource type and an unknown provider attribute", () => {
    const findings = checkStackAgainstSchema(
      "s",
      {
        resource: { btp_subaccount_destinaton: { d: {} } },
        provider: { btp: [{ globalaccount: "ga", passwort: "x" }] },
      },
      schema,
    );
    expect(findings.map((f) => `${f.address} ${f.attribute}`)).toEqual([
      "btp_subaccount_destinaton.d ",
      "provider.btp passwort",
    ]);
  });

  it("accepts what the constructs synthesize: a consumer's stack and every stack of the default app", () => {
    const consumer = synthWith(
      (scope) => new ApiManagementSource(scope, "apim", { subaccountId: ID, keyRotationDays: 7 }),
    );
    expect(checkStackAgainstSchema("consumer", consumer, schema)).toEqual([]);
    for (const [name, stack] of Object.entries(synthApp()))
      expect(checkStackAgainstSchema(name, stack, schema)).toEqual([]);
  });
});
