import { provider } from "@cdktf/provider-btp";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ValidationError } from "btp-apim-transport-destination";

/** A synthesized stack, as parsed `cdk.tf.json`. */
export type StackJson = {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, Array<Record<string, unknown>>>;
  readonly terraform: {
    readonly required_providers: Record<string, unknown>;
    readonly backend?: Record<string, unknown>;
    readonly cloud?: Record<string, unknown>;
  };
  readonly output: Record<string, { readonly value: unknown; readonly sensitive?: boolean }>;
};

/** A subaccount ID of the right shape; not a real subaccount. */
export const SUBACCOUNT_ID = "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";

/**
 * Synthesizes what `build` adds to a stack of its own. The stack declares the btp provider the way
 * a consumer would, so the result is a complete stack; the constructs themselves never declare it.
 */
export function synthWith(build: (scope: Construct) => void): StackJson {
  const stack = new TerraformStack(Testing.app(), "test");
  new provider.BtpProvider(stack, "btp", { globalaccount: "example-global-account" });
  build(stack);
  return JSON.parse(Testing.synth(stack, true)) as StackJson;
}

/** Synthesizes what `build` adds to a bare scope, without a provider, to see what the construct alone declares. */
export function synthAlone(build: (scope: Construct) => void): StackJson {
  return JSON.parse(Testing.synthScope(build)) as StackJson;
}

/** The one resource of `type` in `stack`, with its logical name. */
export function onlyResource(
  stack: StackJson,
  type: string,
): { name: string; body: Record<string, unknown> } {
  const instances = Object.entries(stack.resource?.[type] ?? {});
  if (instances.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${instances.length}`);
  }
  const [name, body] = instances[0];
  return { name, body };
}

/** The message of the ValidationError that building `build` alone raises; fails the test when none is raised. */
export function validationProblemsOf(build: (scope: Construct) => void): string {
  try {
    synthAlone(build);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as Error).message;
  }
  throw new Error("expected a ValidationError");
}
