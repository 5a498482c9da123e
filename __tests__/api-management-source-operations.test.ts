import { provider as http } from "@cdktf/provider-http";
import { evaluateTemplate } from "../scripts/lib/terraform-expression";
import { ApiManagementSource, ApiManagementSourceProps } from "../constructs";
import { deployedDestination } from "./support/destination";
import { fakeServiceKey } from "./support/service-key";
import { SUBACCOUNT_ID, StackJson, onlyResource, synthAlone } from "./support/synth";

const INSTANCE_ID = "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const KEY_ID = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

function synthSource(props: Partial<ApiManagementSourceProps> = {}): StackJson & Record<string, unknown> {
  return synthAlone(
    (scope) => new ApiManagementSource(scope, "apim", { subaccountId: SUBACCOUNT_ID, ...props }),
  ) as StackJson & Record<string, unknown>;
}

function errorOf(props: Partial<ApiManagementSourceProps>): string {
  try {
    synthSource(props);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

type ImportJson = Array<{ to: string; id: string }>;
type CheckJson = Record<
  string,
  {
    data: { http: Record<string, Record<string, unknown>> };
    assert: Array<{ condition: string; error_message: string }>;
  }
>;

describe("ApiManagementSource adopt", () => {
  it("imports nothing by default", () => {
    expect(synthSource().import).toBeUndefined();
  });

  it("imports each adopted object with the provider's documented import ID", () => {
    const synthesized = synthSource({
      destinationName: "APIManagement_EU",
      adopt: { entitlement: true, serviceInstanceId: INSTANCE_ID, serviceKeyId: KEY_ID, destination: true },
    });
    const address = (type: string) => `${type}.${onlyResource(synthesized, type).name}`;
    expect(synthesized.import as ImportJson).toEqual(
      expect.arrayContaining([
        {
          to: address("btp_subaccount_entitlement"),
          id: `${SUBACCOUNT_ID},apimanagement-apiportal,apiportal-apiaccess`,
        },
        { to: address("btp_subaccount_service_instance"), id: `${SUBACCOUNT_ID},${INSTANCE_ID}` },
        { to: address("btp_subaccount_service_binding"), id: `${SUBACCOUNT_ID},${KEY_ID}` },
        { to: address("btp_subaccount_destination_generic"), id: `${SUBACCOUNT_ID},APIManagement_EU` },
      ]),
    );
    expect(synthesized.import as ImportJson).toHaveLength(4);
  });

  it("imports only what is adopted", () => {
    const synthesized = synthSource({ adopt: { destination: true } });
    expect(synthesized.import).toEqual([
      {
        to: `btp_subaccount_destination_generic.${onlyResource(synthesized, "btp_subaccount_destination_generic").name}`,
        id: `${SUBACCOUNT_ID},APIManagement`,
      },
    ]);
  });

  it.each<[string, Partial<ApiManagementSourceProps>, string]>([
    [
      "a malformed instance ID",
      { adopt: { serviceInstanceId: "inst-1" } },
      'adopt.serviceInstanceId "inst-1" is not a GUID',
    ],
    [
      "a malformed key ID",
      { adopt: { serviceKeyId: `${KEY_ID},x` } },
      `adopt.serviceKeyId "${KEY_ID},x" is not a GUID`,
    ],
    [
      "a flag that is not a boolean",
      { adopt: { destination: "yes" as unknown as boolean } },
      'adopt.destination "yes" must be a boolean',
    ],
    ["an unknown field", { adopt: { key: KEY_ID } as never }, "adopt.key is not a known field"],
    [
      "an entitlement that is not created",
      { createEntitlement: false, adopt: { entitlement: true } },
      "contradicts createEntitlement false",
    ],
    [
      "a key adopted and rotated at once",
      { keyRotationDays: 30, adopt: { serviceKeyId: KEY_ID } },
      "cannot be combined with keyRotationDays",
    ],
  ])("rejects %s", (_, props, expected) => {
    expect(errorOf(props)).toContain(expected);
  });
});

describe("ApiManagementSource keyRotationDays", () => {
  it("leaves the key alone by default: no time_rotating, no time provider, no create_before_destroy", () => {
    const synthesized = synthSource();
    expect(synthesized.resource.time_rotating).toBeUndefined();
    expect(synthesized.provider?.time).toBeUndefined();
    expect(onlyResource(synthesized, "btp_subaccount_service_binding").body.lifecycle).not.toHaveProperty(
      "create_before_destroy",
    );
  });

  it("dates the key with a time_rotating of N days, so it is replaced under a new name, new key first", () => {
    const synthesized = synthSource({ keyRotationDays: 30, serviceKeyName: "transport-key" });
    const rotation = onlyResource(synthesized, "time_rotating");
    const key = onlyResource(synthesized, "btp_subaccount_service_binding");
    const trigger = onlyResource(synthesized, "terraform_data");
    expect(rotation.body.rotation_days).toBe(30);
    expect(key.body.name).toBe(
      `transport-key-\${formatdate("YYYYMMDDhhmm", time_rotating.${rotation.name}.rfc3339)}`,
    );
    // The name feeds the trigger that replaces the key, and the key is created before the old one goes.
    expect(trigger.body.input).toEqual({ name: key.body.name });
    expect(key.body.lifecycle).toEqual({
      create_before_destroy: true,
      replace_triggered_by: [`\${terraform_data.${trigger.name}}`],
    });
    expect(synthesized.provider?.time).toEqual([{}]);
  });

  it("gives each rotation its own key name", async () => {
    const synthesized = synthSource({ keyRotationDays: 7 });
    const rotation = onlyResource(synthesized, "time_rotating").name;
    const nameAt = (rfc3339: string) =>
      evaluateTemplate(onlyResource(synthesized, "btp_subaccount_service_binding").body.name as string, {
        [`time_rotating.${rotation}.rfc3339`]: rfc3339,
      });
    expect(await nameAt("2026-11-23T09:30:00Z")).toBe("apim-content-transport-key-202611230930");
  });

  it("moves the destination to whatever key is current", () => {
    const synthesized = synthSource({ keyRotationDays: 7 });
    const key = onlyResource(synthesized, "btp_subaccount_service_binding").name;
    expect(
      onlyResource(synthesized, "btp_subaccount_destination_generic").body.destination_configuration,
    ).toContain(`btp_subaccount_service_binding.${key}.credentials`);
  });

  it.each([0, -3, 1.5, Number.NaN])("rejects keyRotationDays %p", (keyRotationDays) => {
    expect(errorOf({ keyRotationDays })).toContain(
      `keyRotationDays ${JSON.stringify(keyRotationDays)} must be a whole number of days, at least 1`,
    );
  });
});

describe("ApiManagementSource connectionCheck", () => {
  const checkOf = (synthesized: Record<string, unknown>) => {
    const checks = Object.values(synthesized.check as CheckJson);
    expect(checks).toHaveLength(1);
    const [check] = checks;
    const names = Object.keys(check.data.http);
    const token = names.find((name) => name.endsWith("_token")) ?? "";
    const transport = names.find((name) => name.endsWith("_transport")) ?? "";
    return { check, token, transport };
  };

  it("is on by default, through the http provider it adds", () => {
    const synthesized = synthSource();
    expect(synthesized.check).toBeDefined();
    expect(synthesized.provider?.http).toEqual([{}]);
  });

  it("asks the key's token service for a token with the key's client credentials, as references", async () => {
    const key = fakeServiceKey();
    const synthesized = synthSource();
    const { check, token } = checkOf(synthesized);
    const binding = onlyResource(synthesized, "btp_subaccount_service_binding").name;
    const refs = { [`btp_subaccount_service_binding.${binding}.credentials`]: JSON.stringify(key) };
    const request = check.data.http[token];
    expect(request.method).toBe("POST");
    expect(await evaluateTemplate(request.url as string, refs)).toBe(key.tokenUrl);
    const body = new URLSearchParams(
      (await evaluateTemplate(request.request_body as string, refs)) as string,
    );
    expect(Object.fromEntries(body)).toEqual({
      grant_type: "client_credentials",
      client_id: key.clientId,
      client_secret: key.clientSecret,
    });
  });

  it("calls exactly the destination's URL with the token", async () => {
    const key = fakeServiceKey();
    const synthesized = synthSource();
    const { check, token, transport } = checkOf(synthesized);
    const binding = onlyResource(synthesized, "btp_subaccount_service_binding").name;
    const refs = { [`btp_subaccount_service_binding.${binding}.credentials`]: JSON.stringify(key) };
    const call = check.data.http[transport];
    expect(await evaluateTemplate(call.url as string, refs)).toBe(
      (await deployedDestination(synthesized, key)).URL,
    );
    expect(
      await evaluateTemplate((call.request_headers as Record<string, string>).Authorization, {
        [`data.http.${token}.response_body`]: '{"access_token":"t0k3n"}',
      }),
    ).toBe("Bearer t0k3n");
  });

  it.each([
    [200, 200, true],
    [200, 401, true],
    [200, 500, false],
    [200, 404, false],
    [401, 401, false],
  ])(
    "passes with token status %p and transport status %p: %p",
    async (tokenStatus, transportStatus, passes) => {
      const { check, token, transport } = checkOf(synthSource());
      const results = await Promise.all(
        check.assert.map((a) =>
          evaluateTemplate(a.condition, {
            [`data.http.${token}.status_code`]: tokenStatus,
            [`data.http.${transport}.status_code`]: transportStatus,
          }),
        ),
      );
      expect(results.every(Boolean)).toBe(passes);
    },
  );

  it("keeps secrets out of its messages", () => {
    const { check } = checkOf(synthSource());
    for (const a of check.assert) expect(a.error_message).not.toContain("${");
  });

  it("is left out with connectionCheck: false, and so is the http provider", () => {
    const synthesized = synthSource({ connectionCheck: false });
    expect(synthesized.check).toBeUndefined();
    expect(synthesized.provider).toBeUndefined();
  });

  it("reuses the stack's http provider rather than declaring a second one", () => {
    const synthesized = synthAlone((scope) => {
      new http.HttpProvider(scope, "my-http");
      new ApiManagementSource(scope, "a", { subaccountId: SUBACCOUNT_ID });
      new ApiManagementSource(scope, "b", { subaccountId: INSTANCE_ID, destinationName: "APIManagement_B" });
    }) as StackJson & { check: CheckJson };
    expect(synthesized.provider?.http).toHaveLength(1);
    expect(Object.keys(synthesized.check)).toHaveLength(2);
  });
});
