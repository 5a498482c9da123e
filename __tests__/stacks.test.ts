import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deployedDestination } from "./support/destination";
import { fakeServiceKey, seedDestination } from "./support/service-key";
import { BOTH_PATHS, DEFAULT_CONFIG, readTree, synthApp, synthAppTo, writeConfig } from "./support/app";

/** The app's stacks for a file of the tests' own: environments.json is the user's to change. */
const FIXTURE = BOTH_PATHS as {
  environments: Record<string, { globalAccount: string; subaccountId: string }>;
};
const ENVIRONMENTS = Object.keys(FIXTURE.environments);

describe("the shipped environments.json", () => {
  // The sample is the user's to change: checked by what it is (a file the app takes), not by its names.
  it("synthesizes one stack per environment and landscape, each for its own global account", () => {
    const file = JSON.parse(readFileSync(DEFAULT_CONFIG, "utf8")) as {
      environments?: Record<string, { globalAccount: string }>;
      landscapes?: Record<string, { globalAccount: string }>;
    };
    const entries = { ...file.environments, ...file.landscapes };
    const stacks = synthApp();
    expect(Object.keys(stacks).sort()).toEqual(Object.keys(entries).sort());
    for (const [name, entry] of Object.entries(entries)) {
      expect(stacks[name].provider?.btp).toEqual([
        expect.objectContaining({ globalaccount: entry.globalAccount }),
      ]);
    }
  });
});

describe("the app", () => {
  const file = writeConfig(BOTH_PATHS);
  const stacks = synthApp(file);

  it("has one stack per configured environment, named as the environment", () => {
    expect(Object.keys(stacks).sort()).toEqual([...ENVIRONMENTS].sort());
  });

  it.each(ENVIRONMENTS)("%s: configures btp for its own global account, no credentials", (env) => {
    const { globalAccount } = FIXTURE.environments[env];
    expect(stacks[env].provider?.btp).toEqual([{ globalaccount: globalAccount }]);
  });

  it.each(ENVIRONMENTS)("%s: pins the provider SAP/btp 1.25.0", (env) => {
    expect(stacks[env].terraform.required_providers.btp).toEqual({ source: "sap/btp", version: "1.25.0" });
  });

  it.each(ENVIRONMENTS)("%s: targets its own source subaccount", async (env) => {
    const stack = stacks[env];
    for (const resources of Object.values(stack.resource)) {
      for (const body of Object.values(resources)) {
        if ("subaccount_id" in body) expect(body.subaccount_id).toBe(FIXTURE.environments[env].subaccountId);
      }
    }
    const key = fakeServiceKey();
    expect(await deployedDestination(stack, key)).toStrictEqual(seedDestination(key));
  });

  it.each(ENVIRONMENTS)("%s: keeps its state locally, per environment, by a relative path", (env) => {
    expect(stacks[env].terraform.backend).toEqual({ local: { path: `../../../terraform.${env}.tfstate` } });
  });

  it.each(ENVIRONMENTS)("%s: has operator outputs, none derived from the key unless sensitive", (env) => {
    const outputs = stacks[env].output;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["destination_name", "service_instance_id"]));
    expect(outputs.destination_name.value).toBe("APIManagement");
    for (const output of Object.values(outputs)) {
      if (JSON.stringify(output.value).includes(".credentials")) expect(output.sensitive).toBe(true);
    }
  });

  it("synthesizes byte-identical output twice", () => {
    const first = readTree(synthAppTo(file));
    const second = readTree(synthAppTo(file));
    expect(Object.keys(first).sort()).toEqual(
      ["manifest.json", ...ENVIRONMENTS.map((env) => join("stacks", env, "cdk.tf.json"))].sort(),
    );
    expect(second).toEqual(first);
  });

  it("pins in cdktf.json the same provider and version the stacks require", () => {
    const cdktfJson = JSON.parse(readFileSync(join(__dirname, "../cdktf.json"), "utf8")) as {
      terraformProviders: string[];
    };
    const { source, version } = stacks[ENVIRONMENTS[0]].terraform.required_providers.btp as {
      source: string;
      version: string;
    };
    expect(cdktfJson.terraformProviders).toContain(`${source}@${version}`);
  });
});

