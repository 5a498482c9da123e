/**
 * `npm run bench [-- --runs N] [--only synth|test|terraform] [--skip-test] [--cold-providers]`: each
 * figure of docs/development.md's "Speed" as a ratio against its floor measured in the same run
 * (the bare app, bench-bare-app.ts, through `cdktf synth` and alone; a trivial jest suite), so that
 * it means the same on any machine and under any load, or in CPU-seconds where there is no floor.
 *
 * Every command is timed in wall time and CPU-seconds (user + system of it and of every descendant
 * it waited for), started the way a user starts it, once per round; the order rotates from round
 * to round so that load from elsewhere weighs on a figure and its floor alike, after one untimed
 * warm-up run of each (but `npm test`, which takes long and warms itself). Markdown on stdout,
 * progress on stderr. Output goes to temporary folders, removed at the end, also after a failure
 * or Ctrl-C. No network but the Go module proxy (for `npm run providers`).
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { availableParallelism, constants, cpus, loadavg, platform, release, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import {
  BARE_STACKS,
  appCommand,
  generatedEnvironmentNames,
  stackShape,
  writeBareProject,
  writeEnvironments,
  writeTrivialJestSuite,
} from "../src/bench-fixtures";
import { childCpuSeconds, markdownTable, median, summary, verdict } from "../src/bench-stats";

const PROJECT = join(__dirname, "../../..");
const GROUPS = ["synth", "test", "terraform"] as const;
type Group = (typeof GROUPS)[number];
const USAGE = `usage: npm run bench [-- --runs N] [--only ${GROUPS.join("|")}] [--skip-test] [--cold-providers]`;
const FEW_ENVIRONMENTS = 2;
const MANY_ENVIRONMENTS = 50;

/**
 * Runs "$@", then writes its children's CPU times to fd 3, apart from the command's own output. The
 * shell's `times` is POSIX, where GNU time's `-f` is not (macOS has none).
 */
const TIMED = '"$@" 3>&-; status=$?; times >&3; exit $status';

/** How a command ended: exit status, output, CPU-seconds. */
interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cpu: number;
}

/** One start of a command; `verify` throws when it did not do its job, after the clock has stopped. */
interface Invocation {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly verify: (result: RunResult) => void;
}

/** Seconds of one run: wall, and CPU of the command with its descendants. */
type Sample = { readonly wall: number; readonly cpu: number };

/** A command measured; `start` gives a fresh invocation (e.g. a fresh output folder) per run. */
interface Case {
  readonly label: string;
  readonly warmUp: boolean;
  readonly start: () => Invocation;
  readonly samples: Sample[];
}

/** What `command` in bench() takes beside the command itself. */
interface CommandOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly warmUp?: boolean;
  readonly stacks?: readonly string[];
  readonly cli?: boolean;
  readonly expected?: RegExp;
}

/** A row of the table: a figure, its floor, and what is judged against which limit. */
type Target = [
  what: string,
  measured: Case,
  floor: Case | undefined,
  judged: "wall ratio" | "CPU ratio" | "CPU-seconds" | "reported",
  limit?: number,
];

/** Ctrl-C or a kill: stop, but clean up first. */
class Interrupted extends Error {}

