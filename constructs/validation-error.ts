import { IConstruct } from "constructs";

/**
 * Thrown when a construct is given props that BTP or Terraform would refuse.
 *
 * The message names the construct path, every broken field and its value, so that a synth fails
 * before anything is written and the user knows what to fix.
 */
export class ValidationError extends Error {
  public constructor(
    scope: IConstruct,
    /** Every problem found, one sentence each, naming the field and quoting its value. */
    public readonly problems: readonly string[],
  ) {
    super(`Invalid props for ${scope.node.path}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ValidationError";
  }
}
