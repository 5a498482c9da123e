import { Token } from "cdktf";
import { ApiPortalEntitlement } from "../constructs";
import { SUBACCOUNT_ID, onlyResource, synthAlone } from "./support/synth";

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
