/**
 * `npm run preview -- <environment> --service-key <file.json>`: prints the destination that the
 * environment would get from that service key, as the cockpit's destination export shows it, with
 * the client secret masked. For a landscape, `--content-agent-key` and `--transport-key` give the
 * other two keys, and all four destinations are printed (the TMSDeploy password masked too). Real
 * Terraform computes them from the synthesized expressions (no provider, no network), so the preview
 * is what the deployment computes. Nothing is deployed and nothing leaves this machine.
 */
import { readFileSync } from "node:fs";
import { configFile, loadConfiguration } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import {
  LandscapeKeys,
  UAA_KEYS,
  parseServiceKey,
  parseUaaKey,
  previewDestinations,
} from "../src/destination-preview";
import { synthesizeStacks } from "../src/synthesize";
import { terraformBinary } from "../src/terraform-cli";

const USAGE = `usage: npm run preview -- <environment> --service-key <file.json>   (needs Terraform)
       npm run preview -- <landscape> --service-key <api-portal.json> --content-agent-key <file.json> --transport-key <file.json>`;

/** A key file's text; a service key is a few hundred bytes, so anything much larger is the wrong file. */
function readKey(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file}: cannot read the service key file`);
  }
  if (text.length > 64 * 1024) throw new Error(`${file}: ${text.length} characters is no service key`);
  return text;
}

async function main(args: readonly string[]): Promise<number> {
  const command = readCommandLine<{
    "service-key"?: string;
    "content-agent-key"?: string;
    "transport-key"?: string;
  }>(
    args,
    {
      "service-key": { type: "string" },
      "content-agent-key": { type: "string" },
      "transport-key": { type: "string" },
    },
    USAGE,
    1,
  );
  if (!command.ok) return command.exitCode;
  const { values } = command;
  const keyFile = values["service-key"];
  const [name] = command.positionals;
  if (keyFile === undefined || name === undefined) throw new Error(USAGE);
  const keyText = readKey(keyFile);
  parseServiceKey(keyText, keyFile);

  const configuration = loadConfiguration(configFile(), [name]);
  let landscapeKeys: LandscapeKeys | undefined;
  if (configuration.landscapes.length > 0) {
    const files = { contentAgent: values["content-agent-key"], transport: values["transport-key"] };
    const missing = Object.entries(files).filter(([, file]) => file === undefined);
    if (missing.length > 0)
      throw new Error(`${name} is a landscape: give --content-agent-key and --transport-key\n${USAGE}`);
    const read = (role: keyof LandscapeKeys) => {
      const file = files[role] as string;
      const text = readKey(file);
      parseUaaKey(text, file, UAA_KEYS[role]);
      return text;
    };
    landscapeKeys = { contentAgent: read("contentAgent"), transport: read("transport") };
  }
  // A wrong key file, environment or landscape is said first, whether or not Terraform is installed.
  let binary: string;
  try {
    binary = terraformBinary().binary;
  } catch (err) {
    console.error(`preview needs Terraform to compute the destination: ${(err as Error).message}`);
    return 2;
  }
  const stack = synthesizeStacks(configuration)[name];
  for (const destination of await previewDestinations(stack, keyText, binary, landscapeKeys)) {
    console.log(JSON.stringify(destination, null, 2));
  }
  return 0;
}

/** The command with `args`: its exit code, a problem said on stderr in one line (exit 1). */
export async function preview(args: readonly string[]): Promise<number> {
  try {
    return await main(args);
  } catch (err) {
    console.error(`preview: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

// Run as a command; a test imports `preview` and also runs it inside Jest.
if (require.main === module) void preview(process.argv.slice(2)).then((code) => process.exit(code));
