/**
 * `npm run review [-- OLD NEW]`: what `terraform plan` would tell a reviewer about a change, as
 * Markdown for a pull-request comment, without Terraform and without BTP credentials.
 *
 * OLD and NEW are each a synth output folder (holding stacks/<env>/cdk.tf.json) or a git revision,
 * which is synthesized in a temporary worktree. NEW defaults to the working tree, OLD to the commit
 * where this branch left main (`git merge-base HEAD main`). An existing folder wins over a revision
 * of the same name. Exit 0 whatever changed; 2 when something cannot be compared.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCommandLine } from "../src/command-line";
import { diffSynthOutputs, renderMarkdown } from "../src/stack-diff";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";

const PROJECT = join(__dirname, "../../..");
const USAGE = "usage: npm run review [-- OLD [NEW]]  (each a synth output folder or a git revision)";

type Stacks = Record<string, SynthesizedStack>;

/** A problem with what was asked for, reported as one line, exit 2. */
class ReviewError extends Error {}

/** What one side of the comparison is, checked before anything is synthesized. */
type Side =
  | { readonly kind: "folder"; readonly label: string; readonly stacks: Stacks }
  | { readonly kind: "revision"; readonly label: string; readonly commit: string }
  | { readonly kind: "working-tree"; readonly label: string };

function git(args: readonly string[]): { ok: boolean; out: string; err: string } {
  const result = spawnSync("git", args, { cwd: PROJECT, encoding: "utf8" });
  return { ok: result.status === 0, out: result.stdout?.trim() ?? "", err: result.stderr?.trim() ?? "" };
}

function commitOf(revision: string): string | undefined {
  // A leading "-" would be read as an option by git, never as a revision.
  if (revision.startsWith("-")) return undefined;
  const result = git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  return result.ok ? result.out : undefined;
}

function resolveSide(arg: string): Side {
  if (existsSync(arg)) {
    if (!statSync(arg).isDirectory()) throw new ReviewError(`${arg} is a file, not a synth output folder`);
    try {
      return { kind: "folder", label: arg, stacks: readSynthOutput(arg) };
    } catch (err) {
      throw new ReviewError((err as Error).message);
    }
  }
  const commit = commitOf(arg);
  if (!commit)
    throw new ReviewError(`${JSON.stringify(arg)} is neither a synth output folder nor a git revision`);
  return { kind: "revision", label: `${arg} (${commit.slice(0, 12)})`, commit };
}

function defaultOld(): Side {
  // CI checkouts often have origin/main only.
  for (const base of ["main", "origin/main"]) {
    if (!commitOf(base)) continue;
    const result = git(["merge-base", "HEAD", base]);
    if (result.ok) {
      return {
        kind: "revision",
        label: `merge-base of HEAD and ${base} (${result.out.slice(0, 12)})`,
        commit: result.out,
      };
    }
  }
  throw new ReviewError(
    "cannot find where HEAD left main (git merge-base HEAD main failed); name OLD explicitly",
  );
}

/** Runs main.ts as `cdktf synth` would; APIM_CONFIG and APIM_ENVIRONMENTS pass through with the environment. */
function synthesize(projectDir: string, label: string): Stacks {
  const tmp = mkdtempSync(join(tmpdir(), "apim-review-out-"));
  try {
    // As cdktf.json runs the app; a worktree resolves tsx through its node_modules link.
    const result = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
      cwd: projectDir,
      env: { ...process.env, CDKTF_OUTDIR: tmp, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
    });
    if (result.status !== 0) {
      const why = (result.stderr || result.error?.message || "").trim().split("\n").slice(0, 5).join(" | ");
      throw new ReviewError(`synthesizing ${label} failed: ${why}`);
    }
    return readSynthOutput(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * What `npm ci` generates for a checkout and git does not hold: the revision's schema validators.
 * They are made from environments.schema.json alone, so a revision with this project's schema gets a
 * copy of this project's; any other runs its own generator.
 */
function generateAsInstalled(projectDir: string, label: string): void {
  const validators = join("stacks", "environments-schema-validators.js");
  const generator = join(projectDir, "scripts", "generate-environments-schema.ts");
  if (existsSync(join(projectDir, validators)) || !existsSync(generator)) return;
  const schema = (dir: string) => readFileSync(join(dir, "environments.schema.json"), "utf8");
  if (existsSync(join(PROJECT, validators)) && schema(projectDir) === schema(PROJECT)) {
    copyFileSync(join(PROJECT, validators), join(projectDir, validators));
    return;
  }
  const result = spawnSync(process.execPath, ["--import", "tsx", generator], {
    cwd: projectDir,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new ReviewError(
      `generating the schema validators of ${label} failed: ${result.stderr.trim().split("\n")[0]}`,
    );
  }
}

function synthesizeRevision(commit: string, label: string): Stacks {
  const tmp = mkdtempSync(join(tmpdir(), "apim-review-"));
  const worktree = join(tmp, "worktree");
  try {
    const added = git(["worktree", "add", "--detach", "--quiet", worktree, commit]);
    if (!added.ok) throw new ReviewError(`cannot check out ${label} into a worktree: ${added.err}`);
    // The project may sit below the repository's root; the worktree has it at the same place.
    const projectDir = join(worktree, git(["rev-parse", "--show-prefix"]).out);
    const modules = join(projectDir, "node_modules");
    try {
      if (!existsSync(modules)) symlinkSync(join(PROJECT, "node_modules"), modules, "junction");
      generateAsInstalled(projectDir, label);
      return synthesize(projectDir, label);
    } finally {
      // Unlinked first, so that removing the worktree can never reach into the real node_modules.
      try {
        unlinkSync(modules);
      } catch {
        // not there: nothing to protect
      }
      git(["worktree", "remove", "--force", worktree]);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const command = readCommandLine(argv, {}, USAGE, 2);
  if (!command.ok) return command.exitCode;
  const [oldArg, newArg] = command.positionals;

  // Both sides are checked before either is synthesized, so a typo fails at once.
  const sides: Side[] = [
    oldArg === undefined ? defaultOld() : resolveSide(oldArg),
    newArg === undefined ? { kind: "working-tree", label: "working tree" } : resolveSide(newArg),
  ];
  const byCommit = new Map<string, Stacks>();
  const [before, after] = sides.map((side): Stacks => {
    switch (side.kind) {
      case "folder":
        return side.stacks;
      case "working-tree":
        console.error(`review: synthesizing the ${side.label}`);
        return synthesize(PROJECT, side.label);
      case "revision": {
        const cached = byCommit.get(side.commit);
        if (cached) return cached;
        console.error(`review: synthesizing ${side.label} in a temporary worktree`);
        const stacks = synthesizeRevision(side.commit, side.label);
        byCommit.set(side.commit, stacks);
        return stacks;
      }
    }
  });

  const diffs = await diffSynthOutputs(before, after);
  const markdown = renderMarkdown(diffs, { before: sides[0].label, after: sides[1].label });
  // Flushed before exiting: on some platforms a write to a pipe completes asynchronously.
  await new Promise<void>((resolve) => process.stdout.write(markdown, () => resolve()));
  return 0;
}

/** The command with `args`: its exit code, a problem said on stderr (exit 2). */
export async function review(args: readonly string[]): Promise<number> {
  try {
    return await main(args);
  } catch (err) {
    // A ReviewError is about the input and says all in one line; anything else is a bug, worth its stack.
    console.error(err instanceof ReviewError ? `review: ${err.message}` : err);
    return 2;
  }
}

// Run as a command; a test imports `review` and also runs it inside Jest.
if (require.main === module) void review(process.argv.slice(2)).then((code) => process.exit(code));
