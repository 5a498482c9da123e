import { ExpressionError, evaluateTemplate } from "../src/terraform-expression";
import { evaluateDestinations } from "../src/destination-preview";
import { ApiManagementSource } from "../../../constructs";
import { fakeServiceKey } from "../../../__tests__/support/service-key";
import { SUBACCOUNT_ID, onlyResource, synthWith } from "../../../__tests__/support/synth";
import { evaluateInTerraform } from "../../../__tests__/support/terraform-eval";

// The project's own evaluator serves `npm run preview` where no Terraform is installed; real
// Terraform is the judge of every answer it gives.
const KEY = "btp_subaccount_service_binding.k.credentials";
const CREDENTIALS = '{"url":"https://h/","n":{"m":["p","q"]},"s":"a!b|c+d/e&f%g=h <i>"}';

describe("evaluateTemplate answers as Terraform does", () => {
  it.each([
    ['${jsonencode({"b" = "x${jsondecode(K).url}y", a = 1, "c" = true})}'],
    ['${jsondecode(K)["n"].m[1]}'],
    ['${lookup(jsondecode(K), "url")}'],
    ['${lookup(jsondecode(K), "nope", "fallback")}'],
    ['${trimsuffix(jsondecode(K).url, "/")}'],
    ['${trimsuffix("abc", "")}'],
    ["${urlencode(jsondecode(K).s)}"],
    ["${jsonencode(jsondecode(K).s)}"],
    ["${contains([200, 401], 401)}"],
    ['${formatdate("YYYYMMDDhhmm", "2026-11-24T09:05:00Z")}'],
    ['a "b" \\ $${c} ${jsonencode("q\\"<")}'],
    ['${"a\\"b"}'],
  ])("%s", async (written) => {
    const template = written.replace(/\bK\b/g, KEY);
    const references = { [KEY]: CREDENTIALS };
    const { value } = evaluateInTerraform({ value: template }, references);
    await expect(evaluateTemplate(template, references)).resolves.toEqual(value);
  });

  it("gives the destination Terraform gives, for keys with ! | + / & % =", async () => {
    const stack = synthWith(
      (scope) => new ApiManagementSource(scope, "apim", { subaccountId: SUBACCOUNT_ID }),
    );
    const destination = onlyResource(stack, "btp_subaccount_destination_generic");
    const binding = onlyResource(stack, "btp_subaccount_service_binding").name;
    for (const key of [fakeServiceKey(), fakeServiceKey({ trailingSlash: true, variant: 1 })]) {
      const { configuration } = evaluateInTerraform(
        { configuration: destination.body.destination_configuration as string },
        { [`btp_subaccount_service_binding.${binding}.credentials`]: JSON.stringify(key) },
      );
      const [ours] = await evaluateDestinations(stack, JSON.stringify(key));
      expect(ours).toEqual(JSON.parse(configuration as string));
    }
  });

  it("fails where Terraform fails: a missing attribute; and refuses what it does not know", async () => {
    const missing = `\${jsondecode(${KEY}).nope}`;
    expect(() => evaluateInTerraform({ value: missing }, { [KEY]: "{}" })).toThrow(/Unsupported attribute/);
    await expect(evaluateTemplate(missing, { [KEY]: "{}" })).rejects.toThrow(ExpressionError);
    await expect(evaluateTemplate("${btp_x.y.z}", {})).rejects.toThrow(
      "no value given for the reference btp_x.y.z",
    );
    await expect(evaluateTemplate('${upper("x")}', {})).rejects.toThrow("unsupported function upper()");
  });
});
