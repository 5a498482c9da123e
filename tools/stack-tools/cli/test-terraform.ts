/**
 * `npm run test:terraform`: real Terraform judges every stack the project can synthesize: the
 * default app's environments and every variant the config allows (src/terraform-variants.ts).
 *
 * For each stack:
 * - load: `terraform providers` on the stack without its backend block, which needs neither
 *   providers nor network: Terraform decodes the whole configuration (resources, lifecycle,
 *   check, import and provider blocks) and lists the providers it requires, which must be the ones
 *   the stack pins, at their versions;
 * - then, unless `--load-only`: `terraform init -backend=false`, `terraform validate`, and
 *   `terraform test` with a generated test file (src/terraform-test-file.ts): mock
 *   providers, a made-up service key, and SAP's destination as the expected result. These need the
 *   providers: from the registry, or from the mirror of `npm run providers` through
 *   TF_CLI_CONFIG_FILE.
 *
 * - then `offline readings agree`: the offline validator finds nothing, and the offline evaluator
 *   computes the destination that `terraform test` asserted.
 *
 * Where a provider is a schema stand-in of `npm run providers`, one stack also gets the step
 * `stand-in refuses`: `terraform plan` must stop at the stand-in and say what it is, so a stand-in
 * can never pass for the provider. Last, one stack broken in each way the offline validator knows
 * (src/broken-stacks.ts) must be stopped by Terraform where the fixture says. Stacks run side by
 * side, as many as there are cores.
 *
 * Ends with "N passed, N failed" and exits non-zero on any failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { App } from "cdktf";
import { buildApp, configFile, loadEnvironments, parseEnvironments } from "../../../stacks";
import { readCommandLine } from "../src/command-line";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import {
  BROKEN_STACKS,
  BreakIt,
  SENSITIVE_OUTPUT_AND_LOCAL,
  TerraformVerdict,
  breakStack,
} from "../src/broken-stacks";
import { ProviderSchema, loadBtpSchema } from "../src/provider-schema";
import { validateStacks } from "../src/stack-validator";
import { runTerraformAsync, terraformBinary } from "../src/terraform-cli";
import {
  diagnosticLine,
  initWithoutBackend,
  validateInitialised,
  writeStackWithoutBackend,
} from "../src/terraform-validate";
import { evaluateDestinations } from "../src/destination-preview";
import { ExpectedStack, MADE_UP_KEYS, sapDestination, terraformTestFile } from "../src/terraform-test-file";
import { terraformVariants } from "../src/terraform-variants";

const USAGE = `Usage: npm run test:terraform [-- --load-only] [--keep DIR] [--config FILE]

  --load-only    only \`terraform providers\` (needs no provider binaries and no network)
  --keep DIR     work in DIR and leave it there (default: a temporary folder, removed after)
  --config FILE  the environments file whose environments are checked too (default: APIM_CONFIG or environments.json)`;

/** The generated `terraform test` file, beside each stack's cdk.tf.json. */
const TEST_FILE = "apim.tftest.hcl";

interface Outcome {
  readonly stack: string;
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** `hashicorp/http` for a source written as `http`, lower case as Terraform prints addresses. */
function providerAddress(source: string): string {
  const full = source.includes("/") ? source : `hashicorp/${source}`;
  return `registry.terraform.io/${full}`.toLowerCase();
}

function requiredProviders(stack: SynthesizedStack): Array<{ address: string; version?: string }> {
  const required = (stack.terraform?.required_providers ?? {}) as Record<
    string,
    { source: string; version?: string }
  >;
  return Object.values(required).map(({ source, version }) => ({
    address: providerAddress(source),
    version,
  }));
}

async function loadStep(
  binary: string,
  dir: string,
  name: string,
  stack: SynthesizedStack,
  testFile: string,
): Promise<Outcome> {
  // The backend block is left out: `terraform providers` would ask for `terraform init` first.
  // The test file is loaded too, so its syntax and override targets are checked here already.
  writeStackWithoutBackend(dir, stack);
  writeFileSync(join(dir, TEST_FILE), testFile);
  const run = await runTerraformAsync(binary, dir, ["providers", "-no-color"]);
  if (run.status !== 0) return { stack: name, step: "load", ok: false, detail: run.stderr || run.stdout };
  const missing = requiredProviders(stack)
    .map(({ address, version }) => `provider[${address}]${version ? ` ${version}` : ""}`)
    .filter((line) => !run.stdout.includes(line));
  return missing.length === 0
    ? { stack: name, step: "load", ok: true }
    : {
        stack: name,
        step: "load",
        ok: false,
        detail: `not required as pinned: ${missing.join(", ")}\n${run.stdout}`,
      };
}

async function fullSteps(binary: string, dir: string, name: string, testFile: string): Promise<Outcome[]> {
  writeFileSync(join(dir, TEST_FILE), testFile);
  const outcomes: Outcome[] = [];
  for (const [step, args] of [
    ["init", ["init", "-backend=false", "-input=false", "-no-color"]],
    ["validate", ["validate", "-no-color"]],
    ["test", ["test", "-no-color"]],
  ] as const) {
    const run = await runTerraformAsync(binary, dir, args);
    outcomes.push({
      stack: name,
      step,
      ok: run.status === 0,
      detail: run.status === 0 ? undefined : run.stderr || run.stdout,
    });
    if (run.status !== 0) break;
  }
  return outcomes;
}

/** The file that marks a provider in the mirror as a schema stand-in (tools/providers/schema-stand-in). */
const STAND_IN_SCHEMA = "schema.json";

/** The installed providers of an initialised folder that are schema stand-ins. */
function standIns(dir: string): string[] {
  const root = join(dir, ".terraform", "providers");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => basename(path) === STAND_IN_SCHEMA)
    .map((path) => dirname(dirname(path)));
}

