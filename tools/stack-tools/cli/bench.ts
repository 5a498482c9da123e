/**
 * `npm run bench [-- --runs N] [--runners] [--skip-test] [--cold-providers]`: measured, not assumed,
 * speed of the main job, of synth as environments are added, of `npm test`, and of the real-Terraform
 * loop (`npm run test:terraform`: every stack and variant loaded, initialised, validated and tested
 * by Terraform, with the providers from a warm mirror of `npm run providers`, built once untimed).
 *
 * Every command is started the way a user starts it (`npm run synth`, with
 * TERRAFORM_BINARY_NAME=/nonexistent/terraform like CI; `npm test`), once per round, the order
 * rotating from round to round so that a busy machine weighs on all of them alike; one untimed
 * warm-up run of each synth comes first. Printed: the median wall time of each over N rounds, its
 * min–max, and a verdict per target, as Markdown on stdout; progress goes to stderr.
 *
 * Synth output goes to temporary folders (`--output`), never to the project's cdktf.out. Everything
 * temporary is removed at the end, also after a failure or Ctrl-C. No network but the Go module
 * proxy (for `npm run providers`).
 *
 * --runners adds the cdktf.json `app` runners side by side (through `cdktf synth --app`, so
 * cdktf.json is not touched): tsx through npx, tsx's CLI without npx, tsx as a loader of plain node,
 * ts-node when installed, and the app precompiled by tsc, with the compile timed on its own; the
 * one cdktf.json names is marked current. "app alone" is the runner without the cdktf CLI around it.
 *
 * --cold-providers adds one run of `npm run providers` as on a fresh machine: empty Go module and
 * build caches (downloads through the Go module proxy), into a temporary mirror.
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { availableParallelism, constants, cpus, loadavg, platform, release, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  appCommand,
  environmentNames,
  generatedEnvironmentNames,
  writeBareProject,
  writeEnvironments,
  writePrecompiledProject,
} from "../src/bench-fixtures";
import { markdownTable, median, seconds, spread, verdict } from "../src/bench-stats";

const PROJECT = join(__dirname, "../../..");
const USAGE = "usage: npm run bench [-- --runs N] [--runners] [--skip-test] [--cold-providers]";
const MANY_ENVIRONMENTS = 50;
const LIMITS = { mainVsBare: 1.5, manyVsOne: 2, testSeconds: 30, terraformSeconds: 60 } as const;

/** One start of a command: what to run and how to tell that it did its job. */
interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly shell?: boolean;
  /** Throws when the run did not do what it should; called after the clock has stopped. */
  readonly verify: (result: RunResult) => void;
}

/** Something measured: `start` gives a fresh invocation (e.g. a fresh output folder) per run. */
interface Case {
  readonly label: string;
  readonly warmUp: boolean;
  readonly start: () => Invocation;
  readonly times: number[];
}

/** How a command ended, with its output. */
interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Ctrl-C or a kill: stop, but clean up first. */
class Interrupted extends Error {}

