/**
 * `npm run preview -- <environment> --service-key <file.json> [--offline]`: prints the destination
 * that the environment would get from that service key, as the cockpit's destination export shows
 * it, with the client secret masked. Real Terraform computes it from the synthesized expression
 * (no provider, no network); only without Terraform, or with `--offline`, the offline evaluator
 * does, and says so. Nothing is deployed and nothing leaves this machine.
 */
import { readFileSync } from "node:fs";
import { configFile, loadEnvironments } from "../../../stacks";
import { readCommandLine } from "../src/command-line";
import { parseServiceKey, previewDestinations } from "../src/destination-preview";
import { synthesizeStacks } from "../src/synthesize";
import { terraformBinary } from "../src/terraform-cli";

const USAGE = `usage: npm run preview -- <environment> --service-key <file.json> [--offline]

  --offline  the offline evaluator instead of Terraform`;

/** The Terraform binary to evaluate with, or undefined (and a note why) for the offline evaluator. */
function evaluator(offline: boolean): string | undefined {
  if (offline) return undefined;
  try {
    return terraformBinary().binary;
  } catch (err) {
    console.error(
      `${(err as Error).message}\npreview: no Terraform, so the offline evaluator computes the destination`,
    );
    return undefined;
  }
}

async function main(args: string[]): Promise<number> {
  const command = readCommandLine<{ "service-key"?: string; offline: boolean }>(
    args,
    { "service-key": { type: "string" }, offline: { type: "boolean", default: false } },
    USAGE,
    1,
  );
  if (!command.ok) return command.exitCode;
  const keyFile = command.values["service-key"];
  const [environment] = command.positionals;
  if (keyFile === undefined || environment === undefined) throw new Error(USAGE);
  let keyText: string;
  try {
    keyText = readFileSync(keyFile, "utf8");
  } catch {
    throw new Error(`${keyFile}: cannot read the service key file`);
  }
  // A service key is a few hundred bytes; anything much larger is the wrong file.
  if (keyText.length > 64 * 1024)
    throw new Error(`${keyFile}: ${keyText.length} characters is no service key`);
  parseServiceKey(keyText, keyFile);

  const environments = loadEnvironments(configFile(), [environment]);
  const stack = synthesizeStacks(environments)[environment];
  for (const destination of await previewDestinations(stack, keyText, evaluator(command.values.offline))) {
    console.log(JSON.stringify(destination, null, 2));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`preview: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
