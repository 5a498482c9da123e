/** Command lines of the tools, read by node:util's parseArgs: `--help` everywhere, unknown options refused. */
import { ParseArgsConfig, parseArgs } from "node:util";

/** What a tool's command line asked for, or the exit code when it only asked for help or was wrong. */
export type CommandLine<T> = { ok: true; values: T; positionals: string[] } | { ok: false; exitCode: number };

/**
 * Parses `args` with `options` (plus `-h, --help`) and at most `maxPositionals` positionals. Help
 * prints `usage` and gives exit code 0; anything wrong prints the problem and `usage`, exit code 2.
 */
export function readCommandLine<T>(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  usage: string,
  maxPositionals: number,
): CommandLine<T> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return { ok: false, exitCode: 2 };
  }
  if (parsed.values.help) {
    console.log(usage);
    return { ok: false, exitCode: 0 };
  }
  if (parsed.positionals.length > maxPositionals) {
    console.error(
      `expected at most ${maxPositionals} argument(s), got ${parsed.positionals.join(" ")}\n${usage}`,
    );
    return { ok: false, exitCode: 2 };
  }
  return { ok: true, values: parsed.values as T, positionals: parsed.positionals };
}
