import { ApiPortalEntitlement, ApiPortalServiceInstance } from "../constructs";
import { SUBACCOUNT_ID, onlyResource, synthAlone } from "./support/synth";

describe("ApiPortalServiceInstance", () => {
  it("creates an instance of the API portal offering and API-access plan, by name, with only the Administrator role", () => {
    const synthesized = synthAlone(
      (scope) => new ApiPortalServiceInstance(scope, "instance", { subaccountId: SUBACCOUNT_ID }),
    );

    const { body } = onlyResource(synthesized, "btp_subaccount_service_instance");
    expect(body.service_offering_name).toBe("apimanagement-apiportal");
    expect(body.serviceplan_name).toBe("apiportal-apiaccess");
    expect(body.serviceplan_id).toBeUndefined();
    expect(body.subaccount_id).toBe(SUBACCOUNT_ID);
    expect(body.name).toBe("apim-content-transport");
    // Exactly this JSON, as SAP's procedure configures it.
    expect(body.parameters).toBe('{"role":"APIPortal.Administrator"}');
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
