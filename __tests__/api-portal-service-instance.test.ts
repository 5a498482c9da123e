import { subaccountServiceInstance } from "@cdktf/provider-btp";
import { Testing } from "cdktf";
import { ApiPortalEntitlement, ApiPortalServiceInstance } from "../constructs";
import { SUBACCOUNT_ID, onlyResource, synthAlone } from "./support/synth";

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
