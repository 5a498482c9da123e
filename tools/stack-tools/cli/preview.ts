/**
 * `npm run preview -- <environment> --service-key <file.json>`: prints the destination that the
 * environment would get from that service key, as the cockpit's destination export shows it, with
 * the client secret masked. Real Terraform computes it from the synthesized expression (no provider,
 * no network), so the preview is what the deployment computes. Nothing is deployed and nothing
 * leaves this machine.
 */
import { readFileSync } from "node:fs";
import { configFile, loadEnvironments } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import { parseServiceKey, previewDestinations } from "../src/destination-preview";
import { synthesizeStacks } from "../src/synthesize";
import { terraformBinary } from "../src/terraform-cli";

const USAGE = "usage: npm run preview -- <environment> --service-key <file.json>   (needs Terraform)";

async function main(args: string[]): Promise<number> {
  const command = readCommandLine<{ "service-key"?: string }>(
    args,
    { "service-key": { type: "string" } },
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
  // A wrong key file or environment is said first, whether or not Terraform is installed.
  let binary: string;
  try {
    binary = terraformBinary().binary;
  } catch (err) {
    console.error(`preview needs Terraform to compute the destination: ${(err as Error).message}`);
    return 2;
  }
  const stack = synthesizeStacks({ environments, landscapes: [] })[environment];
  for (const destination of await previewDestinations(stack, keyText, binary)) {
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
