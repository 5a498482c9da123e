import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { buildApp, parseConfiguration } from "../stacks";
import { StackJson, onlyResource } from "./support/synth";
import { evaluateInTerraform } from "./support/terraform-eval";
import { tempDir } from "./support/temp";

/**
 * Strings that Terraform's template language, HCL's quoted strings or JSON would change or choke on
 * when written as they are: each must reach BTP exactly as the user typed it.
 */
const HOSTILE = [
  'say "hi"',
  "back\\slash and \\n and \\u0041",
  "apim-${1+1}",
  "%{if true}yes%{endif}",
  "$${already} and %%{doubled}",
  "ends with $",
  "ends with %",
  "$$ and %% and ${",
  "$${",
  "100% {braces} $ {spaced}",
  "Ünïcödé ✓ 東京",
  "'single' `back`",
];

/** Synthesizes one environment per hostile string, each string in every user field at once. */
function synth(extra: Record<string, unknown> = {}): Array<[string, StackJson]> {
  const environments = Object.fromEntries(
    HOSTILE.map((text, i) => [
      `env${i}`,
      {
        // A global account is a subdomain, one DNS label: it takes none of these (environment-config.test).
        globalAccount: "acme-global",
        subaccountId: `6f2b1c3a-0d4e-4f5a-9b8c-${String(i + 1).padStart(12, "0")}`,
        destinationDescription: text,
        serviceInstanceName: text,
        serviceKeyName: text,
        ...extra,
      },
    ]),
  );
  const outdir = tempDir();
  const app = new App({ outdir });
  buildApp(app, parseConfiguration("(hostile strings)", { environments }).environments);
  app.synth();
  return readdirSync(join(outdir, "stacks")).map((name) => [
    name,
    JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as StackJson,
  ]);
}

const KEY = JSON.stringify({
  url: "https://made-up.apim.example.test",
  tokenUrl: "https://made-up.auth.example.test/oauth/token",
  clientId: "made-up-client",
  clientSecret: "made-up-secret",
});

describe("user strings reach BTP exactly as typed (real Terraform evaluates the synthesized JSON)", () => {
  it("in the destination's description and the instance and key names", () => {
    const stacks = synth();
    const templates: Record<string, string> = {};
    const references: Record<string, unknown> = {};
    for (const [name, stack] of stacks) {
      const key = onlyResource(stack, "btp_subaccount_service_binding");
      references[`btp_subaccount_service_binding.${key.name}.credentials`] = KEY;
      templates[`${name}_destination`] = onlyResource(stack, "btp_subaccount_destination_generic").body
        .destination_configuration as string;
      templates[`${name}_instance`] = onlyResource(stack, "btp_subaccount_service_instance").body
        .name as string;
      templates[`${name}_key`] = key.body.name as string;
      templates[`${name}_trigger`] = (
        onlyResource(stack, "terraform_data").body.input as { name: string }
      ).name;
    }
    const values = evaluateInTerraform(templates, references);
    for (const [name] of stacks) {
      const typed = HOSTILE[Number(name.slice(3))];
      expect({
        description: (JSON.parse(values[`${name}_destination`] as string) as { Description: string })
          .Description,
        instance: values[`${name}_instance`],
        key: values[`${name}_key`],
        trigger: values[`${name}_trigger`],
      }).toEqual({ description: typed, instance: typed, key: typed, trigger: typed });
    }
  });

  it("in a rotated key's name, before its date", () => {
    const stacks = synth({ keyRotationDays: 30 });
    const templates: Record<string, string> = {};
    const references: Record<string, unknown> = {};
    for (const [name, stack] of stacks) {
      references[`${`time_rotating.${onlyResource(stack, "time_rotating").name}`}.rfc3339`] =
        "2026-11-26T10:20:00Z";
      templates[name] = onlyResource(stack, "btp_subaccount_service_binding").body.name as string;
    }
    const values = evaluateInTerraform(templates, references);
    for (const [name] of stacks) {
      expect(values[name]).toBe(`${HOSTILE[Number(name.slice(3))]}-202611261020`);
    }
  });
});
