import { provider as http } from "@cdktf/provider-http";
import { ApiManagementSource, ApiManagementSourceProps } from "../constructs";
import { deployedDestination } from "./support/destination";
import { evaluateInTerraform } from "./support/terraform-eval";
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
      serviceKeyName: "key-made-by-hand",
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

  it("asks for the adopted key's name: any other would plan a rename the provider refuses", () => {
    expect(errorOf({ adopt: { serviceKeyId: KEY_ID } })).toContain(
      `adopt.serviceKeyId "${KEY_ID}" needs serviceKeyName, the name the key has in the cockpit`,
    );
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
      `\${join("-", ["transport-key", formatdate("YYYYMMDDhhmm", time_rotating.${rotation.name}.rfc3339)])}`,
    );
    // The name feeds the trigger that replaces the key, and the key is created before the old one goes.
    expect(trigger.body.input).toEqual({
      name: key.body.name,
      service_instance_id: key.body.service_instance_id,
    });
    expect(key.body.lifecycle).toEqual({
      create_before_destroy: true,
      replace_triggered_by: [`terraform_data.${trigger.name}`],
    });
    expect(synthesized.provider?.time).toEqual([{}]);
  });

  it("gives each rotation its own key name", () => {
    const synthesized = synthSource({ keyRotationDays: 7 });
    const rotation = onlyResource(synthesized, "time_rotating").name;
    const nameAt = (rfc3339: string) =>
      evaluateInTerraform(
        { name: onlyResource(synthesized, "btp_subaccount_service_binding").body.name as string },
        { [`time_rotating.${rotation}.rfc3339`]: rfc3339 },
      ).name;
    expect(nameAt("2026-11-23T09:30:00Z")).toBe("apim-content-transport-key-202611230930");
    expect(nameAt("2026-11-30T09:30:00Z")).toBe("apim-content-transport-key-202611300930");
  });

  it("moves the destination to whatever key is current", () => {
    const synthesized = synthSource({ keyRotationDays: 7 });
    const key = onlyResource(synthesized, "btp_subaccount_service_binding").name;
    expect(
      onlyResource(synthesized, "btp_subaccount_destination_generic").body.destination_configuration,
    ).toContain(`btp_subaccount_service_binding.${key}.credentials`);
  });

  it.each([
    [0, "0"],
    [-3, "-3"],
    [1.5, "1.5"],
    [3651, "3651"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.MAX_SAFE_INTEGER + 2, "9007199254740992"],
  ])("rejects keyRotationDays %p, showing it as %s", (keyRotationDays, shown) => {
    expect(errorOf({ keyRotationDays })).toContain(
      `keyRotationDays ${shown} must be a whole number of days, at least 1 and at most 3650`,
    );
  });

  it("accepts the edges, 1 and 3650 days", () => {
    for (const keyRotationDays of [1, 3650]) {
      expect(onlyResource(synthSource({ keyRotationDays }), "time_rotating").body.rotation_days).toBe(
        keyRotationDays,
      );
    }
  });
});

describe("ApiManagementSource connectionCheck", () => {
  /** The check blocks by what they call, each with its one data source and assertion. */
  const checksOf = (synthesized: Record<string, unknown>) => {
    const checks = synthesized.check as CheckJson;
    const call = (suffix: string) => {
      const name = Object.keys(checks).find((n) => n.endsWith(suffix)) ?? "";
      const check = checks[name];
      // Terraform allows one data source per check block, and it is the block's own.
      expect(Object.keys(check.data.http)).toEqual([name]);
      expect(check.assert).toHaveLength(1);
      return { name, request: check.data.http[name], assert: check.assert[0] };
    };
    expect(Object.keys(checks)).toHaveLength(2);
    return { token: call("_token"), transport: call("_transport") };
  };
  const credentialsOf = (synthesized: StackJson) =>
    `btp_subaccount_service_binding.${onlyResource(synthesized, "btp_subaccount_service_binding").name}.credentials`;

  it("is on by default, through the http provider it adds", () => {
    const synthesized = synthSource();
    expect(synthesized.check).toBeDefined();
    expect(synthesized.provider?.http).toEqual([{}]);
  });

  it("asks the key's token service for a token with the key's client credentials, form-encoded", () => {
    const key = fakeServiceKey();
    const synthesized = synthSource();
    const { request } = checksOf(synthesized).token;
    expect(request.method).toBe("POST");
    expect(request.request_headers).toEqual({
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    });
    const evaluated = evaluateInTerraform(
      { url: request.url as string, body: request.request_body as string },
      { [credentialsOf(synthesized)]: JSON.stringify(key) },
    );
    expect(evaluated.url).toBe(key.tokenUrl);
    // Every value percent-encoded: a lenient form parser would also read a raw "!" or "|".
    for (const pair of (evaluated.body as string).split("&")) expect(pair).toMatch(/^\w+=[\w.~%-]*$/);
    expect(Object.fromEntries(new URLSearchParams(evaluated.body as string))).toEqual({
      grant_type: "client_credentials",
      client_id: key.clientId,
      client_secret: key.clientSecret,
    });
  });

  it("calls exactly the destination's URL, with no token and no reference to the other check", async () => {
    const key = fakeServiceKey({ trailingSlash: true });
    const synthesized = synthSource();
    const { token, transport } = checksOf(synthesized);
    expect(JSON.stringify(transport)).not.toContain(token.name);
    expect(transport.request.request_headers).toBeUndefined();
    const { url } = evaluateInTerraform(
      { url: transport.request.url as string },
      { [credentialsOf(synthesized)]: JSON.stringify(key) },
    );
    expect(url).toBe((await deployedDestination(synthesized, key)).URL);
  });

  it("warns instead of failing the plan when the key is not what it should be", () => {
    const synthesized = synthSource();
    const { token, transport } = checksOf(synthesized);
    // Terraform fails a plan when a check's data source inputs cannot be evaluated; an empty URL
    // only fails the data source, which inside a check block is a warning.
    const evaluated = evaluateInTerraform(
      {
        tokenUrl: token.request.url as string,
        body: token.request.request_body as string,
        url: transport.request.url as string,
      },
      { [credentialsOf(synthesized)]: "not JSON" },
    );
    expect(evaluated).toEqual({
      tokenUrl: "",
      body: "grant_type=client_credentials&client_id=&client_secret=",
      url: "",
    });
  });

  it.each([
    [200, 200, true, true],
    [200, 401, true, true],
    [200, 500, true, false],
    [200, 404, true, false],
    [401, 401, false, true],
  ])(
    "with token status %p and transport status %p: token check %p, transport check %p",
    (tokenStatus, transportStatus, tokenPasses, transportPasses) => {
      const { token, transport } = checksOf(synthSource());
      expect(
        evaluateInTerraform(
          { token: token.assert.condition, transport: transport.assert.condition },
          {
            [`data.http.${token.name}.status_code`]: tokenStatus,
            [`data.http.${transport.name}.status_code`]: transportStatus,
          },
        ),
      ).toEqual({ token: tokenPasses, transport: transportPasses });
    },
  );

  it("keeps secrets out of its messages", () => {
    const { token, transport } = checksOf(synthSource());
    for (const { assert } of [token, transport]) expect(assert.error_message).not.toContain("${");
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
    expect(Object.keys(synthesized.check)).toHaveLength(4);
  });
});
