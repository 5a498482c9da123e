/**
 * A configuration that cannot be synthesized. Its message lists every problem, each naming the
 * file, the environment, the field and the value.
 */
export class ConfigError extends Error {
  public constructor(
    public readonly file: string,
    public readonly problems: readonly string[],
  ) {
    super(`${file}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}