/** The command running now, in a process group of its own, and the signal that stopped the bench. */
let running: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  interruptedBy = signal;
  // The whole group: the shell, npm, cdktf and the app below it.
  if (running?.pid !== undefined) {
    try {
      process.kill(-running.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs a command through TIMED in its own process group and collects its output and CPU time. */
function run(invocation: Omit<Invocation, "verify">): Promise<RunResult> {
  if (interruptedBy !== undefined) return Promise.reject(new Interrupted(`interrupted (${interruptedBy})`));
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", TIMED, "sh", ...invocation.argv], {
      cwd: invocation.cwd,
      env: invocation.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    running = child;
    const output = { stdout: "", stderr: "", times: "" };
    const collect = (stream: unknown, key: keyof typeof output): void => {
      if (stream instanceof Readable)
        stream.setEncoding("utf8").on("data", (chunk: string) => (output[key] += chunk));
    };
    collect(child.stdout, "stdout");
    collect(child.stderr, "stderr");
    collect(child.stdio[3], "times");
    child.on("error", (err) => {
      running = undefined;
      reject(err);
    });
    child.on("close", (status) => {
      running = undefined;
      if (interruptedBy !== undefined) return reject(new Interrupted(`interrupted (${interruptedBy})`));
      try {
        resolve({ status, stdout: output.stdout, stderr: output.stderr, cpu: childCpuSeconds(output.times) });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

function describeFailure(label: string, result: RunResult, why: string): Error {
  const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-20).join("\n");
  return new Error(`${label}: ${why} (exit ${String(result.status)})\n${output}`);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string", default: "5" },
        only: { type: "string" },
        "skip-test": { type: "boolean", default: false },
        "cold-providers": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
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
  const only = values.only;
  const knownOnly = only === undefined || GROUPS.some((group) => group === only);
  if (!Number.isInteger(runs) || runs < 1 || !knownOnly) {
    console.error(`--runs takes a whole number >= 1, --only one of ${GROUPS.join(", ")}\n${USAGE}`);
    return 2;
  }
  const groups = new Set<Group>(GROUPS.filter((group) => (only ?? group) === group));
  if (values["skip-test"]) groups.delete("test");

  const root = mkdtempSync(join(tmpdir(), "apim-bench-"));
  const symlinks: string[] = [];
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  try {
    return await bench(root, symlinks, runs, groups, values["cold-providers"]);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof Interrupted ? 128 + constants.signals[interruptedBy ?? "SIGINT"] : 1;
  } finally {
    // The node_modules link first, so that removing the folder can never reach the project's.
    for (const link of symlinks) if (existsSync(link)) unlinkSync(link);
    rmSync(root, { recursive: true, force: true });
  }
}

async function bench(
  root: string,
  symlinks: string[],
  runs: number,
  groups: ReadonlySet<Group>,
  coldProviders: boolean,
): Promise<number> {
  const loadBefore = loadavg()[0];
  // The caller's environment, without what would change what the apps build.
  const drop = new Set(["APIM_CONFIG", "APIM_ENVIRONMENTS", "CDKTF_OUTDIR", BARE_STACKS]);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !drop.has(name)),
  );
  const cases: Case[] = [];
  const targets: Target[] = [];
  /** The stackShape of the last stack of each synth's latest run. */
  const shapes = new Map<Case, string>();
  let outputs = 0;

  /**
   * A command that must succeed; with `stacks`, a synth into a fresh folder (CDKTF_OUTDIR, and cdktf's
   * `--output` with `cli`), checked for one cdk.tf.json per stack; with `expected`, something it must
   * say on stderr.
   */
  const command = (label: string, cwd: string, argv: string[], options: CommandOptions = {}): Case => {
    const { env: extra = {}, warmUp = true, stacks = [], cli = false, expected } = options;
    const c: Case = {
      label,
      warmUp,
      samples: [],
      start: () => {
        const outdir = join(root, `out-${++outputs}`);
        const stackFile = (stack: string): string => join(outdir, "stacks", stack, "cdk.tf.json");
        // TERRAFORM_BINARY_NAME as in CI, where synth must not need Terraform.
        const synthEnv = { TERRAFORM_BINARY_NAME: "/nonexistent/terraform", CHECKPOINT_DISABLE: "1" };
        return {
          argv: cli ? [...argv, "--", "--output", outdir] : argv,
          cwd,
          env: { ...env, ...(stacks.length > 0 ? { ...synthEnv, CDKTF_OUTDIR: outdir } : {}), ...extra },
          verify: (result) => {
            try {
              if (result.status !== 0) throw describeFailure(label, result, "failed");
              if (expected !== undefined && !expected.test(result.stderr))
                throw describeFailure(label, result, `no ${String(expected)} on stderr`);
              const missing = stacks.filter((stack) => !existsSync(stackFile(stack)));
              if (missing.length > 0)
                throw describeFailure(label, result, `no cdk.tf.json for ${missing.join(", ")}`);
              if (stacks.length > 0)
                shapes.set(c, stackShape(stackFile(stacks[stacks.length - 1])).join(", "));
            } finally {
              rmSync(outdir, { recursive: true, force: true });
            }
          },
        };
      },
    };
    cases.push(c);
    return c;
  };
  const target = (...row: Target): number => targets.push(row);

  let mirrored: Case[] = [];
  if (groups.has("synth")) {
    const bareDir = join(root, "bare-app");
    symlinks.push(join(bareDir, "node_modules"));
    writeBareProject(bareDir, PROJECT);
    // Generated environments files, all without Cloud Foundry, so that the app declares per stack
    // what the bare app does, whatever environments.json holds (other paths, landscapes).
    const fewFile = join(root, "environments-few.json");
    const manyFile = join(root, "environments-many.json");
    writeEnvironments(fewFile, FEW_ENVIRONMENTS);
    writeEnvironments(manyFile, MANY_ENVIRONMENTS);
    const stacks = generatedEnvironmentNames(FEW_ENVIRONMENTS);
    const bareEnv = (names: readonly string[]): NodeJS.ProcessEnv => ({ [BARE_STACKS]: names.join(",") });
    // As cdktf runs the app: through a shell, the output folder in CDKTF_OUTDIR.
    const alone = ["sh", "-c", appCommand(PROJECT)];

    const synth = command("`npm run synth`", PROJECT, ["npm", "run", "synth"], {
      env: { APIM_CONFIG: fewFile },
      stacks,
    });
    const bareArgs = { env: bareEnv(stacks), stacks, cli: true };
    const cli = command("bare app, `cdktf synth`", bareDir, ["npm", "run", "synth"], bareArgs);
    // Users wait on wall time for a synth; CPU shows the app's own work best.
    target(`1. synth, ${stacks.length} environments`, synth, cli, "wall ratio", 0.5);
    const pairs = (
      [
        [stacks, { APIM_CONFIG: fewFile }],
        [generatedEnvironmentNames(MANY_ENVIRONMENTS), { APIM_CONFIG: manyFile }],
      ] as const
    ).map(([names, extra]) => {
      const app = command(`app alone, ${names.length} stacks`, PROJECT, alone, { env: extra, stacks: names });
      const bare = command(`bare app alone, ${names.length} stacks`, bareDir, alone, {
        env: bareEnv(names),
        stacks: names,
      });
      target(`2. app alone, ${names.length} environments`, app, bare, "CPU ratio", 1.05);
      return [app, bare];
    });
    // The last pair's stacks are the ones compared below for what they declare.
    mirrored = pairs[pairs.length - 1];
  }

  if (groups.has("test")) {
    const config = writeTrivialJestSuite(join(root, "trivial-jest"), PROJECT);
    const npmTest = command("`npm test`", PROJECT, ["npm", "test"], { warmUp: false });
    // Exactly its one test, or the floor would not be what a jest run costs before any test.
    const expected = /Tests:\s+1 passed, 1 total/;
    const trivial = command("trivial jest suite", PROJECT, ["npm", "test", "--", "--config", config], {
      expected,
    });
    // CPU, since a busy machine stretches wall time far more; the floor makes it mean the same anywhere.
    target("3. `npm test`", npmTest, trivial, "CPU ratio", 15);
  }

  if (groups.has("terraform")) {
    const providers = await run({
      argv: ["npm", "run", "-s", "providers"],
      cwd: PROJECT,
      env: { ...env, APIM_PROVIDER_DIR: join(root, "providers") },
    });
    if (providers.status !== 0) throw describeFailure("npm run providers", providers, "failed");
    const loop = command("`npm run test:terraform`, warm mirror", PROJECT, ["npm", "run", "test:terraform"], {
      env: { TF_CLI_CONFIG_FILE: providers.stdout.trim() },
    });
    target("4. real-Terraform loop", loop, undefined, "CPU-seconds", 40);
  }

  const runOnce = async (c: Case): Promise<Sample> => {
    const invocation = c.start();
    const started = performance.now();
    const result = await run(invocation);
    const wall = (performance.now() - started) / 1000;
    invocation.verify(result);
    return { wall, cpu: result.cpu };
  };

  for (const c of cases.filter((c) => c.warmUp)) {
    process.stderr.write(`warm-up: ${c.label}\n`);
    await runOnce(c);
  }
  const [project, bare] = mirrored.map((c) => shapes.get(c) ?? "");
  if (project !== bare)
    throw new Error(`the bare app no longer declares what the project's stack does: update bench-bare-app.ts
project: ${project}
bare app: ${bare}`);
  for (let round = 0; round < runs; round++) {
    // Rotate the order, so that no command is always the one right after another.
    for (const c of cases.map((_, i) => cases[(i + round) % cases.length])) {
      const sample = await runOnce(c);
      c.samples.push(sample);
      process.stderr.write(
        `[${round + 1}/${runs}] ${c.label}: ${sample.wall.toFixed(2)} s, ${sample.cpu.toFixed(2)} CPU-s\n`,
      );
    }
  }

  if (coldProviders) {
    // One run, after the rounds, so as not to disturb them.
    const cold = join(root, "cold");
    const coldEnv = {
      GOMODCACHE: join(cold, "mod"),
      GOCACHE: join(cold, "build"),
      APIM_PROVIDER_DIR: join(cold, "out"),
    };
    const providers = ["npm", "run", "-s", "providers"];
    const coldRun = command("`npm run providers`, empty Go caches, 1 run", PROJECT, providers, {
      env: coldEnv,
    });
    coldRun.samples.push(await runOnce(coldRun));
    // The module cache is read-only by design; go clean empties it.
    await run({
      argv: ["go", "clean", "-modcache"],
      cwd: PROJECT,
      env: { ...env, GOMODCACHE: coldEnv.GOMODCACHE },
    });
    target("5. cold providers build", coldRun, undefined, "reported");
  }

  const medianOf = (c: Case, key: keyof Sample): number => median(c.samples.map((sample) => sample[key]));
  const figure = (c: Case): string =>
    `${c.label}: wall ${summary(c.samples.map((s) => s.wall))} · CPU ${summary(c.samples.map((s) => s.cpu))}`;
  const rows = targets.map(([what, measured, floor, judged, limit]) => {
    const ratio = (key: keyof Sample): number =>
      floor === undefined ? NaN : medianOf(measured, key) / medianOf(floor, key);
    const value = {
      "wall ratio": ratio("wall"),
      "CPU ratio": ratio("cpu"),
      "CPU-seconds": medianOf(measured, "cpu"),
      reported: NaN,
    }[judged];
    return [
      what,
      figure(measured),
      floor === undefined ? "–" : figure(floor),
      floor === undefined ? "–" : `wall × ${ratio("wall").toFixed(2)} · CPU × ${ratio("cpu").toFixed(2)}`,
      limit === undefined ? "–" : judged === "CPU-seconds" ? `CPU ≤ ${limit} s` : `${judged} ≤ × ${limit}`,
      limit === undefined ? "reported" : verdict(value, limit),
    ];
  });
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    [
      `## npm run bench: medians (min–max) of ${runs} run${runs === 1 ? "" : "s"}, wall seconds and CPU-seconds`,
      "",
      `Machine: ${cpu}, ${availableParallelism()} cores, Node ${process.version}, ${platform()} ${release()}; ` +
        `1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`,
      "",
      markdownTable(["what", "measured", "floor, same run", "ratio", "target", "verdict"], rows),
    ].join("\n"),
  );
  return 0;
}

void main().then((code) => (process.exitCode = code));
