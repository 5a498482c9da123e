import { loadBtpSchema } from "../src/provider-schema";

const schema = loadBtpSchema();

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
