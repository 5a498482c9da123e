/**
 * `npm run examples`: synthesizes each scenario of examples/ (every `examples/<name>/main.ts`; the
 * consumer example, which installs the packed tarballs, has `npm run example`) and has real
 * Terraform validate every stack it writes: `terraform init -backend=false` and `terraform
 * validate`, with the providers from the registry or the mirror of TF_CLI_CONFIG_FILE.
 *
 * Ends with "N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCommandLine } from "../src/command-line";
import { readSynthOutput } from "../src/synth-output";
import { terraformBinary } from "../src/terraform-cli";
import { diagnosticLine, terraformValidate } from "../src/terraform-validate";

const ROOT = join(__dirname, "../../..");
const USAGE =
  "usage: npm run examples   (synthesizes examples/*/main.ts and validates each stack with Terraform)";

async function main(): Promise<number> {
  const command = readCommandLine(process.argv.slice(2), {}, USAGE, 0);
  if (!command.ok) return command.exitCode;
  const { binary } = terraformBinary();
  const examples = readdirSync(join(ROOT, "examples"))
    .filter((name) => existsSync(join(ROOT, "examples", name, "main.ts")) && name !== "consumer")
    .sort();
  const work = mkdtempSync(join(tmpdir(), "apim-examples-"));
  let passed = 0;
  let failed = 0;
  const report = (ok: boolean, what: string, detail?: string) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok && detail) console.log(detail.replace(/^/gm, "     "));
    if (ok) passed++;
    else failed++;
  };
  try {
    for (const example of examples) {
      const outdir = join(work, example);
      const synth = spawnSync(process.execPath, ["--import", "tsx", join("examples", example, "main.ts")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CDKTF_OUTDIR: outdir },
      });
      report(synth.status === 0, `${example} synth`, synth.stderr);
      if (synth.status !== 0) continue;
      for (const [name, stack] of Object.entries(readSynthOutput(outdir))) {
        const result = await terraformValidate(binary, join(work, "validate", example, name), stack);
        const said = result.diagnostics.map((d) => diagnosticLine(name, d)).join("\n");
        report(result.ok, `${example} ${name} terraform validate`, result.initError ?? said);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`examples: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
