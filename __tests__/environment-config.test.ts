import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, loadConfiguration, parseConfiguration } from "@apim/stacks";
import { configurationProblemsOf, writeConfig } from "./support/app";
import { tempDir } from "./support/temp";

const GOOD = { globalAccount: "ga-subdomain", subaccountId: "11111111-2222-4333-8444-555555555555" };
/** Another environment, in a subaccount of its own. */
const OTHER = { globalAccount: "ga-subdomain", subaccountId: "66666666-7777-4888-9999-aaaaaaaaaaaa" };

/** The message of the ConfigError that loading a file with environment `dev` (and `selected` asked for) raises. */
function errorFor(dev: Record<string, unknown>, selected: string[] = []): string {
  try {
    loadConfiguration(writeConfig({ environments: { dev, prod: OTHER } }), selected);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("environment configuration", () => {
  it("returns the environments in file order with their options", () => {
    const environments = parseConfiguration("f", {
      environments: { dev: GOOD, prod: { ...OTHER, keyRotationDays: 30 } },
    }).environments;
    expect(environments.map((e) => e.name)).toEqual(["dev", "prod"]);
    expect(environments[1].keyRotationDays).toBe(30);
  });

  it.each([
    [
      "a subaccount ID that is not a GUID",
      { subaccountId: "my-subaccount" },
      'subaccountId "my-subaccount" is not a GUID',
    ],
    ["a blank global account", { globalAccount: "  " }, 'globalAccount "  " is empty or blank'],
    [
      "a global account given as a URL",
      { globalAccount: "https://acme.accounts.ondemand.com" },
      'globalAccount "https://acme.accounts.ondemand.com" is not a global account subdomain: one DNS label of letters, digits and "-" (at most 63 characters, no "-" at either end), as the cockpit shows it under the global account\'s Subdomain; a URL is not one, its subdomain is',
    ],
    [
      "a global account's display name",
      { globalAccount: "ACME Global" },
      'globalAccount "ACME Global" is not a global account subdomain',
    ],
    [
      "a global account ending in -",
      { globalAccount: "acme-" },
      'globalAccount "acme-" is not a global account subdomain',
    ],
    [
      "a global account of 64 characters",
      { globalAccount: "a".repeat(64) },
      `globalAccount "${"a".repeat(64)}" is not a global account subdomain`,
    ],
    [
      "an empty service instance name",
      { serviceInstanceName: "" },
      'serviceInstanceName "" is empty or blank',
    ],
    ["a blank service key name", { serviceKeyName: " " }, 'serviceKeyName " " is empty or blank'],
    [
      "a blank destination description",
      { destinationDescription: " " },
      'destinationDescription " " is empty or blank',
    ],
    [
      "a destination name with a space",
      { destinationName: "API Management" },
      'destinationName "API Management" may contain only letters, digits, "-" and "_"',
    ],
    [
      "a destination name with a dot",
      { destinationName: "API.Management" },
      'destinationName "API.Management" may contain only',
    ],
    [
      "a destination name that is APIManagement in another case",
      { destinationName: "apimanagement" },
      'destinationName "apimanagement" differs from "APIManagement" only in case',
    ],
    [
      "a destination name over 200 characters",
      { destinationName: "D".repeat(201) },
      "is 201 characters long; BTP allows at most 200",
    ],
    [
      "a role, which is no longer a field (the instance always gets APIPortal.Administrator)",
      { role: "APIPortal.Guest" },
      "role is not a known field",
    ],
    ["a field of the wrong type", { createEntitlement: "no" }, 'createEntitlement "no" must be a boolean'],
    [
      "an adopt flag that is not a boolean",
      { adopt: { destination: "yes" } },
      'adopt.destination "yes" must be a boolean',
    ],
    ["an unknown adopt field", { adopt: { key: "x" } }, "adopt.key is not a known field"],
    ["an unknown field (a typo)", { subaccountID: GOOD.subaccountId }, "subaccountID is not a known field"],
    [
      "a CLI server URL that is not https",
      { cliServerUrl: "http://cli.example.com" },
      'cliServerUrl "http://cli.example.com" is not an https:// URL',
    ],
    [
      "an unsupported backend",
      { backend: { type: "etcd" } },
      'backend.type "etcd" is not a supported backend',
    ],
    [
      "an incomplete s3 backend",
      { backend: { type: "s3", bucket: "b" } },
      "backend.key is required for the s3 backend",
    ],
    // The file's schema states the rule (integer, 1 to 3650), so the schema check reports it, once.
    [
      "a rotation period given as text",
      { keyRotationDays: "30" },
      'keyRotationDays "30" must be a whole number',
    ],
    ["a rotation period of zero days", { keyRotationDays: 0 }, "keyRotationDays 0 must be at least 1"],
    ["a rotation period of 2.5 days", { keyRotationDays: 2.5 }, "keyRotationDays 2.5 must be a whole number"],
    [
      "a rotation period over ten years",
      { keyRotationDays: 4000 },
      "keyRotationDays 4000 must be at most 3650",
    ],
    [
      "a malformed adopted instance ID",
      { adopt: { serviceInstanceId: "abc" } },
      'adopt.serviceInstanceId "abc" is not a GUID',
    ],
    ["an adopt that is not an object", { adopt: true }, "adopt true must be an object"],
    [
      "a connection check given as text",
      { connectionCheck: "off" },
      'connectionCheck "off" must be a boolean',
    ],
    [
      "a secret in the backend",
      { backend: { type: "s3", bucket: "b", key: "k", secretKey: "x" } },
      "backend.secretKey must not be in the configuration",
    ],
  ])("rejects %s, naming environment, field and value", (_, change, expected) => {
    const message = errorFor({ ...GOOD, ...change });
    expect(message).toContain('environment "dev":');
    expect(message).toContain(expected);
  });

  it("rejects an environment without a global account", () => {
    expect(errorFor({ subaccountId: GOOD.subaccountId })).toContain(
      'environment "dev": globalAccount is required',
    );
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "rejects %p asked for: a property every object has is no environment",
    (name) => {
      expect(errorFor(GOOD, [name])).toContain(`environment "${name}" was asked for but is not configured`);
    },
  );

  it("rejects an unknown environment asked for, listing the configured ones", () => {
    expect(errorFor(GOOD, ["staging"])).toContain(
      'environment "staging" was asked for but is not configured (configured: dev, prod)',
    );
  });

  it("rejects an environment name that cannot be a stack name", () => {
    expect(() => parseConfiguration("f", { environments: { "dev env": GOOD } })).toThrow(
      'environment "dev env": the name must start with a letter',
    );
  });

  it("reports the problems of every environment at once", () => {
    let message = "";
    try {
      parseConfiguration("f", {
        environments: { dev: { ...GOOD, keyRotationDays: 0 }, prod: { subaccountId: "y" } },
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('environment "dev": keyRotationDays 0');
    expect(message).toContain('environment "prod": globalAccount is required');
  });

  it("rejects a file that is missing, not JSON, or has no environments", () => {
    const dir = tempDir();
    expect(() => loadConfiguration(join(dir, "nope.json"))).toThrow(
      "nope.json: invalid configuration:\n  - file not found",
    );
    writeFileSync(join(dir, "bad.json"), "{ environments: ");
    expect(() => loadConfiguration(join(dir, "bad.json"))).toThrow("not valid JSON");
    for (const empty of [
      '{"environments": {}}',
      "{}",
      '{"landscapes": {}}',
      '{"environments": {}, "landscapes": {}}',
    ]) {
      writeFileSync(join(dir, "empty.json"), empty);
      expect(() => loadConfiguration(join(dir, "empty.json"))).toThrow(
        'empty.json: invalid configuration:\n  - expected {"environments": {"<name>": {...}}} with at least one environment, or {"landscapes": {"<name>": {...}}} with at least one landscape',
      );
      expect(configurationProblemsOf(JSON.parse(empty)).match(/expected \{/g)).toHaveLength(1);
    }
  });
});
