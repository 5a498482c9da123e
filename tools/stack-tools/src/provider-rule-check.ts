/**
 * The step `provider validators` of `npm run test:terraform`: each case of src/provider-rule-cases.ts
 * under real Terraform, with whichever providers TF_CLI_CONFIG_FILE gives (the schema stand-ins in
 * CI, the real providers where they can be had), so that both are held to the same words:
 *
 * - `terraform validate` accepts every case's good configuration, in one folder;
 * - `terraform validate` of every case's bad configuration, in another, says for each case exactly
 *   the real provider's diagnostics, at that case's block;
 * - `terraform test` (mock providers, `command = plan`): the good run passes, and the run of each
 *   case, which gives only that case's bad values as variables, fails with exactly those diagnostics
 *   (a provider case's passes: a mock provider's configuration is not validated); so does a run whose
 *   mocked service plan has a random string for an ID.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CaseValue, GOOD, MOCKED_PLAN_ID, RULE_CASES, Refusal, RuleCase } from "./provider-rule-cases";
import { hcl, madeUpGuid } from "./mock-values";
import { runTerraformAsync } from "./terraform-cli";
import { TerraformDiagnostic, initWithoutBackend, validateInitialised } from "./terraform-validate";

export interface RuleCheckOutcome {
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export type RequiredProviders = Readonly<
  Record<string, { readonly source: string; readonly version?: string }>
>;

/** How a case's attributes are written: the good values, the bad ones, or variables defaulting to the good. */
type Mode = "good" | "bad" | "variables";

/** A resource that uses a provider case's aliased configuration, so that Terraform configures it. */
const PROVIDER_USER: Readonly<Record<string, string>> = {
  btp: "btp_subaccount_role_collection_assignment",
  cloudfoundry: "cloudfoundry_service_credential_binding",
};

function literal(value: CaseValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return hcl(value);
  return `{ ${Object.entries(value)
    .map(([key, inner]) => `${hcl(key)} = ${hcl(inner)}`)
    .join(", ")} }`;
}

const variableName = (rule: RuleCase, attribute: string) => `${rule.name}__${attribute}`;

/** A block: its header line, then `attributes` as `name = expression` lines after `extra` lines. */
function block(
  header: string,
  attributes: Readonly<Record<string, string>>,
  extra: readonly string[] = [],
): string {
  const lines = Object.entries(attributes).map(([name, expression]) => `  ${name} = ${expression}`);
  return [`${header} {`, ...extra, ...lines, "}"].join("\n");
}

/** `values` as HCL expressions, the unset ones left out. */
function literals(values: Readonly<Record<string, CaseValue>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) => (value === null ? [] : [[name, literal(value)]])),
  );
}

const goodOf = (rule: RuleCase): Record<string, CaseValue> => ({ ...GOOD[rule.type], ...rule.base });

/** The attribute expressions of a case's own block in `mode`. */
function attributes(rule: RuleCase, mode: Mode): Record<string, string> {
  if (mode === "bad") return literals({ ...goodOf(rule), ...rule.bad });
  const written = literals(goodOf(rule));
  if (mode === "variables") {
    for (const attribute of Object.keys(rule.bad))
      written[attribute] = `var.${variableName(rule, attribute)}`;
  }
  return written;
}

/** The blocks of one case, and for a provider case the resource that uses it. */
function caseBlocks(rule: RuleCase, mode: Mode): string[] {
  const own = attributes(rule, mode);
  if (rule.kind === "provider") {
    const user = PROVIDER_USER[rule.type];
    return [
      block(`provider ${hcl(rule.type)}`, own, [`  alias = ${hcl(rule.name)}`]),
      block(`resource ${hcl(user)} ${hcl(rule.name)}`, literals(GOOD[user]), [
        `  provider = ${rule.type}.${rule.name}`,
      ]),
    ];
  }
  return [block(`${rule.kind} ${hcl(rule.type)} ${hcl(rule.name)}`, own)];
}

function variables(rule: RuleCase): string[] {
  return Object.keys(rule.bad).map((attribute) =>
    block(`variable ${hcl(variableName(rule, attribute))}`, {
      type: "string",
      default: literal(goodOf(rule)[attribute] ?? null),
    }),
  );
}

