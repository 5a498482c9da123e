import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MASK, parseServiceKey, parseUaaKey, previewDestinations } from "../src/destination-preview";
import { readSynthOutput } from "../src/synth-output";
import { evaluationConfiguration } from "../src/terraform-evaluate";
import { terraformBinary } from "../src/terraform-cli";
import { TESTED_LANDSCAPE, TESTED_STAGES, terraformVariants } from "../src/terraform-variants";
import { BOTH_PATHS, synthAppTo, writeConfig } from "../../../__tests__/support/app";
import { tempDir } from "../../../__tests__/support/temp";
import { fakeServiceKey, seedDestination } from "../../../__tests__/support/service-key";
import { runCommand } from "../../../__tests__/support/command";
import { preview as previewCommand } from "../cli/preview";

// One stack of each path, from a file of the test's own: environments.json may change.
const stacks = readSynthOutput(synthAppTo(writeConfig(BOTH_PATHS)));

function keyFile(content: unknown): string {
  const file = join(tempDir(), "key.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function preview(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/stack-tools/cli/preview.ts", ...args], {
    cwd: join(__dirname, "../../.."),
    env: { ...process.env, TERRAFORM_BINARY_NAME: "/nonexistent/terraform", ...env },
    encoding: "utf8",
  });
}

/** The command run in this process; one test starts it in a process of its own, as npm does. */
const previewHere = (args: string[], env: NodeJS.ProcessEnv = {}) => runCommand(previewCommand, args, env);

describe("destination preview", () => {
  it.each(["dev", "cf"])(
    "shows the seed's destination for a key of the seed's shape, secret masked (%s)",
    async (name) => {
      const key = fakeServiceKey();
      const [destination, ...more] = await previewDestinations(
        stacks[name],
        JSON.stringify(key),
        terraformBinary().binary,
      );
      expect(more).toEqual([]);
      expect(destination).toStrictEqual({ ...seedDestination(key), clientSecret: MASK });
      expect(JSON.stringify(destination)).not.toContain(key.clientSecret);
    },
  );

  it.each<[string, unknown, string]>([
    ["text that is not JSON", "url: https://x", "not valid JSON"],
    ["a list", [], "expected a JSON object"],
    ["a key without url", { ...fakeServiceKey(), url: undefined }, "url is missing or empty"],
    ["a key without tokenUrl", { ...fakeServiceKey(), tokenUrl: "" }, "tokenUrl is missing or empty"],
    ["a key without clientId", { ...fakeServiceKey(), clientId: undefined }, "clientId is missing or empty"],
    [
      "a key without clientSecret",
      { ...fakeServiceKey(), clientSecret: undefined },
      "clientSecret is missing or empty",
    ],
    [
      "an http url",
      { ...fakeServiceKey(), url: "http://apiportal.example.com" },
      'url "http://apiportal.example.com" is not a valid https:// URL',
    ],
    [
      "an http token URL",
      { ...fakeServiceKey(), tokenUrl: "http://uaa.example.com/oauth/token" },
      "tokenUrl",
    ],
  ])("rejects %s", (_, content, expected) => {
    const text = typeof content === "string" ? content : JSON.stringify(content);
    expect(() => parseServiceKey(text, "key.json")).toThrow(expected);
  });

  it("names where a broken key file breaks, never what it holds", () => {
    const key = fakeServiceKey();
    const broken = JSON.stringify(key).replace(/}$/, ",}");
    let message = "";
    try {
      parseServiceKey(broken, "key.json");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^key\.json: not valid JSON \(\w+ at offset \d+\)$/);
    expect(message).not.toContain(key.clientSecret.slice(0, 6));
  });

  it("accepts a key file with a byte order mark", () => {
    const key = fakeServiceKey();
    expect(parseServiceKey(`\uFEFF${JSON.stringify(key)}`, "key.json")).toEqual(key);
  });

  describe("npm run preview", () => {
    it("prints the destination JSON with the secret masked", () => {
      const key = fakeServiceKey();
      const result = preview(["cf", "--service-key", keyFile(key)], { APIM_CONFIG: writeConfig(BOTH_PATHS) });
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toStrictEqual({ ...seedDestination(key), clientSecret: MASK });
      expect(result.stdout + result.stderr).not.toContain(key.clientSecret);
    });

    it("without Terraform, exits 2 with one line that says Terraform is needed", async () => {
      const result = await previewHere(["cf", "--service-key", keyFile(fakeServiceKey())], {
        APIM_CONFIG: writeConfig(BOTH_PATHS),
        APIM_TERRAFORM: "/nonexistent/terraform",
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/^preview needs Terraform to compute the destination: no Terraform found/),
      ]);
    });

    it("exits 1 with a clear message for a bad key file or an unknown environment, Terraform or not", async () => {
      const noTerraform = { APIM_CONFIG: writeConfig(BOTH_PATHS), APIM_TERRAFORM: "/nonexistent/terraform" };
      const bad = await previewHere(
        ["dev", "--service-key", keyFile({ ...fakeServiceKey(), url: "ftp://x" })],
        noTerraform,
      );
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('url "ftp://x" is not a valid https:// URL');
      const unknown = await previewHere(["staging", "--service-key", keyFile(fakeServiceKey())], noTerraform);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('environment "staging" was asked for but is not configured');
    });
  });
});