/** The command running now, in a process group of its own, and the signal that stopped the bench. */
let running: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  interruptedBy = signal;
  // The whole group: npm, the shell, cdktf and the app below it.
  if (running?.pid !== undefined) {
    try {
      process.kill(-running.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs a command in its own process group and collects its output. */
function run(invocation: Omit<Invocation, "verify">): Promise<RunResult> {
  if (interruptedBy !== undefined) return Promise.reject(new Interrupted(`interrupted (${interruptedBy})`));
  return new Promise((resolve, reject) => {
    const child = spawn(invocation.command, [...invocation.args], {
      cwd: invocation.cwd,
      env: invocation.env,
      shell: invocation.shell ?? false,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running = child;
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (err) => {
      running = undefined;
      reject(err);
    });
    child.on("close", (status) => {
      running = undefined;
      if (interruptedBy !== undefined) reject(new Interrupted(`interrupted (${interruptedBy})`));
      else resolve({ status, stdout, stderr });
    });
  });
}

/** The environment of every command: the caller's, without what would change what the app builds. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.APIM_CONFIG;
  delete env.APIM_ENVIRONMENTS;
  delete env.CDKTF_OUTDIR;
  return env;
}

function describeFailure(label: string, result: RunResult, why: string): Error {
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
  return new Error(`${label}: ${why} (exit ${String(result.status)})\n${output}`);
}

/** Checks that a synth wrote one cdk.tf.json per expected stack into `outdir`, then removes `outdir`. */
function verifySynth(label: string, outdir: string, stacks: readonly string[]) {
  return (result: RunResult): void => {
    try {
      if (result.status !== 0) throw describeFailure(label, result, "synth failed");
      const missing = stacks.filter((stack) => !existsSync(join(outdir, "stacks", stack, "cdk.tf.json")));
      if (missing.length > 0)
        throw describeFailure(label, result, `no cdk.tf.json for ${missing.join(", ")}`);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string", default: "5" },
        runners: { type: "boolean", default: false },
        "skip-test": { type: "boolean", default: false },
        "cold-providers": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a whole number >= 1, not ${JSON.stringify(values.runs)}\n${USAGE}`);
    return 2;
  }

  const root = mkdtempSync(join(tmpdir(), "apim-bench-"));
  const symlinks: string[] = [];
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  try {
    return await bench(root, symlinks, runs, values.runners, !values["skip-test"], values["cold-providers"]);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof Interrupted ? 128 + constants.signals[interruptedBy ?? "SIGINT"] : 1;
  } finally {
    // The node_modules links first, so that removing the folder can never reach the project's.
    for (const link of symlinks) if (existsSync(link)) unlinkSync(link);
    rmSync(root, { recursive: true, force: true });
  }
}

async function bench(
  root: string,
  symlinks: string[],
  runs: number,
  runners: boolean,
  test: boolean,
  coldProviders: boolean,
): Promise<number> {
  const loadBefore = loadavg()[0];
  const env = baseEnv();
  const synthEnv = { ...env, TERRAFORM_BINARY_NAME: "/nonexistent/terraform" };
  let outputs = 0;

  /**
   * `npm run synth` in `cwd` into a fresh folder: the project's runs its app directly (CDKTF_OUTDIR
   * names the folder), the bare app's runs `cdktf synth` (`--output`); with `app`, `cdktf synth
   * --app` in the project, for another runner.
   */
  const synthCase = (
    label: string,
    cwd: string,
    stacks: readonly string[],
    extra: NodeJS.ProcessEnv = {},
    app?: string,
  ): Case => ({
    label,
    warmUp: true,
    times: [],
    start: () => {
      const outdir = join(root, `out-${++outputs}`);
      const direct = cwd === PROJECT && app === undefined;
      return {
        command: app === undefined ? "npm" : "npx",
        args:
          app !== undefined
            ? ["cdktf", "synth", "--output", outdir, "--app", app]
            : direct
              ? ["run", "synth"]
              : ["run", "synth", "--", "--output", outdir],
        cwd,
        env: { ...synthEnv, CHECKPOINT_DISABLE: "1", ...(direct ? { CDKTF_OUTDIR: outdir } : {}), ...extra },
        verify: verifySynth(label, outdir, stacks),
      };
    },
  });

  /** The app command alone, as cdktf runs it (shell, CDKTF_OUTDIR), without the cdktf CLI around it. */
  const appAloneCase = (label: string, app: string, stacks: readonly string[]): Case => ({
    label,
    warmUp: true,
    times: [],
    start: () => {
      const outdir = join(root, `out-${++outputs}`);
      return {
        command: app,
        args: [],
        shell: true,
        cwd: PROJECT,
        env: { ...synthEnv, CDKTF_OUTDIR: outdir },
        verify: verifySynth(label, outdir, stacks),
      };
    },
  });

  const plainCase = (label: string, command: string, args: readonly string[], warmUp: boolean): Case => ({
    label,
    warmUp,
    times: [],
    start: () => ({
      command,
      args,
      cwd: PROJECT,
      env,
      verify: (result) => {
        if (result.status !== 0) throw describeFailure(label, result, "failed");
      },
    }),
  });

  // 1. The default app against a bare app with as many empty stacks.
  const stacks = environmentNames(join(PROJECT, "environments.json"));
  const bareDir = join(root, "bare-app");
  symlinks.push(join(bareDir, "node_modules"));
  writeBareProject(bareDir, PROJECT, stacks);
  const mainJob = synthCase(`npm run synth (default app, ${stacks.length} stacks)`, PROJECT, stacks);
  const bare = synthCase(`bare app through cdktf synth, ${stacks.length} empty stacks`, bareDir, stacks);

  // 2. 50 environments against 1.
  const manyFile = join(root, "environments-many.json");
  const oneFile = join(root, "environments-one.json");
  writeEnvironments(manyFile, MANY_ENVIRONMENTS);
  writeEnvironments(oneFile, 1);
  const many = synthCase(
    `npm run synth, ${MANY_ENVIRONMENTS} environments`,
    PROJECT,
    generatedEnvironmentNames(MANY_ENVIRONMENTS),
    { APIM_CONFIG: manyFile },
  );
  const one = synthCase("npm run synth, 1 environment", PROJECT, generatedEnvironmentNames(1), {
    APIM_CONFIG: oneFile,
  });

  // 3. The whole test suite.
  const npmTest = plainCase("npm test", "npm", ["test"], false);

  // 4. Real Terraform judges every stack and variant, with the providers from a warm mirror.
  const providers = await run({
    command: "npm",
    args: ["run", "-s", "providers"],
    cwd: PROJECT,
    env: { ...env, APIM_PROVIDER_DIR: join(root, "providers") },
  });
  if (providers.status !== 0) throw describeFailure("npm run providers", providers, "failed");
  const terraformLoop: Case = {
    ...plainCase("npm run test:terraform (warm mirror)", "npm", ["run", "test:terraform"], true),
    start: () => ({
      command: "npm",
      args: ["run", "test:terraform"],
      cwd: PROJECT,
      env: { ...env, TF_CLI_CONFIG_FILE: providers.stdout.trim() },
      verify: (result) => {
        if (result.status !== 0) throw describeFailure("npm run test:terraform", result, "failed");
      },
    }),
  };

  const cases: Case[] = [mainJob, bare, many, one, terraformLoop, ...(test ? [npmTest] : [])];

  // Runners: each as cdktf.json's `app` (through --app) and alone.
  const tsc = join(PROJECT, "node_modules", "typescript", "bin", "tsc");
  const current = appCommand(PROJECT);
  const runnerRows: { app: string; note: string; synth?: Case; alone?: Case; compile?: Case }[] = [];
  if (runners) {
    const precompiled = writePrecompiledProject(join(root, "precompiled"), PROJECT);
    symlinks.push(join(root, "precompiled", "node_modules"));
    const build = await run({
      command: process.execPath,
      args: [tsc, "-p", precompiled.tsconfig],
      cwd: PROJECT,
      env,
    });
    if (build.status !== 0) throw describeFailure("tsc (precompiled app)", build, "compile failed");
    const tsNodeInstalled = existsSync(join(PROJECT, "node_modules", "ts-node", "package.json"));
    const apps: { app: string; note: string; installed: boolean; compile?: Case }[] = [
      { app: "npx tsx main.ts", note: "tsx through npx", installed: true },
      { app: "node node_modules/tsx/dist/cli.mjs main.ts", note: "tsx CLI without npx", installed: true },
      { app: "node --import tsx main.ts", note: "tsx as a loader, one process", installed: true },
      { app: "npx ts-node main.ts", note: "ts-node, type-checks", installed: tsNodeInstalled },
      {
        app: "npx ts-node --transpile-only main.ts",
        note: "ts-node, no type-check",
        installed: tsNodeInstalled,
      },
      {
        app: `node ${precompiled.mainJs}`,
        note: "precompiled by tsc; + compile",
        installed: true,
        compile: plainCase(
          "tsc compile (type-check + emit)",
          process.execPath,
          [tsc, "-p", precompiled.tsconfig],
          false,
        ),
      },
      {
        app: `node ${precompiled.mainJs}`,
        note: "precompiled; + tsc --noCheck compile",
        installed: true,
        compile: plainCase(
          "tsc --noCheck compile (emit only)",
          process.execPath,
          [tsc, "-p", precompiled.tsconfig, "--noCheck"],
          false,
        ),
      },
    ];
    const synthByApp = new Map<string, Case>([[current, mainJob]]);
    const aloneByApp = new Map<string, Case>();
    if (!apps.some(({ app }) => app === current)) apps.unshift({ app: current, note: "", installed: true });
    for (const { app, note: what, installed, compile } of apps) {
      const note = app === current ? `current${what === "" ? "" : `: ${what}`}` : what;
      if (!installed) {
        runnerRows.push({ app, note: `${note}: not installed, not measured` });
        continue;
      }
      let synth = synthByApp.get(app);
      if (synth === undefined) {
        synth = synthCase(`npm run synth --app "${app}"`, PROJECT, stacks, {}, app);
        synthByApp.set(app, synth);
        cases.push(synth);
      }
      let alone = aloneByApp.get(app);
      if (alone === undefined) {
        alone = appAloneCase(`${app} alone`, app, stacks);
        aloneByApp.set(app, alone);
        cases.push(alone);
      }
      if (compile !== undefined) cases.push(compile);
      runnerRows.push({ app, note, synth, alone, compile });
    }
  }

  const runOnce = async (c: Case): Promise<number> => {
    const invocation = c.start();
    const started = performance.now();
    const result = await run(invocation);
    const elapsed = performance.now() - started;
    invocation.verify(result);
    return elapsed;
  };

  for (const c of cases.filter((c) => c.warmUp)) {
    process.stderr.write(`warm-up: ${c.label}\n`);
    await runOnce(c);
  }
  for (let round = 0; round < runs; round++) {
    // Rotate the order, so that no command is always the one right after another.
    const order = cases.map((_, i) => cases[(i + round) % cases.length]);
    for (const c of order) {
      const elapsed = await runOnce(c);
      c.times.push(elapsed);
      process.stderr.write(`[${round + 1}/${runs}] ${c.label}: ${seconds(elapsed)} s\n`);
    }
  }

  // Report.
  const med = (c: Case): number => median(c.times);
  const cell = (c: Case): string => `${seconds(med(c))} (${spread(c.times)})`;
  const ratio1 = med(mainJob) / med(bare);
  const ratio2 = med(many) / med(one);
  const rows: string[][] = [
    [
      "1. main job vs bare app",
      `${mainJob.label}: ${cell(mainJob)}`,
      `${bare.label}: ${cell(bare)}`,
      `× ${ratio1.toFixed(2)}`,
      `≤ × ${LIMITS.mainVsBare}`,
      verdict(ratio1, LIMITS.mainVsBare),
    ],
    [
      `2. ${MANY_ENVIRONMENTS} vs 1 environments`,
      `${many.label}: ${cell(many)}`,
      `${one.label}: ${cell(one)}`,
      `× ${ratio2.toFixed(2)}`,
      `≤ × ${LIMITS.manyVsOne}`,
      verdict(ratio2, LIMITS.manyVsOne),
    ],
  ];
  if (test) {
    const testSeconds = med(npmTest) / 1000;
    rows.push([
      "3. npm test wall time",
      `${npmTest.label}: ${cell(npmTest)}`,
      "–",
      `${testSeconds.toFixed(2)} s`,
      `≤ ${LIMITS.testSeconds} s`,
      verdict(testSeconds, LIMITS.testSeconds),
    ]);
  }

  const terraformSeconds = med(terraformLoop) / 1000;
  rows.push([
    "4. real-Terraform loop",
    `${terraformLoop.label}: ${cell(terraformLoop)}`,
    "–",
    `${terraformSeconds.toFixed(2)} s`,
    `≤ ${LIMITS.terraformSeconds} s`,
    verdict(terraformSeconds, LIMITS.terraformSeconds),
  ]);
  if (coldProviders) {
    const cold = join(root, "cold");
    const coldRun: Case = {
      ...plainCase("npm run providers, empty Go caches", "npm", ["run", "-s", "providers"], false),
      start: () => ({
        command: "npm",
        args: ["run", "-s", "providers"],
        cwd: PROJECT,
        env: {
          ...env,
          GOMODCACHE: join(cold, "mod"),
          GOCACHE: join(cold, "build"),
          APIM_PROVIDER_DIR: join(cold, "out"),
        },
        verify: (result) => {
          if (result.status !== 0) throw describeFailure("npm run providers", result, "failed");
        },
      }),
    };
    coldRun.times.push(await runOnce(coldRun));
    // The module cache is read-only by design; go clean empties it.
    await run({
      command: "go",
      args: ["clean", "-modcache"],
      cwd: PROJECT,
      env: { ...env, GOMODCACHE: join(cold, "mod") },
    });
    rows.push([
      "5. cold providers build",
      `${coldRun.label}: ${seconds(coldRun.times[0])} (1 run)`,
      "–",
      "–",
      "–",
      "reported",
    ]);
  }

  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const out: string[] = [
    `## npm run bench: medians of ${runs} run${runs === 1 ? "" : "s"} (min–max), seconds`,
    "",
    `Machine: ${cpu}, ${availableParallelism()} cores, Node ${process.version}, ${platform()} ${release()}; ` +
      `1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`,
    "",
    markdownTable(["target", "measured", "against", "figure", "limit", "verdict"], rows),
  ];
  if (runners) {
    const currentSynth = med(mainJob);
    const runnerTable = runnerRows.map(({ app, note, synth, alone, compile }) => {
      if (synth === undefined || alone === undefined) return [`\`${app}\``, note, "–", "–", "–", "–"];
      const total = med(synth) + (compile === undefined ? 0 : med(compile));
      return [
        `\`${app.replace(root, "$TMP")}\``,
        note,
        cell(synth),
        cell(alone),
        compile === undefined ? "–" : cell(compile),
        `${seconds(total)} (× ${(total / currentSynth).toFixed(2)})`,
      ];
    });
    out.push(
      "",
      "### cdktf.json `app` runners (`npm run synth -- --app ...`)",
      "",
      markdownTable(
        ["app", "note", "npm run synth", "app alone", "compile", "synth + compile vs current"],
        runnerTable,
      ),
    );
  }
  console.log(out.join("\n"));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