/**
 * The configuration of all cases in `mode`, and the line span of each case's blocks in it (where
 * Terraform points its diagnostics).
 */
function configuration(
  required: RequiredProviders,
  mode: Mode,
): { text: string; spans: Map<string, [number, number]> } {
  const pins = Object.entries(required).map(
    ([name, { source, version }]) =>
      `    ${name} = { source = ${hcl(source)}${version ? `, version = ${hcl(version)}` : ""} }`,
  );
  const blocks: string[] = [
    ["terraform {", "  required_providers {", ...pins, "  }", "}"].join("\n"),
    block('provider "btp"', literals(GOOD.btp)),
    block('provider "cloudfoundry"', literals(GOOD.cloudfoundry)),
  ];
  if (mode === "variables") {
    blocks.push(
      block('data "cloudfoundry_service_plan" "mocked"', {
        name: hcl("apiportal-apiaccess"),
        service_offering_name: hcl("apimanagement-apiportal"),
      }),
      block('resource "cloudfoundry_service_instance" "mocked"', {
        ...literals(GOOD.cloudfoundry_service_instance),
        service_plan: "data.cloudfoundry_service_plan.mocked.id",
      }),
    );
  }
  const spans = new Map<string, [number, number]>();
  const lineCount = () => blocks.join("\n\n").split("\n").length;
  for (const rule of RULE_CASES) {
    if (mode === "variables") blocks.push(...variables(rule));
    const first = lineCount() + 2;
    blocks.push(...caseBlocks(rule, mode));
    spans.set(rule.name, [first, lineCount()]);
  }
  return { text: `${blocks.join("\n\n")}\n`, spans };
}

/**
 * The `terraform test` files, by name: one run each, since Terraform skips the runs after one that
 * fails in the same file. Each has the mock providers (an alias each for the provider cases).
 */
