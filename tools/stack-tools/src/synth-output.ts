/** Reading what `cdktf synth` wrote: `<dir>/stacks/<stack>/cdk.tf.json`. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A synthesized stack (`cdk.tf.json`), the parts the tools read. */
export type SynthesizedStack = {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, Array<Record<string, unknown>>>;
  readonly output?: Record<
    string,
    { readonly value: unknown; readonly sensitive?: boolean; readonly description?: string }
  >;
  readonly locals?: Record<string, unknown>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly terraform?: Record<string, unknown>;
  /** `check` blocks: assertions, and data sources scoped to the block. */
  readonly check?: Record<
    string,
    {
      readonly assert?: ReadonlyArray<Record<string, unknown>>;
      readonly data?: Record<string, Record<string, Record<string, unknown>>>;
    }
  >;
  /** `import` blocks: the address imported into, and the provider's import ID. */
  readonly import?: ReadonlyArray<{ readonly to: string; readonly id: string; readonly provider?: string }>;
};

/** Every stack of a synth output folder, by stack name, in name order. Throws when `dir` holds none. */
export function readSynthOutput(dir: string): Record<string, SynthesizedStack> {
  const stacksDir = join(dir, "stacks");
  if (!existsSync(stacksDir)) {
    throw new Error(
      `${dir} is not a cdktf synth output folder (no stacks/ in it); run \`npm run synth\` first`,
    );
  }
  const names = readdirSync(stacksDir)
    .filter((name) => existsSync(join(stacksDir, name, "cdk.tf.json")))
    .sort();
  if (names.length === 0) throw new Error(`${stacksDir} holds no stack (no */cdk.tf.json)`);
  return Object.fromEntries(names.map((name) => [name, readStack(join(stacksDir, name, "cdk.tf.json"))]));
}

function readStack(file: string): SynthesizedStack {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SynthesizedStack;
  } catch (err) {
    throw new Error(`${file}: not a synthesized stack (${(err as Error).message})`);
  }
}
