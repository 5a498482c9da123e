/**
 * `npm run landscape -- <name> [--check]`: what a content-transport landscape of the environments
 * file (APIM_CONFIG or environments.json) sets up, what must hold before `cdktf deploy <name>`, and
 * the steps no provider can do (transport nodes and routes), each with the exact values to enter.
 * Reads the configuration only: nothing is synthesized, deployed or asked of BTP. With `--check`,
 * after the deploy: asks the landscape's Cloud Transport Management which of its nodes it still
 * lacks (src/transport-nodes.ts), with the transport key from the deployed stack's state; exit 1
 * when one is missing, a warning (exit 0) when it cannot tell.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, configFile, loadConfiguration, outputFolder } from "@apim/stacks";
import { readCommandLine } from "../src/command-line";
import { landscapeReport } from "../src/landscape-report";
import { runTerraformAsync, terraformBinary } from "../src/terraform-cli";
import { Fetch, checkNodes, transportKeyOf } from "../src/transport-nodes";

const USAGE = "usage: npm run landscape -- <name> [--check]   (a landscape of the environments file)";

/** The nodes check of a deployed landscape: what it says, and its exit code. */
async function check(name: string, expected: readonly string[], fetch?: Fetch): Promise<number> {
  const stackDir = join(outputFolder(), "stacks", name);
  const warn = (why: string) => {
    console.error(`landscape: warning: cannot check the nodes of ${name}: ${why}`);
    return 0;
  };
  if (!existsSync(stackDir))
    return warn(`no synthesized stack in ${stackDir}: run it after cdktf deploy ${name}`);
  const show = await runTerraformAsync(terraformBinary().binary, stackDir, [
    "show",
    "-json",
    "-no-color",
  ]).catch((err: Error) => ({ status: 1, stdout: "", stderr: err.message }));
  if (show.status !== 0) {
    // Terraform's own error, not the warnings it may print before it.
    const said = /Error: (.*)/.exec(show.stderr)?.[1] ?? show.stderr.trim().split("\n")[0];
    return warn(`terraform show -json in ${stackDir} failed (${said}): run it after cdktf deploy ${name}`);
  }
  const key = transportKeyOf(show.stdout);
  if (key === undefined)
    return warn(`the state in ${stackDir} holds no transport service key yet: deploy first`);
  const result = await checkNodes(key, expected, fetch);
  if (result.kind === "unknown") return warn(result.why);
  for (const node of expected) {
    console.log(
      `node "${node}": ${result.missing.includes(node) ? "missing: create it as the report says" : "present"}`,
    );
  }
  console.log("routes: not read back (no public endpoint lists them); check them in the app");
  return result.missing.length === 0 ? 0 : 1;
}

/** The command with `args`: its exit code; `fetch` stands in for the network in tests. */
export async function landscape(args: readonly string[], fetch?: Fetch): Promise<number> {
  try {
    const command = readCommandLine<{ check: boolean }>(
      args,
      { check: { type: "boolean", default: false } },
      USAGE,
      1,
    );
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
    if (command.values.check) {
      const { sourceNodeName, stages } = config.landscape;
      return await check(name, [sourceNodeName, ...stages.map((stage) => stage.nodeName)], fetch);
    }
    console.log(landscapeReport(config));
    return 0;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
}

// Run as a command; a test imports `landscape` and also runs it inside Jest.
if (require.main === module) void landscape(process.argv.slice(2)).then((code) => process.exit(code));