function testFiles(): Map<string, string> {
  const mocks = [
    'mock_provider "btp" {}',
    [
      'mock_provider "cloudfoundry" {',
      '  mock_data "cloudfoundry_service_plan" {',
      `    defaults = { id = ${hcl(madeUpGuid("cloudfoundry_service_plan.id"))} }`,
      "  }",
      "}",
    ].join("\n"),
    'mock_provider "http" {}',
    ...RULE_CASES.filter((rule) => rule.kind === "provider").map(
      (rule) => `mock_provider ${hcl(rule.type)} {\n  alias = ${hcl(rule.name)}\n}`,
    ),
  ].join("\n\n");
  const runs: Array<[string, string[]]> = [
    ["good", []],
    ...RULE_CASES.map((rule): [string, string[]] => [
      rule.name,
      [
        "  variables {",
        ...Object.entries(rule.bad).map(
          ([attribute, value]) => `    ${variableName(rule, attribute)} = ${literal(value)}`,
        ),
        "  }",
      ],
    ]),
    [
      MOCKED_PLAN_ID.name,
      [
        "  override_data {",
        "    target = data.cloudfoundry_service_plan.mocked",
        `    values = { id = ${hcl(MOCKED_PLAN_ID.id)} }`,
        "  }",
      ],
    ],
  ];
  return new Map(
    runs.map(([name, lines]) => [
      `${name}.tftest.hcl`,
      `${mocks}\n\n${[`run ${hcl(name)} {`, "  command = plan", ...lines, "}"].join("\n")}\n`,
    ]),
  );
}

const said = (diagnostic: { summary: string; detail?: string }) =>
  `${diagnostic.summary}: ${diagnostic.detail ?? ""}`;

/** What differs between the refusals expected and the error diagnostics found, as a multiset. */
function mismatch(
  expected: readonly Refusal[],
  found: readonly { summary: string; detail?: string }[],
): string | undefined {
  const missing = expected.map(said);
  const extra: string[] = [];
  for (const line of found.map(said)) {
    const at = missing.indexOf(line);
    if (at >= 0) missing.splice(at, 1);
    else extra.push(line);
  }
  if (missing.length === 0 && extra.length === 0) return undefined;
  return [
    ...missing.map((line) => `  missing: ${line}`),
    ...extra.map((line) => `  unexpected: ${line}`),
  ].join("\n");
}

async function validateStep(binary: string, dir: string, required: RequiredProviders, mode: "good" | "bad") {
  const { text, spans } = configuration(required, mode);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.tf"), text);
  const step = mode === "good" ? "validate accepts every good value" : "validate refuses every bad value";
  const initError = await initWithoutBackend(binary, dir);
  if (initError !== undefined) return { step, ok: false, detail: initError };
  const { diagnostics } = await validateInitialised(binary, dir);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (mode === "good") {
    return { step, ok: errors.length === 0, detail: errors.map(said).join("\n") || undefined };
  }
  const inCase = (diagnostic: TerraformDiagnostic, [first, last]: [number, number]) =>
    diagnostic.range !== undefined &&
    diagnostic.range.start.line >= first &&
    diagnostic.range.start.line <= last;
  const problems = RULE_CASES.flatMap((rule) => {
    const found = mismatch(
      rule.refusals,
      errors.filter((diagnostic) => inCase(diagnostic, spans.get(rule.name) ?? [0, -1])),
    );
    return found ? [`${rule.name}:\n${found}`] : [];
  });
  const stray = errors.filter((diagnostic) => ![...spans.values()].some((span) => inCase(diagnostic, span)));
  problems.push(...stray.map((diagnostic) => `outside every case: ${said(diagnostic)}`));
  return { step, ok: problems.length === 0, detail: problems.join("\n") || undefined };
}

/** One line of `terraform test -json`. */
interface TestEvent {
  readonly type: string;
  readonly "@testrun"?: string;
  readonly diagnostic?: TerraformDiagnostic;
  readonly test_run?: { readonly run: string; readonly progress: string; readonly status?: string };
}

async function testStep(
  binary: string,
  dir: string,
  required: RequiredProviders,
  environment: TestEnvironment,
) {
  const step = "test: the good run passes, each case's run fails with the provider's words";
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.tf"), configuration(required, "variables").text);
  for (const [name, text] of testFiles()) writeFileSync(join(dir, name), text);
  const initError = await initWithoutBackend(binary, dir);
  if (initError !== undefined) return { step, ok: false, detail: initError };
  const run = await runTerraformAsync(binary, dir, ["test", "-json", "-no-color"], await environment(dir));
  const events = run.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as TestEvent);
  const status = new Map(
    events.flatMap(({ type, test_run: run }) =>
      // Terraform reports a run's progress and marks the last "complete"; OpenTofu reports it once.
      type === "test_run" && (run?.progress === "complete" || run?.progress === undefined)
        ? [[run?.run, run?.status] as const]
        : [],
    ),
  );
  const errorsOf = (name: string) =>
    events.flatMap(({ "@testrun": run, diagnostic }) =>
      run === name && diagnostic?.severity === "error" ? [diagnostic] : [],
    );
  const expected = [
    { name: "good", refusals: [] as readonly Refusal[] },
    ...RULE_CASES.map(({ name, kind, refusals }) => ({
      name,
      refusals: kind === "provider" ? [] : refusals,
    })),
    { name: MOCKED_PLAN_ID.name, refusals: MOCKED_PLAN_ID.refusals },
  ];
  const problems = expected.flatMap(({ name, refusals }) => {
    const outcome = status.get(name);
    const wanted = refusals.length === 0 ? "pass" : "error";
    const found = mismatch(refusals, errorsOf(name));
    if (outcome === wanted && found === undefined) return [];
    return [`${name}: ${outcome ?? "not run"}, expected ${wanted}${found ? `\n${found}` : ""}`];
  });
  return {
    step,
    ok: problems.length === 0,
    detail: problems.join("\n") || (problems.length ? run.stderr : undefined),
  };
}

/** The environment of `terraform test` in the initialised folder `dir` (the loop's, with its running providers). */
export type TestEnvironment = (dir: string) => Promise<Readonly<Record<string, string>>>;

/** The three steps, in folders under `work`. */
export async function checkProviderRules(
  binary: string,
  work: string,
  required: RequiredProviders,
  environment: TestEnvironment,
): Promise<RuleCheckOutcome[]> {
  return Promise.all([
    validateStep(binary, join(work, "good"), required, "good"),
    validateStep(binary, join(work, "bad"), required, "bad"),
    testStep(binary, join(work, "test"), required, environment),
  ]);
}