/** `terraform plan` on the stack (without its backend) must fail at a stand-in, saying what it is. */
async function refusalStep(binary: string, dir: string, name: string): Promise<Outcome | undefined> {
  const initError = await initWithoutBackend(binary, dir);
  if (initError !== undefined) return { stack: name, step: "stand-in refuses", ok: false, detail: initError };
  const replaced = standIns(dir);
  if (replaced.length === 0) return undefined;
  const plan = await runTerraformAsync(binary, dir, ["plan", "-input=false", "-refresh=false", "-no-color"]);
  const said = plan.stderr + plan.stdout;
  const ok = plan.status !== 0 && said.includes("is a schema stand-in, not the provider");
  return {
    stack: name,
    step: `stand-in refuses (${replaced.join(", ")})`,
    ok,
    detail: ok ? undefined : `terraform plan did not stop at the stand-in:\n${said}`,
  };
}

/**
 * The offline readings must agree with Terraform on a stack it validated and tested:
 * `npm run validate -- --offline` finds nothing, and the offline evaluator of
 * `npm run preview -- --offline` computes, from the made-up key, the destination that
 * `terraform test` asserted.
 */
async function offlineAgrees(
  name: string,
  stack: SynthesizedStack,
  expected: ExpectedStack,
  schema: ProviderSchema,
): Promise<Outcome> {
  const findings = (await validateStacks({ [name]: stack }, schema)).map(
    (f) => `validate: ${f.address} ${f.attribute}: ${f.message}`,
  );
  const key = MADE_UP_KEYS[0];
  const [destination] = await evaluateDestinations(stack, JSON.stringify(key));
  const wanted = sapDestination(key, expected.destinationName);
  const differing = Object.entries(wanted)
    .filter(([field, value]) => destination?.[field] !== value)
    .map(
      ([field, value]) =>
        `preview: ${field} is ${JSON.stringify(destination?.[field])}, Terraform's is ${JSON.stringify(value)}`,
    );
  const problems = [...findings, ...differing];
  return {
    stack: name,
    step: "offline readings agree",
    ok: problems.length === 0,
    detail: problems.length === 0 ? undefined : problems.join("\n"),
  };
}

/**
 * Every stack the offline reading rejects (src/broken-stacks.ts), real Terraform must stop where the
 * fixture says: at `terraform validate`, or at the plan (under `terraform test` with mock providers,
 * with the error named), or, where it says so, nowhere; and the stack that reading accepts Terraform
 * accepts too. So the offline reading is never more lenient than Terraform, and where it is stricter
 * the fixture says why. `clean` must have a connection check.
 */
async function brokenStacksSteps(
  binary: string,
  dir: string,
  name: string,
  clean: SynthesizedStack,
  environment: ExpectedStack,
): Promise<Outcome[]> {
  writeStackWithoutBackend(dir, clean);
  const initError = await initWithoutBackend(binary, dir);
  if (initError !== undefined) return [{ stack: name, step: "broken stacks", ok: false, detail: initError }];
  const cases: Array<readonly [string, BreakIt, TerraformVerdict]> = [
    ...BROKEN_STACKS.map(([what, breakIt, , verdict]) => [what, breakIt, verdict] as const),
    [
      "a sensitive output of the key and a declared local",
      SENSITIVE_OUTPUT_AND_LOCAL,
      { acceptedBecause: "nothing in it is broken" },
    ],
  ];
  const outcomes: Outcome[] = [];
  // One folder, initialised once, so the cases run one after another.
  for (const [what, breakIt, verdict] of cases)
    outcomes.push(await brokenStackStep(binary, dir, name, clean, environment, what, breakIt, verdict));
  return outcomes;
}