describe("the evaluation's configuration", () => {
  it("replaces a reference only where it stands whole: not inside a longer one, nor a data source's of the same name", () => {
    const { locals, output } = evaluationConfiguration(
      {
        t: "${var.tms_deploy_password} ${var.tms_deploy_password_APIM_PROD} ${data.btp_subaccount_service_binding.k.credentials} ${btp_subaccount_service_binding.k.credentials}",
      },
      { "var.tms_deploy_password": "a", "btp_subaccount_service_binding.k.credentials": "b" },
    );
    expect(locals).toEqual({ ref_0: "a", ref_1: "b" });
    expect(output.t.value).toBe(
      "${local.ref_0} ${var.tms_deploy_password_APIM_PROD} ${data.btp_subaccount_service_binding.k.credentials} ${local.ref_1}",
    );
  });
});

describe("npm run preview for a landscape", () => {
  const variants = terraformVariants();
  const landscape = variants.landscapes?.[TESTED_LANDSCAPE];
  const stack = readSynthOutput(
    synthAppTo(writeConfig({ environments: variants.environments, landscapes: { l: landscape } }), ["l"]),
  ).l;

  // Three keys whose every value differs, so a key read for the wrong destination shows.
  const apiPortal = {
    url: "https://apiportal.example.test",
    tokenUrl: "https://a.authentication.example.test/oauth/token",
    clientId: "sb-apiportal!t1",
    clientSecret: "apiportal-secret",
  };
  const contentAgent = {
    url: "https://content-agent.example.test",
    uaa: {
      clientid: "sb-content-agent!b1",
      clientsecret: "content-agent-secret",
      url: "https://c.authentication.example.test",
    },
  };
  const transport = {
    uri: "https://transport.example.test",
    uaa: { clientid: "sb-tms!b2", clientsecret: "tms-secret", url: "https://t.authentication.example.test" },
  };

  it("shows each stage's deploy destination of a landscape of stages, each password masked", async () => {
    const stages = readSynthOutput(
      synthAppTo(writeConfig({ landscapes: { s: variants.landscapes?.[TESTED_STAGES] } })),
    ).s;
    const destinations = await previewDestinations(
      stages,
      JSON.stringify(apiPortal),
      terraformBinary().binary,
      {
        contentAgent: JSON.stringify(contentAgent),
        transport: JSON.stringify(transport),
      },
    );
    const byName = Object.fromEntries(destinations.map((d) => [d.Name, d]));
    expect(byName.TMSDeploy).toMatchObject({ Authentication: "BasicAuthentication", Password: MASK });
    // The later stage's password variable is not mistaken for a part of the first one's.
    expect(byName.TMSDeploy_APIM_PROD).toMatchObject({
      Authentication: "OAuth2Password",
      User: "prod-deployer@example.com",
      Password: MASK,
      clientId: "cf",
      tokenServiceURL: "https://login.cf.us10-001.hana.ondemand.com",
    });
    expect(destinations).toHaveLength(5);
  });

  it("derives each destination from its own key, with every secret masked", async () => {
    const destinations = await previewDestinations(
      stack,
      JSON.stringify(apiPortal),
      terraformBinary().binary,
      {
        contentAgent: JSON.stringify(contentAgent),
        transport: JSON.stringify(transport),
      },
    );
    const byName = Object.fromEntries(destinations.map((d) => [d.Name, d]));
    expect(Object.keys(byName).sort()).toEqual([
      "APIManagement",
      "ContentAssemblyService",
      "TMSDeploy",
      "TransportManagementService",
    ]);
    expect(byName.APIManagement).toMatchObject({ clientId: apiPortal.clientId, clientSecret: MASK });
    expect(byName.ContentAssemblyService).toMatchObject({
      URL: contentAgent.url,
      clientId: contentAgent.uaa.clientid,
      tokenServiceURL: "https://c.authentication.example.test/oauth/token",
      clientSecret: MASK,
    });
    expect(byName.TransportManagementService).toMatchObject({
      URL: transport.uri,
      clientId: transport.uaa.clientid,
      tokenServiceURL: "https://t.authentication.example.test/oauth/token",
      clientSecret: MASK,
    });
    expect(byName.TMSDeploy).toMatchObject({ Authentication: "BasicAuthentication", Password: MASK });
    const text = JSON.stringify(destinations);
    for (const secret of ["apiportal-secret", "content-agent-secret", "tms-secret"])
      expect(text).not.toContain(secret);
  });

  it("names the field a Content Agent or transport key lacks, never its values", () => {
    const broken = JSON.stringify({
      uri: "http://plain.example.test",
      uaa: { clientid: "x", clientsecret: "hidden" },
    });
    expect(() => parseUaaKey(broken, "tms.json", "uri")).toThrow(
      'tms.json: uri "http://plain.example.test" is not a valid https:// URL; uaa.url is missing or empty',
    );
    expect(() => parseUaaKey(broken, "tms.json", "uri")).not.toThrow(/hidden/);
  });
});
