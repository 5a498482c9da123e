import { readStackModel } from "../src/stack-model";
import { SynthesizedStack } from "../src/synth-output";

const STACK = {
  resource: {
    terraform_data: { t: { input: "x" } },
    btp_subaccount_service_binding: {
      key: {
        "//": { metadata: { path: "dev/apim/service-key/resource" } },
        name: "k",
        lifecycle: { replace_triggered_by: ["terraform_data.t", "${terraform_data.t}"] },
        depends_on: ["terraform_data.t"],
      },
    },
  },
  check: {
    c: {
      data: { http: { c: { url: "${jsondecode(btp_subaccount_service_binding.key.credentials).url}" } } },
      assert: [{ condition: "${data.http.c.status_code == 200}", error_message: "no" }],
    },
  },
  import: [{ to: "btp_subaccount_service_binding.key", id: "a,b" }],
  output: { name: { value: "${btp_subaccount_service_binding.key.name}" } },
  terraform: { backend: { local: { path: "x" } }, required_providers: {} },
} as unknown as SynthesizedStack;

describe("the stack model", () => {
  it("gives every block its address, kind, construct path and check scope", async () => {
    const { blocks } = await readStackModel("dev", STACK);
    expect(blocks.map((b) => [b.address, b.kind, b.scope ?? ""])).toEqual([
      ["btp_subaccount_service_binding.key", "resource", ""],
      ["check.c", "check", ""],
      ["data.http.c", "data", "c"],
      ["import.btp_subaccount_service_binding.key", "import", ""],
      ["output.name", "output", ""],
      ["terraform.backend.local", "backend", ""],
      ["terraform.required_providers", "terraform", ""],
      ["terraform_data.t", "resource", ""],
    ]);
    expect(blocks[0].constructPath).toBe("dev/apim/service-key/resource");
  });

  it("finds each reference once, saying where it is written and how", async () => {
    const { blocks } = await readStackModel("dev", STACK);
    const refs = (address: string) =>
      blocks
        .find((b) => b.address === address)
        ?.references.map((r) => [r.attribute, r.target.address, r.meta ?? "", r.interpolated]);
    expect(refs("btp_subaccount_service_binding.key")).toEqual([
      ["lifecycle.replace_triggered_by", "terraform_data.t", "replace_triggered_by", false],
      ["lifecycle.replace_triggered_by", "terraform_data.t", "replace_triggered_by", true],
      ["depends_on", "terraform_data.t", "depends_on", false],
    ]);
    expect(refs("check.c")).toEqual([["assert[0].condition", "data.http.c", "", true]]);
    expect(refs("data.http.c")).toEqual([["url", "btp_subaccount_service_binding.key", "", true]]);
    expect(refs("import.btp_subaccount_service_binding.key")).toEqual([
      ["to", "btp_subaccount_service_binding.key", "import", false],
    ]);
  });
});
