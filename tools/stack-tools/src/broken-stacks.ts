/**
 * Stacks broken in one way each, from a clean synthesized stack: what `npm run validate --offline`
 * must report (one finding each) and, as `npm run test:terraform` checks, what real
 * `terraform validate` must reject too, so the offline reading is never more lenient than Terraform.
 */
import { SynthesizedStack } from "./synth-output";

/** A synthesized stack as a plain object to break. */
export type Mutable = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, unknown>;
  data?: unknown;
  locals?: unknown;
  check: Record<
    string,
    { assert: Array<Record<string, unknown>>; data: Record<string, Record<string, Record<string, unknown>>> }
  >;
};

/** Breaks `stack` in place; `names` holds the name of the one resource of each type. */
export type BreakIt = (stack: Mutable, names: Record<string, string>) => void;

/** A deep copy of `clean` (a stack with a connection check), broken by `breakIt`. */
export function breakStack(clean: SynthesizedStack, breakIt: BreakIt): SynthesizedStack {
  const stack = JSON.parse(JSON.stringify(clean)) as Mutable;
  const names = Object.fromEntries(
    Object.entries(stack.resource).map(([type, byName]) => [type, Object.keys(byName)[0]]),
  );
  breakIt(stack, names);
  return stack as SynthesizedStack;
}

/** The one resource of `type` in a stack to break. */
export const res = (stack: Mutable, names: Record<string, string>, type: string) =>
  stack.resource[type][names[type]];

/** The connection check's token block: its name is also its data source's. */
const connectionCheck = (stack: Mutable) => {
  const [token, block] = Object.entries(stack.check).find(([name]) => name.endsWith("_token")) ?? [];
  if (!token || !block) throw new Error("no token check in the stack");
  return { name: token, block, token };
};
const INSTANCE = "btp_subaccount_service_instance";
export const ENTITLEMENT = "btp_subaccount_entitlement";
const DESTINATION = "btp_subaccount_destination_generic";
export const KEY = "btp_subaccount_service_binding";

/**
 * Where real Terraform stops such a stack: `terraform validate` (the default), the plan (then with
 * the summary of its error; `npm run test:terraform` plans it under `terraform test` with mock
 * providers), or nowhere, where Terraform accepts what the offline reading refuses (and why that
 * reading is kept).
 */
export type TerraformVerdict =
  | { readonly rejectedBy: "validate" }
  | { readonly rejectedBy: "plan"; readonly says: string }
  | { readonly acceptedBecause: string };

const AT_VALIDATE: TerraformVerdict = { rejectedBy: "validate" };

/** What is broken, how, the offline reading's one finding for it, and where Terraform stops it. */
export const BROKEN_STACKS: ReadonlyArray<
  readonly [what: string, breakIt: BreakIt, finding: RegExp, terraform: TerraformVerdict]
