/**
 * `npm run test:terraform`: real Terraform judges every stack the project can synthesize: the
 * default app's environments and landscapes, and every variant the config allows
 * (src/terraform-variants.ts).
 *
 * For each stack:
 * - init: `terraform init -backend=false` on the stack as synthesized, and the lock file it writes
 *   must lock exactly the providers the stack pins, under their versions;
 * - validate: `terraform validate`;
 * - test: `terraform test` with a generated test file (src/terraform-test-file.ts; a landscape's
 *   from src/landscape-test-file.ts): mock providers, a made-up service key, and SAP's destination
 *   as the expected result.
 * These need the providers: from the registry, or from the mirror of `npm run providers` through
 * TF_CLI_CONFIG_FILE. Validate and test reattach to providers started once for the whole loop, each
 * the package the stack's own init installed and locked (src/provider-hosts.ts), rather than have
 * Terraform start each provider for every graph walk; the stand-in step below starts its provider
 * as Terraform always does.
 *
 * With `--load-only`, each stack gets instead the step load: `terraform providers` on the stack
 * without its backend block and with its test file, which needs neither providers nor network:
 * Terraform decodes the whole configuration (resources, lifecycle, check, import and provider
 * blocks) and lists the providers it requires, which must be the ones the stack pins, at their
 * versions.
 *
 * Once per loop, the step `provider validators` (src/provider-rule-check.ts): each validator of the
 * real providers that the stand-ins carry, with a bad value and a good one, under `terraform
 * validate` and `terraform test`, must say exactly the real provider's words, whichever providers
 * TF_CLI_CONFIG_FILE gives.
 *
 * Where a provider is a schema stand-in of `npm run providers`, one stack also gets the step
 * `stand-in refuses`: `terraform plan` must stop at the stand-in and say what it is, so a stand-in
 * can never pass for the provider. Stacks run side by side, as many as there are cores.
 *
 * Ends with "N passed, N failed" and exits non-zero on any failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { LandscapeEntry, configFile, parseConfiguration, readJsonDocument } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import { SynthesizedStack } from "../src/synth-output";
import { synthesizeStacks } from "../src/synthesize";
import { LockedProvider, ProviderHosts, lockedProviders } from "../src/provider-hosts";
import { SERVICE_KEY_PATHS } from "../src/service-keys";
import { DEFAULT_REGISTRY, runTerraformAsync, terraformBinary } from "../src/terraform-cli";
import { initWithoutBackend, writeStackWithoutBackend } from "../src/terraform-validate";
import { terraformTestFile } from "../src/terraform-test-file";
import { terraformVariants } from "../src/terraform-variants";
import { landscapeTestFile } from "../src/landscape-test-file";
import { RequiredProviders, checkProviderRules } from "../src/provider-rule-check";

const USAGE = `Usage: npm run test:terraform [-- --load-only] [--keep DIR] [--config FILE]

  --load-only    only \`terraform providers\` (needs no provider binaries and no network)
  --keep DIR     work in DIR and leave it there (default: a temporary folder, removed after)
  --config FILE  the environments file whose environments are checked too (default: APIM_CONFIG or environments.json)`;

/** The generated `terraform test` file, beside each stack's cdk.tf.json. */
const TEST_FILE = "apim.tftest.hcl";

/**
 * The environment of the loop's Terraform commands. Terraform starts each provider afresh for
 * every graph walk (a `terraform test` run block has three), and by default both sides mint a
 * P-521 certificate for each start to secure a channel that never leaves the machine: some 40 % of
 * the loop's CPU time. TF_DISABLE_PLUGIN_TLS leaves that channel unencrypted, as HashiCorp's own
 * provider test framework (terraform-plugin-testing) does; what Terraform checks is the same.
 */
const LOOP_ENV = { TF_DISABLE_PLUGIN_TLS: "1" };

