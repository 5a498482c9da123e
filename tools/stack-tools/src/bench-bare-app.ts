/**
 * The floor of `npm run bench`: a cdktf app written by hand, as its cdktf template would grow it,
 * whose every stack holds what the project's stack of an environment without Cloud Foundry holds
 * (two providers, entitlement, instance, key, its name trigger, destination, the two `http` data
 * sources of the connection check, four outputs, a local backend), wired the same way (instance →
 * key → destination), with none of the project's configuration, validation or constructs around it.
 * The bench copies it as main.ts into a project of its own and names the stacks in BENCH_STACKS
 * (comma-separated), so one file serves the 2- and the 50-stack floor.
 */
import {
  provider as btp,
  subaccountDestinationGeneric,
  subaccountEntitlement,
  subaccountServiceBinding,
  subaccountServiceInstance,
} from "@cdktf/provider-btp";
import { dataHttp, provider as http } from "@cdktf/provider-http";
import {
  App,
  Fn,
  LocalBackend,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Token,
  propertyAccess,
} from "cdktf";

const names = (process.env.BENCH_STACKS ?? "").split(",").filter((name) => name !== "");
if (names.length === 0) throw new Error("BENCH_STACKS names no stack");

const app = new App();
names.forEach((name, i) => {
  const stack = new TerraformStack(app, name);
  new btp.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
  new http.HttpProvider(stack, "http");
  new LocalBackend(stack, { path: `../../../terraform.${name}.tfstate` });
  const subaccountId = `6f2b1c3a-0d4e-4f5a-9b8c-${(i + 1).toString(16).padStart(12, "0")}`;

  const entitlement = new subaccountEntitlement.SubaccountEntitlement(stack, "entitlement", {
    subaccountId,
    serviceName: "apimanagement-apiportal",
    planName: "apiportal-apiaccess",
  });
  const instance = new subaccountServiceInstance.SubaccountServiceInstance(stack, "service-instance", {
    subaccountId,
    name: "apim-content-transport",
    serviceOfferingName: "apimanagement-apiportal",
    serviceplanName: "apiportal-apiaccess",
    parameters: JSON.stringify({ role: "APIPortal.Administrator" }),
    dependsOn: [entitlement],
  });
  const keyName = "apim-content-transport-key";
  const trigger = new TerraformResource(stack, "name-trigger", { terraformResourceType: "terraform_data" });
  trigger.addOverride("input", { name: keyName, service_instance_id: instance.id });
  const key = new subaccountServiceBinding.SubaccountServiceBinding(stack, "service-key", {
    subaccountId,
    name: keyName,
    serviceInstanceId: instance.id,
  });
  key.addOverride("lifecycle.replace_triggered_by", [`terraform_data.${trigger.friendlyUniqueId}`]);

  const field = (f: string): string => Token.asString(propertyAccess(Fn.jsondecode(key.credentials), [f]));
  const url = `${Fn.trimsuffix(field("url"), "/")}/api/1.0/transportmodule/Transport`;
  new subaccountDestinationGeneric.SubaccountDestinationGeneric(stack, "destination", {
    subaccountId,
    destinationConfiguration: Fn.jsonencode({
      Name: "APIManagement",
      Type: "HTTP",
      URL: url,
      ProxyType: "Internet",
      Authentication: "OAuth2ClientCredentials",
      clientId: field("clientId"),
      clientSecret: field("clientSecret"),
      tokenServiceURL: field("tokenUrl"),
      tokenServiceURLType: "Dedicated",
    }),
  });
  new dataHttp.DataHttp(stack, "token", {
    url: Fn.try([field("tokenUrl"), ""]),
    method: "POST",
    requestBody: `grant_type=client_credentials&client_id=${Fn.urlencode(field("clientId"))}&client_secret=${Fn.urlencode(field("clientSecret"))}`,
    requestHeaders: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
  });
  new dataHttp.DataHttp(stack, "transport", { url: Fn.try([url, ""]) });

  new TerraformOutput(stack, "subaccount_id", { value: subaccountId, description: "Source subaccount" });
  new TerraformOutput(stack, "destination_name", { value: "APIManagement", description: "Destination" });
  new TerraformOutput(stack, "service_instance_id", { value: instance.id, description: "Instance ID" });
  new TerraformOutput(stack, "service_key_name", { value: key.name, description: "Service key" });
});
app.synth();
