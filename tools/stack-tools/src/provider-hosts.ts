/**
 * Each provider started once for many Terraform commands. Terraform starts every provider afresh
 * for each graph walk of each command (a `terraform test` run block has three walks, and the test's
 * teardown two more), which in a loop over many stacks costs more than the work itself. With
 * TF_REATTACH_PROVIDERS, Terraform instead talks to a provider process that is already running, as
 * it does with a provider under a debugger: the same binary and protocol, the same requests and
 * answers, started once.
 *
 * A provider serves that way when started with `-debug` (HashiCorp's provider scaffolding and
 * tools/providers/schema-stand-in). One that does not is left to Terraform to start as usual.
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One provider of a `.terraform.lock.hcl`, as Terraform wrote it. */
export interface LockedProvider {
  readonly version?: string;
  readonly constraints?: string;
  readonly hashes: readonly string[];
}

/** The providers that the `.terraform.lock.hcl` in `dir` locks, by address; none without the file. */
export function lockedProviders(dir: string): Map<string, LockedProvider> {
  const lockFile = join(dir, ".terraform.lock.hcl");
  const text = existsSync(lockFile) ? readFileSync(lockFile, "utf8") : "";
  const locked = new Map<string, LockedProvider>();
  for (const [, address, body] of text.matchAll(/^provider "([^"]+)" \{\n([\s\S]*?)^\}/gm)) {
    locked.set(address, {
      version: /^\s*version\s*=\s*"([^"]*)"/m.exec(body)?.[1],
      constraints: /^\s*constraints\s*=\s*"([^"]*)"/m.exec(body)?.[1],
      hashes: [...body.matchAll(/"([a-z0-9]+:[^"]+)"/g)].map((hash) => hash[1]).sort(),
    });
  }
  return locked;
}

/** The executable that `terraform init` installed in `dir` for `address` at `version`. */
function installedBinary(dir: string, address: string, version: string): string | undefined {
  const root = join(dir, ".terraform", "providers", address, version);
  if (!existsSync(root)) return undefined;
  for (const platform of readdirSync(root)) {
    const file = readdirSync(join(root, platform)).find((name) => name.startsWith("terraform-provider-"));
    if (file) return join(root, platform, file);
  }
  return undefined;
}

/** A provider serving for reattachment, and its entry of TF_REATTACH_PROVIDERS. */
interface Host {
  readonly process: ChildProcess;
  readonly reattach: unknown;
}

/** How long a provider may take to say where it serves before Terraform is left to start it. */
const START_TIMEOUT_MS = 15_000;

/** How long a provider may take to end after an interrupt before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

/** Starts `binary -debug` and resolves with its reattach entry for `address`, or undefined where it gives none. */
function startHost(binary: string, address: string): Promise<Host | undefined> {
  return new Promise((resolve) => {
    const child = spawn(binary, ["-debug"], { stdio: ["ignore", "pipe", "ignore"] });
    let said = "";
    let heard = false;
    const giveUp = () => {
      clearTimeout(timer);
      child.kill();
      resolve(undefined);
    };
    const timer = setTimeout(giveUp, START_TIMEOUT_MS);
    child.on("error", giveUp);
    child.on("exit", giveUp);
    // It prints `TF_REATTACH_PROVIDERS='{"<address>": {...}}'`; its output is read to the end either
    // way, so that it never blocks on a full pipe.
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (heard) return;
      said += chunk;
      const printed = /TF_REATTACH_PROVIDERS='([^']*)'/.exec(said)?.[1];
      if (printed === undefined) return;
      heard = true;
      clearTimeout(timer);
      child.removeListener("exit", giveUp);
      const reattach = (JSON.parse(printed) as Record<string, unknown>)[address];
      if (reattach === undefined) giveUp();
      else resolve({ process: child, reattach });
    });
  });
}

/**
 * The providers started for reattachment, one per provider package: address, version and the lock
 * file's checksums, so that a stack is only ever served the package its own `terraform init`
 * installed and locked.
 */
export class ProviderHosts {
  private readonly hosts = new Map<string, Promise<Host | undefined>>();

  /**
   * The environment with which Terraform, in the initialised folder `dir`, uses the running
   * providers for those its lock file locks (`locked`, as {@link lockedProviders} reads it); empty
   * where none could be started.
   */
  async environment(
    dir: string,
    locked: ReadonlyMap<string, LockedProvider>,
  ): Promise<Record<string, string>> {
    const reattach: Record<string, unknown> = {};
    for (const [address, lock] of locked) {
      if (lock.version === undefined) continue;
      const key = [address, lock.version, ...lock.hashes].join(" ");
      let host = this.hosts.get(key);
      if (host === undefined) {
        const binary = installedBinary(dir, address, lock.version);
        host = binary === undefined ? Promise.resolve(undefined) : startHost(binary, address);
        this.hosts.set(key, host);
      }
      const started = await host;
      if (started) reattach[address] = started.reattach;
    }
    return Object.keys(reattach).length === 0 ? {} : { TF_REATTACH_PROVIDERS: JSON.stringify(reattach) };
  }

  /**
   * Stops every provider started and waits for it to end: an interrupt, on which a provider serving
   * for reattachment shuts down and removes its socket; a kill where it has not ended in time.
   */
  async close(): Promise<void> {
    const hosts = (await Promise.all(this.hosts.values())).filter((host) => host !== undefined);
    this.hosts.clear();
    await Promise.all(
      hosts.map(
        ({ process }) =>
          new Promise<void>((resolve) => {
            if (process.exitCode !== null || process.signalCode !== null) return resolve();
            const kill = setTimeout(() => process.kill("SIGKILL"), STOP_TIMEOUT_MS);
            process.on("exit", () => {
              clearTimeout(kill);
              // A process it started may still hold its output open (a wrapper script's child):
              // that must not keep this one waiting.
              process.stdout?.destroy();
              resolve();
            });
            process.kill("SIGINT");
          }),
      ),
    );
  }
}
