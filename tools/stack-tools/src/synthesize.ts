/** Synthesizing the app in this process, for the tools that need its stacks but not its files. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { AppConfiguration, buildApp } from "@apim/stacks";
import { SynthesizedStack, readSynthOutput } from "./synth-output";

/**
 * Synthesizes the app as main.ts does for a configuration and returns its stacks. Into `outdir`
 * where given, which is left as synthesized; else nothing is left on disk.
 */
export function synthesizeStacks(
  { environments, landscapes }: AppConfiguration,
  outdir?: string,
): Record<string, SynthesizedStack> {
  const dir = outdir ?? mkdtempSync(join(tmpdir(), "apim-synth-"));
  try {
    const app = new App({ outdir: dir });
    buildApp(app, environments, landscapes);
    app.synth();
    return readSynthOutput(dir);
  } finally {
    if (outdir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
