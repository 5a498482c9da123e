import { TerraformProvider, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/**
 * The stack's provider of class `type`, declared with default configuration when the stack has
 * none yet. Only for providers that need no configuration (hashicorp/time, hashicorp/http): the
 * BTP provider, which needs a global account and credentials, stays the stack's to declare.
 */
export function ensureProvider<T extends TerraformProvider>(
  scope: Construct,
  type: new (scope: Construct, id: string) => T,
  id: string,
): T {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.findAll().find((c): c is T => c instanceof type);
  return existing ?? new type(stack, id);
}
