import { MASK, parseUaaKey, previewDestinations } from "../src/destination-preview";
import { readSynthOutput } from "../src/synth-output";
import { terraformBinary } from "../src/terraform-cli";
import { TESTED_LANDSCAPE, terraformVariants } from "../src/terraform-variants";
import { synthAppTo, writeConfig } from "../../../__tests__/support/app";

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

describe("npm run preview for a landscape", () => {
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
