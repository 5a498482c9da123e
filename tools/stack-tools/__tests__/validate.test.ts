import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { literalTypeProblem, loadBtpSchema } from "../src/provider-schema";
import { validateStacks } from "../src/stack-validator";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import { synthAppTo } from "../../../__tests__/support/app";
import { tempDir } from "../../../__tests__/support/temp";

const schema = loadBtpSchema();
const cleanDir = synthAppTo();
const clean = readSynthOutput(cleanDir);

type Mutable = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, unknown>;
  data?: unknown;
  locals?: unknown;
  check: Record<
    string,
    { assert: Array<Record<string, unknown>>; data: Record<string, Record<string, Record<string, unknown>>> }
  >;
};

/** A deep copy of the default dev stack, broken by `breakIt`, with the names of its resources. */
function broken(breakIt: (stack: Mutable, names: Record<string, string>) => void): SynthesizedStack {
  const stack = JSON.parse(JSON.stringify(clean.dev)) as Mutable;
  const names = Object.fromEntries(
    Object.entries(stack.resource).map(([type, byName]) => [type, Object.keys(byName)[0]]),
  );
  breakIt(stack, names);
  return stack as SynthesizedStack;
}

async function findingsOf(stack: SynthesizedStack): Promise<string[]> {
  return (await validateStacks({ dev: stack }, schema)).map(
    (f) => `${f.stack} ${f.address} ${f.attribute}: ${f.message}`,
  );
}

const res = (stack: Mutable, names: Record<string, string>, type: string) =>
  stack.resource[type][names[type]];
/** The connection check block of the default stack, and its data sources' names (token, transport). */
/** The connection check's token block: its name is also its data source's. */
const connectionCheck = (stack: Mutable) => {
  const [token, block] = Object.entries(stack.check).find(([name]) => name.endsWith("_token")) ?? [];
  if (!token || !block) throw new Error("no token check in the default stack");
  return { name: token, block, token };
};
const INSTANCE = "btp_subaccount_service_instance";
const ENTITLEMENT = "btp_subaccount_entitlement";
const DESTINATION = "btp_subaccount_destination_generic";
const KEY = "btp_subaccount_service_binding";

