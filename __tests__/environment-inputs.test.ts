import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, MAX_CONFIG_BYTES, loadConfiguration, parseConfiguration } from "@apim/stacks";
import { problemsOf, synthApp, writeConfig } from "./support/app";
import { tempDir } from "./support/temp";

const DEV = { globalAccount: "ga", subaccountId: "11111111-2222-4333-8444-555555555555" };
const PROD = { globalAccount: "ga", subaccountId: "66666666-7777-4888-9999-aaaaaaaaaaaa" };

/** Writes `bytes` as an environments file and returns the message that loading it raises. */
function fileProblem(bytes: Buffer | string): string {
  const file = join(tempDir(), "environments.json");
  writeFileSync(file, bytes);
  try {
    loadConfiguration(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("environments.schema.json", () => {
  it("is what environments.json names as its $schema, and the example passes it", () => {
    const file = join(__dirname, "..", "environments.json");
    expect((JSON.parse(readFileSync(file, "utf8")) as { $schema: string }).$schema).toBe(
      "./environments.schema.json",
    );
    const { environments, landscapes } = loadConfiguration(file);
    expect(environments.length + landscapes.length).toBeGreaterThan(0);
  });
});

describe("backend options", () => {
  const withBackend = (backend: Record<string, unknown>) => problemsOf({ dev: { ...DEV, backend } });
  const s3 = { type: "s3", bucket: "b", key: "k" };

  // Written out here rather than read from BACKEND_SECRETS: a secret dropped there must fail a test.
  it.each([
    ["s3", "accessKey", "AWS_ACCESS_KEY_ID"],
    ["s3", "secretKey", "AWS_SECRET_ACCESS_KEY"],
    ["s3", "token", "AWS_SESSION_TOKEN"],
    ["s3", "sseCustomerKey", "AWS_SSE_CUSTOMER_KEY"],
    ["s3", "externalId", "AWS_PROFILE"],
    ["s3", "assumeRole.externalId", "AWS_PROFILE"],
    ["s3", "assumeRoleWithWebIdentity.webIdentityToken", "AWS_WEB_IDENTITY_TOKEN_FILE"],
    ["azurerm", "accessKey", "ARM_ACCESS_KEY"],
    ["azurerm", "sasToken", "ARM_SAS_TOKEN"],
    ["azurerm", "clientSecret", "ARM_CLIENT_SECRET"],
    ["azurerm", "clientCertificatePassword", "ARM_CLIENT_CERTIFICATE_PASSWORD"],
    ["azurerm", "oidcToken", "ARM_OIDC_TOKEN"],
    ["azurerm", "oidcRequestToken", "ARM_OIDC_REQUEST_TOKEN"],
    ["gcs", "credentials", "GOOGLE_BACKEND_CREDENTIALS"],
    ["gcs", "accessToken", "GOOGLE_OAUTH_ACCESS_TOKEN"],
    ["gcs", "encryptionKey", "GOOGLE_ENCRYPTION_KEY"],
    ["remote", "token", "TF_TOKEN_"],
  ])("refuses the %s secret %s, naming where it belongs instead", (type, path, target) => {
    const base: Record<string, Record<string, unknown>> = {
      s3,
      azurerm: { type, storageAccountName: "a", containerName: "c", key: "k" },
      gcs: { type, bucket: "b" },
      remote: { type, organization: "o", workspace: "w" },
    };
    const backend = JSON.parse(JSON.stringify(base[type])) as Record<string, Record<string, unknown>>;
    const [first, second] = path.split(".");
    if (second === undefined) backend[first] = "made-up-secret" as never;
    else
      backend[first] = {
        ...(first === "assumeRole" ? { roleArn: "arn:aws:iam::1:role/r" } : {}),
        [second]: "made-up-secret",
      };
    const message = withBackend(backend);
    expect(message).toContain(`environment "dev": backend.${path} must not be in the configuration`);
    expect(message).toContain(target);
    expect(message).not.toContain("made-up-secret");
  });

  it.each([
    ["secret_key", "AWS_SECRET_ACCESS_KEY"],
    ["access_key", "AWS_ACCESS_KEY_ID"],
    ["SecretKey", "AWS_SECRET_ACCESS_KEY"],
    ["sse_customer_key", "AWS_SSE_CUSTOMER_KEY"],
  ])("recognizes the secret in any spelling: %s", (option, variable) => {
    expect(withBackend({ ...s3, [option]: "x" })).toContain(
      `backend.${option} must not be in the configuration`,
    );
    expect(withBackend({ ...s3, [option]: "x" })).toContain(variable);
  });

  it("refuses an unknown option, naming the nearest known one", () => {
    expect(withBackend({ ...s3, regoin: "eu-central-1" })).toContain(
      'backend.regoin is not a known option of the s3 backend (did you mean "region"?)',
    );
    expect(
      withBackend({ type: "azurerm", storageAccountName: "a", containerName: "c", key: "k", sas_tokn: "x" }),
    ).toContain("backend.sas_tokn");
  });

  it("refuses an option of the wrong type and a blank required one", () => {
    expect(withBackend({ ...s3, encrypt: "yes" })).toContain('backend.encrypt "yes" must be a boolean');
    expect(withBackend({ ...s3, bucket: " " })).toContain('backend.bucket " " must not be blank');
  });

  // A blank key or workspace would put the state at the root of the bucket or in a workspace that
  // another stack may share; each required option of each backend is refused when blank.
  it.each([
    [s3, "bucket"],
    [s3, "key"],
    [{ type: "azurerm", storageAccountName: "a", containerName: "c", key: "k" }, "storageAccountName"],
    [{ type: "azurerm", storageAccountName: "a", containerName: "c", key: "k" }, "containerName"],
    [{ type: "azurerm", storageAccountName: "a", containerName: "c", key: "k" }, "key"],
    [{ type: "gcs", bucket: "b" }, "bucket"],
    [{ type: "remote", organization: "acme", workspace: "apim-dev" }, "organization"],
    [{ type: "remote", organization: "acme", workspace: "apim-dev" }, "workspace"],
  ])("refuses a blank required option: %o without %s", (backend, option) => {
    expect(withBackend({ ...backend, [option]: "  " })).toContain(`backend.${option} "  " must not be blank`);
  });

  it("synthesizes the known options it accepts, hostname of a remote backend included", () => {
    const stacks = synthApp(
      writeConfig({
        environments: {
          dev: {
            ...DEV,
            backend: {
              ...s3,
              region: "eu-central-1",
              encrypt: true,
              assumeRole: { roleArn: "arn:aws:iam::1:role/r" },
            },
          },
          prod: {
            ...PROD,
            backend: { type: "remote", organization: "o", workspace: "w", hostname: "tfe.example.test" },
          },
        },
      }),
    );
    expect(stacks.dev.terraform.backend).toEqual({
      s3: {
        bucket: "b",
        key: "k",
        region: "eu-central-1",
        encrypt: true,
        assume_role: { role_arn: "arn:aws:iam::1:role/r" },
      },
    });
    expect(stacks.prod.terraform.backend).toEqual({
      remote: { organization: "o", hostname: "tfe.example.test", workspaces: { name: "w" } },
    });
  });
});

describe("conflicts between environments", () => {
  it("refuses two environments with one state location", () => {
    const backend = { type: "s3", bucket: "b", key: "same.tfstate" };
    expect(problemsOf({ dev: { ...DEV, backend }, prod: { ...PROD, backend } })).toContain(
      'environment "dev" and environment "prod" share one Terraform state (s3:///b/same.tfstate)',
    );
    // Two prefixes in one bucket are two states.
    const gcs = (prefix: string) => ({ type: "gcs", bucket: "tf-state", prefix });
    expect(() =>
      parseConfiguration("f", {
        environments: {
          dev: { ...DEV, backend: gcs("apim/dev") },
          prod: { ...PROD, backend: gcs("apim/prod") },
        },
      }),
    ).not.toThrow();
    expect(
      problemsOf({ dev: { ...DEV, backend: gcs("apim") }, prod: { ...PROD, backend: gcs("apim") } }),
    ).toContain('environment "dev" and environment "prod" share one Terraform state');
    const local = { type: "local", path: "../../../one.tfstate" };
    expect(problemsOf({ dev: { ...DEV, backend: local }, prod: { ...PROD, backend: local } })).toContain(
      'environment "dev" and environment "prod" share one Terraform state',
    );
  });

  it("refuses one subaccount in two environments unless each says it is meant", () => {
    expect(problemsOf({ dev: DEV, prod: { ...PROD, subaccountId: DEV.subaccountId } })).toContain(
      `subaccountId "${DEV.subaccountId}" is in more than one environment; if that is meant, set "sharedSubaccount": true on each of them`,
    );
    const shared = { ...DEV, sharedSubaccount: true };
    // Said by one of the two only, it is still not meant.
    expect(problemsOf({ dev: shared, qa: DEV })).toContain(
      `subaccountId "${DEV.subaccountId}" is in more than one environment`,
    );
    expect(problemsOf({ dev: shared, qa: shared })).toContain(
      'environment "dev" and environment "qa" share subaccount 11111111-2222-4333-8444-555555555555 and destinationName "APIManagement"',
    );
    expect(
      parseConfiguration("f", {
        environments: {
          dev: shared,
          qa: {
            ...shared,
            destinationName: "APIManagement_QA",
            serviceInstanceName: "apim-qa",
            createEntitlement: false,
          },
        },
      }).environments.map((e) => e.name),
    ).toEqual(["dev", "qa"]);
  });

  it("gives every object one owner across environments, comparing IDs as BTP does, without regard to case", () => {
    const shared = { ...DEV, sharedSubaccount: true };
    const qa = { ...shared, destinationName: "APIManagement_QA", serviceInstanceName: "apim-qa" };
    expect(problemsOf({ dev: shared, qa })).toContain(
      'environment "dev" and environment "qa" share subaccount 11111111-2222-4333-8444-555555555555 and each declares its API portal entitlement',
    );
    // A GUID with letters: DEV's is all digits, the same in either case.
    const lettered = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";
    expect(
      problemsOf({
        dev: { ...DEV, subaccountId: lettered },
        prod: { ...PROD, subaccountId: lettered.toUpperCase() },
      }),
    ).toContain(`subaccountId "${lettered}" is in more than one environment`);
    const instance = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f";
    expect(
      problemsOf({
        dev: { ...DEV, adopt: { serviceInstanceId: instance } },
        prod: { ...PROD, adopt: { serviceInstanceId: instance.toUpperCase() } },
      }),
    ).toContain(
      `environment "dev" and environment "prod": adopt.serviceInstanceId "${instance}" is adopted by more than one environment`,
    );
    const key = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    expect(
      problemsOf({
        dev: { ...DEV, serviceKeyName: "k", adopt: { serviceKeyId: key } },
        prod: { ...PROD, serviceKeyName: "k", adopt: { serviceKeyId: key } },
      }),
    ).toContain(`adopt.serviceKeyId "${key}" is adopted by more than one environment`);
  });
});

describe("the environments file's bytes", () => {
  const good = JSON.stringify({ environments: { dev: DEV } });

  it("accepts a byte order mark, as some editors write one", () => {
    const file = join(tempDir(), "environments.json");
    writeFileSync(file, `\uFEFF${good}`);
    expect(loadConfiguration(file).environments.map((e) => e.name)).toEqual(["dev"]);
  });

  it.each([
    [
      "text that is not UTF-8",
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      "not valid JSON: the file is not UTF-8 text",
    ],
    ["an empty file", "", "not valid JSON"],
    ["a comment", `// dev\n${good}`, "not valid JSON: InvalidCommentToken at line 1, column 1"],
    ["a trailing comma", good.replace(/}}}$/, "},}}"), "not valid JSON"],
    [
      "two environments of one name",
      `{"environments": {"dev": ${JSON.stringify(DEV)}, "dev": ${JSON.stringify(PROD)}}}`,
      "environments.dev appears more than once",
    ],
    [
      "a field given twice",
      `{"environments": {"dev": {"globalAccount": "a", "globalAccount": "b", "subaccountId": "${DEV.subaccountId}"}}}`,
      "environments.dev.globalAccount appears more than once",
    ],
    [
      "a file over 1 MiB",
      `${good}${" ".repeat(MAX_CONFIG_BYTES)}`,
      `is larger than ${MAX_CONFIG_BYTES} bytes`,
    ],
    [
      "nesting that never ends",
      `{"environments": ${"[".repeat(100000)}${"]".repeat(100000)}}`,
      "environments[0][0][0][0][0]… nests 100001 levels deep (past 32 at line 1, column 49); an environments file needs at most 32",
    ],
  ])("refuses %s", (_, bytes, expected) => {
    expect(fileProblem(bytes)).toContain(expected);
  });

  it("judges a file nested 32 levels deep by its content, and refuses one nested 33 for its depth", () => {
    const nested = (levels: number) => `{"environments": ${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}}`;
    expect(fileProblem(nested(32))).not.toContain("levels deep");
    expect(fileProblem(nested(32))).toContain("environments");
    expect(fileProblem(nested(33))).toContain(
      "environments[0][0][0][0][0]… nests 33 levels deep (past 32 at line 1, column 49)",
    );
  });

  it("names the field where a file nests too deep, keys and list items, a bracket inside a string aside", () => {
    const deep = (value: string) =>
      `{"environments": {"dev": {"globalAccount": "acme", "destinationDescription": "[{", "x": {"y": [0, ${value}]}}}}`;
    const value = `${"[".repeat(40)}${"]".repeat(40)}`;
    expect(fileProblem(deep(value))).toMatch(
      /- environments\.dev\.x\.y\[1\]\[0\]… nests 45 levels deep \(past 32 at line 1, column \d+\); an environments file needs at most 32$/m,
    );
  });

  it("refuses a folder given as the file", () => {
    expect(() => loadConfiguration(tempDir())).toThrow("is a folder, not a file");
  });

  it("refuses, without reading a byte, a file that never ends or blocks: a device and a named pipe", () => {
    expect(() => loadConfiguration("/dev/zero")).toThrow(
      "/dev/zero: invalid configuration:\n  - is not a regular file (a device or a pipe, say)",
    );
    const fifo = join(tempDir(), "environments.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(() => loadConfiguration(fifo)).toThrow("is not a regular file");
  });

  it("says in one line what is wrong with a path through a file", () => {
    const file = join(tempDir(), "file");
    writeFileSync(file, "x");
    expect(() => loadConfiguration(join(file, "environments.json"))).toThrow(
      "environments.json: invalid configuration:\n  - a part of the path is not a folder",
    );
  });

  it("refuses a top-level field other than environments and $schema", () => {
    expect(fileProblem(JSON.stringify({ environments: { dev: DEV }, enviroments: {} }))).toContain(
      'enviroments is not a known field (did you mean "environments"?)',
    );
  });
});
