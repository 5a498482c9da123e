import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { literalTypeProblem, loadBtpSchema } from "../src/provider-schema";
import { validateStacks } from "../src/stack-validator";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import {
  BROKEN_STACKS,
  BreakIt,
  ENTITLEMENT,
  SENSITIVE_OUTPUT_AND_LOCAL,
  breakStack,
  res,
} from "../src/broken-stacks";
import { synthAppTo, writeConfig } from "../../../__tests__/support/app";
import { tempDir } from "../../../__tests__/support/temp";

const schema = loadBtpSchema();
// A stack of the "Other" path, the one the broken fixtures break: not environments.json, which may change.
const cleanDir = synthAppTo(
  writeConfig({
    environments: { dev: { globalAccount: "ga", subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" } },
  }),
);
const clean = readSynthOutput(cleanDir);
const broken = (breakIt: BreakIt) => breakStack(clean.dev, breakIt);

async function findingsOf(stack: SynthesizedStack): Promise<string[]> {
  return (await validateStacks({ dev: stack }, schema)).map(
    (f) => `${f.stack} ${f.address} ${f.attribute}: ${f.message}`,
  );
}

describe("npm run validate", () => {
  it("passes the default app's stacks", async () => {
    expect(await validateStacks(clean, schema)).toEqual([]);
  });

  it.each(BROKEN_STACKS)("rejects %s", async (_, breakIt, expected) => {
    const findings = await findingsOf(broken(breakIt));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(expected);
  });

  it("accepts a sensitive output of the key and a declared local", async () => {
    expect(await findingsOf(broken(SENSITIVE_OUTPUT_AND_LOCAL))).toEqual([]);
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
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "tools/stack-tools/cli/validate.ts", ...args], {
        cwd: join(__dirname, "../../.."),
        encoding: "utf8",
      });

    it("prints a one-line count and exits 0 for clean stacks, offline", () => {
      const result = run(cleanDir, "--offline");
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split("\n")).toEqual([
        expect.stringMatching(
          /^validate \(offline\): no findings in \d+ stacks, \d+ resources and data sources/,
        ),
      ]);
    });

    it("says that it reads offline where no Terraform is found", () => {
      const result = spawnSync(
        process.execPath,
        ["--import", "tsx", "tools/stack-tools/cli/validate.ts", cleanDir],
        {
          cwd: join(__dirname, "../../.."),
          encoding: "utf8",
          env: { ...process.env, APIM_TERRAFORM: "/nonexistent/terraform" },
        },
      );
      expect(result.status).toBe(0);
      expect(result.stderr).toContain("no Terraform, so the offline reading answers instead");
      expect(result.stdout).toMatch(/^validate \(offline\): no findings/);
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
      const result = run(dir, "--offline");
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
      const result = run(dir, "--offline");
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/^dev: btp_subaccount_entitlement\.\S+ plan: is not an attribute/);
    });
  });
});