describe("npm run validate", () => {
  it("passes the default app's stacks", async () => {
    expect(await validateStacks(clean, schema)).toEqual([]);
  });

  it.each<[string, (s: Mutable, n: Record<string, string>) => void, RegExp]>([
    [
      "an unknown resource type",
      (s) => (s.resource.btp_subaccount_destinaton = { d: { subaccount_id: "x" } }),
      /btp_subaccount_destinaton\.d : unknown resource type "btp_subaccount_destinaton"/,
    ],
    [
      "an unknown data source",
      (s) => (s.data = { btp_subaccount_nope: { x: {} } }),
      /data\.btp_subaccount_nope\.x : unknown data source/,
    ],
    [
      "an unknown attribute",
      (s, n) => (res(s, n, ENTITLEMENT).plan = "x"),
      /btp_subaccount_entitlement\.\S+ plan: is not an attribute/,
    ],
    [
      "an unknown attribute inside timeouts",
      (s, n) => (res(s, n, INSTANCE).timeouts = { creat: "10m" }),
      /btp_subaccount_service_instance\.\S+ timeouts\.creat: is not an attribute/,
    ],
    [
      "a missing required attribute",
      (s, n) => delete res(s, n, KEY).service_instance_id,
      /btp_subaccount_service_binding\.\S+ service_instance_id: is required but not set/,
    ],
    [
      "a computed-only attribute set",
      (s, n) => (res(s, n, KEY).credentials = "{}"),
      /credentials: is computed by the provider and cannot be set/,
    ],
    [
      "a string that is not a number",
      (s, n) => (res(s, n, ENTITLEMENT).amount = "many"),
      /amount: must be a number, got the string "many"/,
    ],
    [
      "a bool given as a word",
      (s, n) => (res(s, n, INSTANCE).shared = "yes"),
      /shared: must be a bool, got the string "yes"/,
    ],
    [
      "an object where a string belongs",
      (s, n) => (res(s, n, INSTANCE).name = { name: "x" }),
      /name: must be a string, got an object/,
    ],
    [
      "a list where a map belongs",
      (s, n) => (res(s, n, INSTANCE).labels = ["a"]),
      /labels: must be a map of set of string, got a list/,
    ],
    [
      "a string where a set belongs",
      (s, n) => (res(s, n, INSTANCE).labels = { team: "apim" }),
      /labels: \.team must be a set of string, got the string "apim"/,
    ],
    [
      "a string where an object belongs",
      (s, n) => (res(s, n, INSTANCE).timeouts = "10m"),
      /timeouts: must be an object, got the string "10m"/,
    ],
    [
      "a reference to an attribute the type does not have",
      (s, n) =>
        (res(s, n, DESTINATION).destination_configuration =
          `\${jsondecode(btp_subaccount_service_binding.${n[KEY]}.credentialz).url}`),
      /destination_configuration: refers to btp_subaccount_service_binding\.\S+\.credentialz, but btp_subaccount_service_binding has no attribute "credentialz"/,
    ],
    [
      "a reference to an undeclared resource",
      (s, n) => (res(s, n, KEY).service_instance_id = "${btp_subaccount_service_instance.gone.id}"),
      /service_instance_id: refers to resource btp_subaccount_service_instance\.gone, which is not declared/,
    ],
    [
      "a depends_on an undeclared resource",
      (s, n) => (res(s, n, INSTANCE).depends_on = ["btp_subaccount_entitlement.gone"]),
      /depends_on: refers to resource btp_subaccount_entitlement\.gone, which is not declared/,
    ],
    [
      "a reference to an undeclared data source",
      (s, n) => (res(s, n, KEY).service_instance_id = "${data.btp_subaccount_service_instance.x.id}"),
      /refers to data source data\.btp_subaccount_service_instance\.x, which is not declared/,
    ],
    [
      "a reference to an undeclared local",
      (s, n) => (res(s, n, KEY).name = "${local.key_name}"),
      /name: refers to local value local\.key_name, which is not declared/,
    ],
    [
      "a reference to an undeclared variable",
      (s, n) => (res(s, n, KEY).subaccount_id = "${var.subaccount}"),
      /subaccount_id: refers to variable var\.subaccount, which is not declared/,
    ],
    [
      "an import into an undeclared resource",
      (s) => Object.assign(s, { import: [{ to: "btp_subaccount_service_instance.gone", id: "a,b" }] }),
      /import a,b to: imports into resource btp_subaccount_service_instance\.gone, which is not declared/,
    ],
    [
      "a check assertion that refers to an undeclared data source",
      (s) => (connectionCheck(s).block.assert[0].condition = "${data.http.gone.status_code == 200}"),
      /check\.\S+ assert\[0\]\.condition: refers to data source data\.http\.gone, which is not declared/,
    ],
    [
      "a check's data source that reads an attribute the key does not have",
      (s, n) => {
        const { block, token } = connectionCheck(s);
        block.data.http[token].url =
          `\${jsondecode(btp_subaccount_service_binding.${n[KEY]}.credentialz).tokenUrl}`;
      },
      /data\.http\.\S+_token url: refers to btp_subaccount_service_binding\.\S+\.credentialz, but btp_subaccount_service_binding has no attribute "credentialz"/,
    ],
    [
      "a reference to a check's data source from outside the check",
      (s) => (s.output.status = { value: `\${data.http.${connectionCheck(s).token}.status_code}` }),
      /output\.status value: refers to data source data\.http\.\S+_token, which only check block \S+ can refer to/,
    ],
    // The two defects real Terraform refused at load while this validator passed them.
    [
      'a replace_triggered_by written as "${...}"',
      (s, n) =>
        (res(s, n, KEY).lifecycle = { replace_triggered_by: [`\${terraform_data.${n.terraform_data}}`] }),
      /lifecycle\.replace_triggered_by: "\$\{terraform_data\.\S+\}" must be a bare address/,
    ],
    [
      "a check block with two data sources",
      (s) => {
        const [token, transport] = Object.values(s.check);
        Object.assign(token.data.http, transport.data.http);
      },
      /check\.\S+_token data: holds 2 data sources \(.*\): Terraform allows at most one per check block/,
    ],
    [
      "a check that refers to another check's data source",
      (s) => {
        const [token, transport] = Object.entries(s.check);
        transport[1].assert[0].condition = `\${data.http.${token[0]}.status_code == 200}`;
      },
      /check\.\S+_transport assert\[0\]\.condition: refers to data source data\.http\.\S+_token, which only check block \S+_token can refer to/,
    ],
    [
      "a replace_triggered_by naming an undeclared resource",
      (s, n) => (res(s, n, KEY).lifecycle = { replace_triggered_by: ["terraform_data.gone"] }),
      /lifecycle\.replace_triggered_by: refers to resource terraform_data\.gone, which is not declared/,
    ],
    [
      "an output of a sensitive attribute without sensitive: true",
      (s, n) => (s.output.key = { value: `\${btp_subaccount_service_binding.${n[KEY]}.credentials}` }),
      /output\.key value: is derived from the sensitive btp_subaccount_service_binding\.\S+\.credentials and must be marked sensitive: true/,
    ],
  ])("rejects %s", async (_, breakIt, expected) => {
    const findings = await findingsOf(broken(breakIt));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(expected);
  });

  it("accepts a sensitive output of the key and a declared local", async () => {
    const stack = broken((s, n) => {
      s.locals = { url: "x" };
      s.output.key = { value: `\${btp_subaccount_service_binding.${n[KEY]}.credentials}`, sensitive: true };
      res(s, n, DESTINATION).subaccount_id = "${local.url}";
    });
    expect(await findingsOf(stack)).toEqual([]);
  });

  it("follows Terraform's conversions for literal types", () => {
    expect(literalTypeProblem("5", "number")).toBeUndefined();
    expect(literalTypeProblem(5, "string")).toBeUndefined();
    expect(literalTypeProblem("true", "bool")).toBeUndefined();
    expect(literalTypeProblem("${var.x}", "number")).toBeUndefined();
    expect(literalTypeProblem([1, "x"], ["list", "number"])).toBe('[1] must be a number, got the string "x"');
    expect(literalTypeProblem({ a: "x" }, ["object", { a: "string", b: "number" }])).toBe(
      'lacks the attribute "b" (an object {a, b})',
    );
    expect(literalTypeProblem({ a: "x", c: 1 }, ["object", { a: "string" }])).toBe(
      'has no attribute "c" (an object {a})',
    );
  });

  describe("the command", () => {
    const run = (dir: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "tools/stack-tools/cli/validate.ts", dir], {
        cwd: join(__dirname, "../../.."),
        encoding: "utf8",
      });

    it("prints a one-line count and exits 0 for clean stacks", () => {
      const result = run(cleanDir);
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split("\n")).toEqual([
        expect.stringMatching(/^validate: no findings in 2 stacks, \d+ resources and data sources/),
      ]);
    });

    it("answers --help with its usage, exit 0, and refuses an unknown option with exit 2", () => {
      const help = run("--help");
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^usage: npm run validate/);
      expect(run("--bogus").status).toBe(2);
    });

    it("names the file of a corrupt cdk.tf.json, exit 2", () => {
      const dir = tempDir();
      mkdirSync(join(dir, "stacks", "dev"), { recursive: true });
      writeFileSync(join(dir, "stacks", "dev", "cdk.tf.json"), '{"resource": ');
      const result = run(dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `${join(dir, "stacks", "dev", "cdk.tf.json")}: not a synthesized stack`,
      );
    });

    it("names stack, address, attribute and problem, and exits 1, for a broken stack", () => {
      const dir = tempDir();
      mkdirSync(join(dir, "stacks", "dev"), { recursive: true });
      const stack = broken((s, n) => (res(s, n, ENTITLEMENT).plan = "x"));
      writeFileSync(join(dir, "stacks", "dev", "cdk.tf.json"), JSON.stringify(stack));
      const result = run(dir);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/^dev: btp_subaccount_entitlement\.\S+ plan: is not an attribute/);
    });
  });
});