describe("environments", () => {
  const entry = (subaccountId: string) => ({ globalAccount: "ga-subdomain", subaccountId });
  const ids = [
    "11111111-2222-4333-8444-555555555555",
    "21111111-2222-4333-8444-555555555555",
    "31111111-2222-4333-8444-555555555555",
  ];

  it("adding an environment is one config entry", () => {
    const stacks = synthApp(
      writeConfig({ environments: { a: entry(ids[0]), b: entry(ids[1]), qa: entry(ids[2]) } }),
    );
    expect(Object.keys(stacks).sort()).toEqual(["a", "b", "qa"]);
    expect(stacks.qa.resource.btp_subaccount_entitlement).toBeDefined();
  });

  it("synthesizes only the environments asked for", () => {
    const stacks = synthApp(writeConfig({ environments: { a: entry(ids[0]), b: entry(ids[1]) } }), ["b"]);
    expect(Object.keys(stacks)).toEqual(["b"]);
  });

  it("passes per-environment options to the construct", () => {
    const stacks = synthApp(
      writeConfig({
        environments: {
          shared: {
            ...entry(ids[0]),
            createEntitlement: false,
            destinationName: "APIManagement_Shared",
            cliServerUrl: "https://cli.btp.example.com",
          },
        },
      }),
    );
    expect(stacks.shared.resource.btp_subaccount_entitlement).toBeUndefined();
    expect(stacks.shared.output.destination_name.value).toBe("APIManagement_Shared");
    expect(stacks.shared.provider?.btp).toEqual([
      { globalaccount: "ga-subdomain", cli_server_url: "https://cli.btp.example.com" },
    ]);
  });

  it("passes adoption, key rotation and the connection check switch from the config", () => {
    const adopted = "41111111-2222-4333-8444-555555555555";
    const stacks = synthApp(
      writeConfig({
        environments: {
          legacy: {
            ...entry(ids[0]),
            adopt: { serviceInstanceId: adopted, destination: true },
            connectionCheck: false,
          },
          rotated: { ...entry(ids[1]), keyRotationDays: 90 },
        },
      }),
    );
    const legacy = stacks.legacy as typeof stacks.legacy & {
      import?: Array<{ id: string }>;
      check?: unknown;
    };
    expect(legacy.import?.map((i) => i.id).sort()).toEqual([
      `${ids[0]},${adopted}`,
      `${ids[0]},APIManagement`,
    ]);
    expect(legacy.check).toBeUndefined();
    expect(Object.values(stacks.rotated.resource.time_rotating)[0].rotation_days).toBe(90);
    expect((stacks.rotated as { check?: unknown }).check).toBeDefined();
  });

  it.each([
    [
      { type: "s3", bucket: "tf-state", key: "apim/dev.tfstate", region: "eu-central-1" },
      { s3: { bucket: "tf-state", key: "apim/dev.tfstate", region: "eu-central-1" } },
    ],
    [
      { type: "azurerm", storageAccountName: "tfstate", containerName: "state", key: "apim-dev" },
      { azurerm: { storage_account_name: "tfstate", container_name: "state", key: "apim-dev" } },
    ],
    [
      { type: "gcs", bucket: "tf-state", prefix: "apim/dev" },
      { gcs: { bucket: "tf-state", prefix: "apim/dev" } },
    ],
    [
      { type: "local", path: "/var/lib/terraform/apim-dev.tfstate" },
      { local: { path: "/var/lib/terraform/apim-dev.tfstate" } },
    ],
  ])("keeps state in the backend the environment names: %j", (backend, expected) => {
    const stacks = synthApp(writeConfig({ environments: { dev: { ...entry(ids[0]), backend } } }));
    expect(stacks.dev.terraform.backend).toEqual(expected);
  });

  it("keeps state in HCP Terraform when the environment names a remote workspace", () => {
    const stacks = synthApp(
      writeConfig({
        environments: {
          dev: { ...entry(ids[0]), backend: { type: "remote", organization: "acme", workspace: "apim-dev" } },
        },
      }),
    );
    expect(stacks.dev.terraform.backend).toEqual({
      remote: { organization: "acme", workspaces: { name: "apim-dev" } },
    });
  });
});