interface Outcome {
  readonly stack: string;
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** A provider the stack pins: its address in the engine's registry, and its version constraint. */
type PinnedProvider = { readonly address: string; readonly version?: string };

/** `hashicorp/http` for a source written as `http`, in `registry`, lower case as Terraform prints addresses. */
function providerAddress(source: string, registry: string): string {
  const full = source.includes("/") ? source : `hashicorp/${source}`;
  return `${registry}/${full}`.toLowerCase();
}

/** The providers `stack` pins, addressed in `registry` (the one its engine resolves sources against). */
function requiredProviders(stack: SynthesizedStack, registry: string): PinnedProvider[] {
  const required = (stack.terraform?.required_providers ?? {}) as Record<
    string,
    { source: string; version?: string }
  >;
  return Object.values(required).map(({ source, version }) => ({
    address: providerAddress(source, registry),
    version,
  }));
}

async function loadStep(
  binary: string,
  dir: string,
  name: string,
  stack: SynthesizedStack,
  pinned: readonly PinnedProvider[],
  testFile: string,
): Promise<Outcome> {
  // The backend block is left out: `terraform providers` would ask for `terraform init` first.
  // The test file is loaded too, so its syntax and override targets are checked here already.
  writeStackWithoutBackend(dir, stack);
  writeFileSync(join(dir, TEST_FILE), testFile);
  const run = await runTerraformAsync(binary, dir, ["providers", "-no-color"]);
  if (run.status !== 0) return { stack: name, step: "load", ok: false, detail: run.stderr || run.stdout };
  const missing = pinned
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

/**
 * What the lock file that `terraform init` wrote says against the stack's pins: each pinned
 * provider locked under the constraint the stack gives, and no provider beyond them. Terraform
 * resolved the addresses and read the constraints itself, so this holds what `terraform providers`
 * would list, without a command of its own.
 */
function pinProblems(
  locked: ReadonlyMap<string, LockedProvider>,
  required: readonly PinnedProvider[],
): string[] {
  const problems = required.flatMap(({ address, version }) => {
    const lock = locked.get(address);
    if (!lock) return [`${address} not locked`];
    if (version !== undefined && lock.constraints !== version) {
      return [`${address} locked under "${lock.constraints ?? ""}", pinned "${version}"`];
    }
    return [];
  });
  const pinned = new Set(required.map(({ address }) => address));
  return [
    ...problems,
    ...[...locked.keys()].filter((address) => !pinned.has(address)).map((address) => `${address} not pinned`),
  ];
}

/** init (with the pin check), validate and test, in the synthesized stack's own folder. */
async function fullSteps(
  binary: string,
  dir: string,
  name: string,
  pinned: readonly PinnedProvider[],
  testFile: string,
  hosts: ProviderHosts,
): Promise<Outcome[]> {
  writeFileSync(join(dir, TEST_FILE), testFile);
  const outcomes: Outcome[] = [];
  let env: Record<string, string> = LOOP_ENV;
  // The lock file that init writes, read once: checked against the pins, and the providers that
  // validate and test reattach to.
  let locked: ReadonlyMap<string, LockedProvider> = new Map();
  for (const [step, args] of [
    ["init", ["init", "-backend=false", "-input=false", "-no-color"]],
    ["validate", ["validate", "-no-color"]],
    ["test", ["test", "-no-color"]],
  ] as const) {
    // Validate and test reattach to the providers started once for the whole loop, each the
    // package this stack's init installed and locked (src/provider-hosts.ts).
    if (step === "validate") env = { ...LOOP_ENV, ...(await hosts.environment(dir, locked)) };
    const run = await runTerraformAsync(binary, dir, args, env);
    const initialised = run.status === 0 && step === "init";
    if (initialised) locked = lockedProviders(dir);
    const problems = initialised ? pinProblems(locked, pinned) : [];
    const ok = run.status === 0 && problems.length === 0;
    outcomes.push({
      stack: name,
      step,
      ok,
      detail:
        run.status !== 0
          ? run.stderr || run.stdout
          : problems.length > 0
            ? `not locked as pinned: ${problems.join(", ")}`
            : undefined,
    });
    if (!ok) break;
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
  const plan = await runTerraformAsync(
    binary,
    dir,
    ["plan", "-input=false", "-refresh=false", "-no-color"],
    LOOP_ENV,
  );
  const said = plan.stderr + plan.stdout;
  const ok = plan.status !== 0 && said.includes("is a schema stand-in, not the provider");
  return {
    stack: name,
    step: `stand-in refuses (${replaced.join(", ")})`,
    ok,
    detail: ok ? undefined : `terraform plan did not stop at the stand-in:\n${said}`,
  };
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
  const { binary, version, engine } = terraformBinary();
  const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), "apim-terraform-"));
  mkdirSync(work, { recursive: true });
  const started = Date.now();
  const hosts = new ProviderHosts();
  try {
    const document = readJsonDocument(values.config);
    const configured = parseConfiguration(values.config, document);
    const variants = terraformVariants();
    const variantStacks = parseConfiguration("(terraform variants)", variants);
    const environments = [...configured.environments, ...variantStacks.environments];
    const landscapes = [...configured.landscapes, ...variantStacks.landscapes];
    const byName = new Map(environments.map((environment) => [environment.name, environment]));
    // A landscape's test expects what the file says, so that it also checks what the loader made of it.
    const landscapeEntries = new Map<string, LandscapeEntry>(
      [variants, document].flatMap((document) =>
        Object.entries((document as { landscapes?: Record<string, LandscapeEntry> }).landscapes ?? {}),
      ),
    );
    // Synthesized into the work folder, where the stacks are initialised and tested.
    const stacks = synthesizeStacks({ environments, landscapes }, join(work, "synth"));
    console.log(
      `${binary} ${version}: ${Object.keys(stacks).length} stacks${values["load-only"] ? ", load only" : ""}`,
    );

    const full = !values["load-only"];
    const names = Object.keys(stacks);
    // The refused token is tried once per kind of key: the check is the same construct everywhere.
    const checkRefusalIn = new Set(
      SERVICE_KEY_PATHS.flatMap(({ key }) =>
        names
          .filter((name) => byName.has(name) && stacks[name].check && stacks[name].resource?.[key])
          .slice(0, 1),
      ),
    );
    /** Every step of one stack, in order. */
    const stackJob = async (name: string): Promise<Outcome[]> => {
      const stack = stacks[name];
      const environment = byName.get(name);
      const landscape = landscapeEntries.get(name);
      const testFile = environment
        ? terraformTestFile(stack, environment, { checkRefusal: checkRefusalIn.has(name), engine })
        : landscape
          ? landscapeTestFile(stack, name, landscape)
          : undefined;
      if (testFile === undefined) throw new Error(`stack ${name} belongs to no environment or landscape`);
      const pinned = requiredProviders(stack, DEFAULT_REGISTRY[engine]);
      if (!full) return [await loadStep(binary, join(work, "load", name), name, stack, pinned, testFile)];
      const results = await fullSteps(
        binary,
        join(work, "synth", "stacks", name),
        name,
        pinned,
        testFile,
        hosts,
      );
      if (name === names[0]) {
        // `terraform plan` would need the backend: a copy without it.
        const dir = join(work, "refusal", name);
        writeStackWithoutBackend(dir, stack);
        const refusal = await refusalStep(binary, dir, name);
        if (refusal) results.push(refusal);
      }
      return results;
    };
    // The providers that the validator cases use, pinned as the stacks pin them.
    const pins: RequiredProviders = Object.fromEntries(
      names
        .flatMap((name) => Object.entries(stacks[name].terraform?.required_providers ?? {}))
        .filter(([provider]) => ["btp", "cloudfoundry", "http"].includes(provider)),
    ) as RequiredProviders;
    const rulesJob = async (): Promise<Outcome[]> =>
      (
        await checkProviderRules(binary, join(work, "provider-validators"), pins, async (dir) => ({
          ...LOOP_ENV,
          ...(await hosts.environment(dir, lockedProviders(dir))),
        }))
      ).map((outcome) => ({ stack: "provider validators", ...outcome }));
    const jobs = [...(full ? [rulesJob] : []), ...names.map((name) => () => stackJob(name))];
    const outcomes = (await inParallel(jobs, availableParallelism())).flat();
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`${outcomes.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await hosts.close();
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
