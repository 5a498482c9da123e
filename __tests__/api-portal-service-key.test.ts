import { ApiPortalServiceInstance, ApiPortalServiceKey, ApiPortalServiceKeyProps } from "../constructs";
import { SUBACCOUNT_ID, onlyResource, synthAlone } from "./support/synth";

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