async function brokenStackStep(
  binary: string,
  dir: string,
  name: string,
  clean: SynthesizedStack,
  environment: ExpectedStack,
  what: string,
  breakIt: BreakIt,
  verdict: TerraformVerdict,
): Promise<Outcome> {
  writeStackWithoutBackend(dir, breakStack(clean, breakIt));
  const validated = await validateInitialised(binary, dir);
  const said = validated.diagnostics.map((d) => diagnosticLine(name, d)).join("\n");
  const outcome = (step: string, ok: boolean, detail: string): Outcome => ({
    stack: name,
    step: `${step} ${what}`,
    ok,
    detail: ok ? undefined : detail,
  });
  if ("acceptedBecause" in verdict) {
    return outcome("terraform accepts", validated.ok, `terraform validate rejected it:\n${said}`);
  }
  if (verdict.rejectedBy === "validate") {
    return outcome("terraform validate rejects", !validated.ok, "terraform validate accepted it");
  }
  if (!validated.ok) {
    return outcome("terraform plan rejects", false, `terraform validate rejected it already:\n${said}`);
  }
  writeFileSync(join(dir, TEST_FILE), terraformTestFile(clean, environment));
  try {
    const test = await runTerraformAsync(binary, dir, ["test", "-no-color"]);
    const output = test.stdout + test.stderr;
    return outcome(
      "terraform plan rejects",
      test.status !== 0 && output.includes(verdict.says),
      `terraform test did not stop at "${verdict.says}":\n${output}`,
    );
  } finally {
    rmSync(join(dir, TEST_FILE));
  }
}

function report(outcome: Outcome): void {
  console.log(`${outcome.ok ? "ok  " : "FAIL"} ${outcome.stack} ${outcome.step}`);
  if (outcome.detail) console.log(outcome.detail.replace(/^/gm, "     "));
}

/**
 * Runs `jobs`, at most `width` at a time (Terraform is mostly one busy process per command), and
 * reports each job's outcomes together as it ends. Resolves with all outcomes in job order.
 */
async function inParallel(
  jobs: ReadonlyArray<() => Promise<Outcome[]>>,
  width: number,
): Promise<Outcome[][]> {
  const results: Outcome[][] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
      results[index].forEach(report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  return results;
}

async function main(): Promise<number> {
  const command = readCommandLine<{ "load-only": boolean; keep?: string; config: string }>(
    process.argv.slice(2),
    {
      "load-only": { type: "boolean", default: false },
      keep: { type: "string" },
      config: { type: "string", default: configFile() },
    },
    USAGE,
    0,
  );
  if (!command.ok) return command.exitCode;
  const { values } = command;
  const { binary, version } = terraformBinary();
  const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), "apim-terraform-"));
  mkdirSync(work, { recursive: true });
  const started = Date.now();
  try {
    const environments = [
      ...loadEnvironments(values.config),
      ...parseEnvironments("(terraform variants)", terraformVariants()),
    ];
    const byName = new Map(environments.map((environment) => [environment.name, environment]));
    const app = new App({ outdir: join(work, "synth") });
    buildApp(app, environments);
    app.synth();
    const stacks = readSynthOutput(join(work, "synth"));
    console.log(
      `${binary} ${version}: ${Object.keys(stacks).length} stacks${values["load-only"] ? ", load only" : ""}`,
    );

    const full = !values["load-only"];
    const schema = loadBtpSchema();
    const names = Object.keys(stacks);
    // The refused token is tried once per kind of key: the check is the same construct everywhere.
    const checkRefusalIn = new Set(
      ["btp_subaccount_service_binding", "cloudfoundry_service_credential_binding"].flatMap((keyType) =>
        names.filter((name) => stacks[name].check && stacks[name].resource?.[keyType]).slice(0, 1),
      ),
    );
    /** Every step of one stack, in order. */
    const stackJob = async (name: string): Promise<Outcome[]> => {
      const stack = stacks[name];
      const environment = byName.get(name);
      if (!environment) throw new Error(`stack ${name} belongs to no environment`);
      const testFile = terraformTestFile(stack, environment, { checkRefusal: checkRefusalIn.has(name) });
      const results = [await loadStep(binary, join(work, "load", name), name, stack, testFile)];
      if (!full || !results[0].ok) return results;
      results.push(...(await fullSteps(binary, join(work, "synth", "stacks", name), name, testFile)));
      if (results.every((outcome) => outcome.ok))
        results.push(await offlineAgrees(name, stack, environment, schema));
      if (name === names[0]) {
        const refusal = await refusalStep(binary, join(work, "load", name), name);
        if (refusal) results.push(refusal);
      }
      return results;
    };
    const jobs = names.map((name) => () => stackJob(name));
    // A stack of the "Other" path with the connection check and nothing adopted: the shape the broken
    // fixtures start from.
    const base = Object.entries(stacks).find(
      ([, stack]) => stack.check && !stack.import && stack.resource?.btp_subaccount_service_binding,
    );
    if (full && base) {
      const [baseName, baseStack] = base;
      const environment = byName.get(baseName) as ExpectedStack;
      // The longest job, so first.
      jobs.unshift(() => brokenStacksSteps(binary, join(work, "broken"), baseName, baseStack, environment));
    }
    const outcomes = (await inParallel(jobs, availableParallelism())).flat();
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`${outcomes.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  },
);
