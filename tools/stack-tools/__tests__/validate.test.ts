import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../../../__tests__/support/command";
import { tempDir } from "../../../__tests__/support/temp";
import { validate as validateCommand } from "../cli/validate";

// What `npm run validate` finds is Terraform's own answer, which `npm run test:terraform` and CI
// check on every stack; here only what the command says before it gets to Terraform.
function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/stack-tools/cli/validate.ts", ...args], {
    cwd: join(__dirname, "../../.."),
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

/** The command run in this process; the first test starts it in a process of its own, as npm does. */
const validateHere = (args: string[], env: NodeJS.ProcessEnv = {}) => runCommand(validateCommand, args, env);

/** A synth output folder with one stack `dev` holding `content` as its cdk.tf.json. */
function synthOutput(content: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, "stacks", "dev"), { recursive: true });
  writeFileSync(join(dir, "stacks", "dev", "cdk.tf.json"), content);
  return dir;
}

describe("npm run validate", () => {
  it("without Terraform, exits 2 with one line that says Terraform is needed and where to get it", () => {
    const result = validate([synthOutput("{}")], { APIM_TERRAFORM: "/nonexistent/terraform" });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^validate needs Terraform to run `terraform validate` on each stack: no Terraform found/,
      ),
    ]);
    expect(result.stderr).toContain("https://developer.hashicorp.com/terraform/install");
  });

  it("answers --help with its usage, exit 0, and refuses an unknown option with exit 2", async () => {
    const help = await validateHere(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run validate \[-- DIR\]/);
    const offline = await validateHere(["--offline"]);
    expect(offline.status).toBe(2);
    expect(offline.stderr).toContain("'--offline'");
  });

  it("names the file of a corrupt cdk.tf.json, exit 2, before it looks for Terraform", async () => {
    const dir = synthOutput('{"resource": ');
    const result = await validateHere([dir], { APIM_TERRAFORM: "/nonexistent/terraform" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(dir, "stacks", "dev", "cdk.tf.json")}: not a synthesized stack`);
    expect(result.stderr).not.toContain("Terraform");
  });
});
