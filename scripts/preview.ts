/**
 * `npm run preview -- <environment> --service-key <file.json>`: prints the destination that the
 * environment would get from that service key, as the cockpit's destination export shows it, with
 * the client secret masked. Nothing is deployed and nothing leaves this machine.
 */
import { readFileSync } from "node:fs";
import { loadEnvironments } from "../stacks";
import { parseServiceKey, previewDestinations } from "./lib/destination-preview";
import { synthesizeStacks } from "./lib/synthesize";

const USAGE = "usage: npm run preview -- <environment> --service-key <file.json>";

async function main(args: string[]): Promise<void> {
  const keyFlag = args.indexOf("--service-key");
  const keyFile = keyFlag >= 0 ? args[keyFlag + 1] : undefined;
  const positional = args.filter((_, i) => i !== keyFlag && i !== keyFlag + 1);
  if (!keyFile || positional.length !== 1) throw new Error(USAGE);
  const [environment] = positional;

  let keyText: string;
  try {
    keyText = readFileSync(keyFile, "utf8");
  } catch {
    throw new Error(`${keyFile}: cannot read the service key file`);
  }
  parseServiceKey(keyText, keyFile);

  const environments = loadEnvironments(process.env.APIM_CONFIG ?? "environments.json", [environment]);
  const stack = synthesizeStacks(environments)[environment];
  for (const destination of await previewDestinations(stack, keyText)) {
    console.log(JSON.stringify(destination, null, 2));
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`preview: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
