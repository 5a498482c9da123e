/** Synthesizing the app in this process, for the tools that need its stacks but not its files. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { AppConfiguration, buildApp, parseConfiguration } from "@apim/stacks";
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

/**
 * The one environment whose stack README.md draws: the default settings, with made-up IDs. Not
 * environments.json, so that adding an environment there leaves the README as it is.
 */
const README_EXAMPLE = {
  environments: {
    dev: { globalAccount: "example-global-account", subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" },
  },
} as const;

/** The stacks of README_EXAMPLE, the environment whose graph README.md shows. */
export function readmeExampleStacks(): Record<string, SynthesizedStack> {
  return synthesizeStacks({
    environments: parseConfiguration("(README example)", README_EXAMPLE).environments,
    landscapes: [],
  });
}
