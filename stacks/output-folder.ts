import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./config-error";
import { nameList } from "./name-list";

/** The folder the app synthesizes into: CDKTF_OUTDIR (set by cdktf's CLI), else cdktf.out. */
export function outputFolder(): string {
  return process.env.CDKTF_OUTDIR ?? "cdktf.out";
}

/** Whether cdktf's CLI runs the app (`cdktf synth`, `diff`, `deploy`): it sets SYNTH_HCL_OUTPUT. */
export function runByCdktfCli(): boolean {
  return process.env.SYNTH_HCL_OUTPUT !== undefined;
}

/**
 * Checks, before anything is written, that the app can synthesize `environments` into `outdir`
 * without losing anything there:
 * - `outdir` must be a folder (or not exist yet);
 * - under cdktf's CLI, a subset of the environments must not be synthesized while other
 *   environments' folders exist: after the app, the CLI deletes every stack folder it did not just
 *   get, with the `.terraform` folder and lock file in it (and a state file, were one kept there).
 *   `npm run synth` runs the app without the CLI and keeps them.
 */
export function checkOutputFolder(outdir: string, environments: readonly string[], selected: boolean): void {
  if (!existsSync(outdir)) return;
  if (!statSync(outdir).isDirectory()) {
    throw new ConfigError(outdir, [
      "is a file, not a folder: cdktf writes the stacks there; move the file away",
    ]);
  }
  const stacksDir = join(outdir, "stacks");
  if (!selected || !runByCdktfCli() || !existsSync(stacksDir)) return;
  const others = readdirSync(stacksDir).filter((name) => !environments.includes(name));
  if (others.length > 0) {
    throw new ConfigError(outdir, [
      `APIM_ENVIRONMENTS selects ${nameList(environments)}, but cdktf's CLI would then delete the folders of ` +
        `${nameList(others)} under ${stacksDir} (their .terraform and lock files): run \`npm run synth\` ` +
        "to synthesize a subset, or unset APIM_ENVIRONMENTS for cdktf synth, diff and deploy " +
        "(`cdktf deploy <environment>` deploys one environment of a full synth)",
    ]);
  }
}
