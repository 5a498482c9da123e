import { parseEnvironments, parseLandscapes } from "@apim/stacks";
import { landscapeReport } from "../src/landscape-report";
import { TESTED_LANDSCAPE, terraformVariants } from "../src/terraform-variants";

const variants = terraformVariants();
const landscapes = parseLandscapes("(variants)", variants, parseEnvironments("(variants)", variants));
const report = (name: string) => {
  const config = landscapes.find((landscape) => landscape.name === name);
  if (!config) throw new Error(`no landscape ${name}`);
  return landscapeReport(config);
};

describe("npm run landscape", () => {
  it("lists the nodes and the route to create by hand, in order, with the values to enter", () => {
    const steps = report(TESTED_LANDSCAPE).split("## After the deploy")[1];
    expect(steps).toMatch(/1\. .*source node: Name "APIM_SOURCE", Allow Upload to Node on/);
    expect(steps).toMatch(
      /2\. .*destination node: Name "APIM_TARGET", Allow Upload to Node on, Content Type "Multi-Target Application", Destination "TMSDeploy"/,
    );
    expect(steps).toMatch(
      /3\. .*route: Name "APIM_SOURCE_to_APIM_TARGET", Source Node "APIM_SOURCE", Target Node "APIM_TARGET"/,
    );
  });

  it("says what must hold first, the deploy password's variable among it, and what the deploy makes where", () => {
    const text = report("landscape-prepared");
    expect(text).toContain("TF_VAR_tms_deploy_password");
    expect(text).toContain("APIPortal.Administrator or APIPortal.Configurator");
    expect(text).toMatch(
      /Transport subaccount [0-9a-f-]+: transport service instance and key; destination "TMSDeploy" to https:\/\/deploy-service\.cf\.us10-001\.hana\.ondemand\.com\//,
    );
    // This landscape's transport subaccount is subscribed already, so the report does not claim it.
    expect(text).not.toContain("subscription alm-ts");
    expect(text).toContain('Name "API_portal_release"');
  });
});
