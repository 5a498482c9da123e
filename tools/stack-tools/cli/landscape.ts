/**
 * `npm run landscape -- <name>`: what a content-transport landscape of the environments file
 * (APIM_CONFIG or environments.json) sets up, what must hold before `cdktf deploy <name>`, and the
 * steps no provider can do (transport nodes and route), each with the exact values to enter. Reads
 * the configuration only: nothing is synthesized, deployed or asked of BTP.
 */
import { ConfigError, configFile, loadConfiguration } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import { landscapeReport } from "../src/landscape-report";

const USAGE = "usage: npm run landscape -- <name>   (a landscape of the environments file)";

function main(args: string[]): number {
  const command = readCommandLine<Record<string, never>>(args, {}, USAGE, 1);
  if (!command.ok) return command.exitCode;
  const [name] = command.positionals;
  const file = configFile();
  const { landscapes } = loadConfiguration(file);
  const config = landscapes.find((landscape) => landscape.name === name);
  if (name === undefined || config === undefined) {
    const known = landscapes.map((landscape) => landscape.name);
    console.error(
      `${name === undefined ? "no landscape named" : `${JSON.stringify(name)} is no landscape of ${file}`} (landscapes: ${known.join(", ") || "none"})\n${USAGE}`,
    );
    return 2;
  }
  console.log(landscapeReport(config));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