> = [
  [
    "an unknown resource type",
    (s) => (s.resource.btp_subaccount_destinaton = { d: { subaccount_id: "x" } }),
    /btp_subaccount_destinaton\.d : unknown resource type "btp_subaccount_destinaton"/,
    AT_VALIDATE,
  ],
  [
    "an unknown data source",
    (s) => (s.data = { btp_subaccount_nope: { x: {} } }),
    /data\.btp_subaccount_nope\.x : unknown data source/,
    AT_VALIDATE,
  ],
  [
    "an unknown attribute",
    (s, n) => (res(s, n, ENTITLEMENT).plan = "x"),
    /btp_subaccount_entitlement\.\S+ plan: is not an attribute/,
    AT_VALIDATE,
  ],
  [
    "an unknown attribute inside timeouts",
    (s, n) => (res(s, n, INSTANCE).timeouts = { creat: "10m" }),
    /btp_subaccount_service_instance\.\S+ timeouts\.creat: is not an attribute/,
    {
      acceptedBecause:
        "Terraform drops an attribute that an object type lacks without a word, so a misspelt timeout would be ignored",
    },
  ],
  [
    "a missing required attribute",
    (s, n) => delete res(s, n, KEY).service_instance_id,
    /btp_subaccount_service_binding\.\S+ service_instance_id: is required but not set/,
    AT_VALIDATE,
  ],
  [
    "a computed-only attribute set",
    (s, n) => (res(s, n, KEY).credentials = "{}"),
    /credentials: is computed by the provider and cannot be set/,
    AT_VALIDATE,
  ],
  [
    "a string that is not a number",
    (s, n) => (res(s, n, ENTITLEMENT).amount = "many"),
    /amount: must be a number, got the string "many"/,
    AT_VALIDATE,
  ],
  [
    "a bool given as a word",
    (s, n) => (res(s, n, INSTANCE).shared = "yes"),
    /shared: must be a bool, got the string "yes"/,
    AT_VALIDATE,
  ],
  [
    "an object where a string belongs",
    (s, n) => (res(s, n, INSTANCE).name = { name: "x" }),
    /name: must be a string, got an object/,
    AT_VALIDATE,
  ],
  [
    "a list where a map belongs",
    (s, n) => (res(s, n, INSTANCE).labels = ["a"]),
    /labels: must be a map of set of string, got a list/,
    AT_VALIDATE,
  ],
  [
    "a string where a set belongs",
    (s, n) => (res(s, n, INSTANCE).labels = { team: "apim" }),
    /labels: \.team must be a set of string, got the string "apim"/,
    AT_VALIDATE,
  ],
  [
    "a string where an object belongs",
    (s, n) => (res(s, n, INSTANCE).timeouts = "10m"),
    /timeouts: must be an object, got the string "10m"/,
    AT_VALIDATE,
  ],
  [
    "a reference to an attribute the type does not have",
    (s, n) =>
      (res(s, n, DESTINATION).destination_configuration =
        `\${jsondecode(btp_subaccount_service_binding.${n[KEY]}.credentialz).url}`),
    /destination_configuration: refers to btp_subaccount_service_binding\.\S+\.credentialz, but btp_subaccount_service_binding has no attribute "credentialz"/,
    AT_VALIDATE,
  ],
  [
    "a reference to an undeclared resource",
    (s, n) => (res(s, n, KEY).service_instance_id = "${btp_subaccount_service_instance.gone.id}"),
    /service_instance_id: refers to resource btp_subaccount_service_instance\.gone, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "a depends_on an undeclared resource",
    (s, n) => (res(s, n, INSTANCE).depends_on = ["btp_subaccount_entitlement.gone"]),
    /depends_on: refers to resource btp_subaccount_entitlement\.gone, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "a reference to an undeclared data source",
    (s, n) => (res(s, n, KEY).service_instance_id = "${data.btp_subaccount_service_instance.x.id}"),
    /refers to data source data\.btp_subaccount_service_instance\.x, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "a reference to an undeclared local",
    (s, n) => (res(s, n, KEY).name = "${local.key_name}"),
    /name: refers to local value local\.key_name, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "a reference to an undeclared variable",
    (s, n) => (res(s, n, KEY).subaccount_id = "${var.subaccount}"),
    /subaccount_id: refers to variable var\.subaccount, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "an import into an undeclared resource",
    (s) => Object.assign(s, { import: [{ to: "btp_subaccount_service_instance.gone", id: "a,b" }] }),
    /import a,b to: imports into resource btp_subaccount_service_instance\.gone, which is not declared/,
    { rejectedBy: "plan", says: "Configuration for import target does not exist" },
  ],
  [
    "a check assertion that refers to an undeclared data source",
    (s) => (connectionCheck(s).block.assert[0].condition = "${data.http.gone.status_code == 200}"),
    /check\.\S+ assert\[0\]\.condition: refers to data source data\.http\.gone, which is not declared/,
    AT_VALIDATE,
  ],
  [
    "a check's data source that reads an attribute the key does not have",
    (s, n) => {
      const { block, token } = connectionCheck(s);
      block.data.http[token].url =
        `\${jsondecode(btp_subaccount_service_binding.${n[KEY]}.credentialz).tokenUrl}`;
    },
    /data\.http\.\S+_token url: refers to btp_subaccount_service_binding\.\S+\.credentialz, but btp_subaccount_service_binding has no attribute "credentialz"/,
    AT_VALIDATE,
  ],
  [
    "a reference to a check's data source from outside the check",
    (s) => (s.output.status = { value: `\${data.http.${connectionCheck(s).token}.status_code}` }),
    /output\.status value: refers to data source data\.http\.\S+_token, which only check block \S+ can refer to/,
    AT_VALIDATE,
  ],
  // The two defects real Terraform refused at load while this validator passed them.
  [
    'a replace_triggered_by written as "${...}"',
    (s, n) =>
      (res(s, n, KEY).lifecycle = { replace_triggered_by: [`\${terraform_data.${n.terraform_data}}`] }),
    /lifecycle\.replace_triggered_by: "\$\{terraform_data\.\S+\}" must be a bare address/,
    AT_VALIDATE,
  ],
  [
    "a check block with two data sources",
    (s) => {
      const [token, transport] = Object.values(s.check);
      Object.assign(token.data.http, transport.data.http);
    },
    /check\.\S+_token data: holds 2 data sources \(.*\): Terraform allows at most one per check block/,
    AT_VALIDATE,
  ],
  [
    "a check that refers to another check's data source",
    (s) => {
      const [token, transport] = Object.entries(s.check);
      transport[1].assert[0].condition = `\${data.http.${token[0]}.status_code == 200}`;
    },
    /check\.\S+_transport assert\[0\]\.condition: refers to data source data\.http\.\S+_token, which only check block \S+_token can refer to/,
    AT_VALIDATE,
  ],
  [
    "a replace_triggered_by naming an undeclared resource",
    (s, n) => (res(s, n, KEY).lifecycle = { replace_triggered_by: ["terraform_data.gone"] }),
    /lifecycle\.replace_triggered_by: refers to resource terraform_data\.gone, which is not declared/,
    { rejectedBy: "plan", says: "Reference to undeclared resource" },
  ],
  [
    "an output of a sensitive attribute without sensitive: true",
    (s, n) => (s.output.key = { value: `\${btp_subaccount_service_binding.${n[KEY]}.credentials}` }),
    /output\.key value: is derived from the sensitive btp_subaccount_service_binding\.\S+\.credentials and must be marked sensitive: true/,
    { rejectedBy: "plan", says: "Output refers to sensitive values" },
  ],
];

/** A stack with a sensitive output of the key and a declared local: broken in nothing. */
export const SENSITIVE_OUTPUT_AND_LOCAL: BreakIt = (s, n) => {
  s.locals = { url: "x" };
  s.output.key = { value: `\${btp_subaccount_service_binding.${n[KEY]}.credentials}`, sensitive: true };
  res(s, n, DESTINATION).subaccount_id = "${local.url}";
};
