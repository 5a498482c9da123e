/**
 * A `terraform test` file for a synthesized stack: mock providers, a made-up service key put into
 * the key with `override_resource` in its provider's shape (a BTP binding's `credentials`, a Cloud
 * Foundry binding's `credential_binding` details), and assertions that the destination Terraform
 * derives from it is the one SAP's procedure has an administrator type in; with rotation, that a
 * forced rotation renames the key and moves the destination to the new key; with the connection
 * check, that a refusing token service fails its check (a warning outside tests); with adopted
 * objects, that each is imported (known at plan time, which a created object is not) under the ID
 * its environment gives.
 */
import { ApiManagementSourceAdoption } from "btp-apim-transport-destination";
import { MockValue, computedValues, hcl, hclValue, mockProviders } from "./mock-values";
import { loadSnapshotSchemas } from "./provider-schema";
import { SERVICE_KEY_PATHS, ServiceKeyPath } from "./service-keys";
import { SynthesizedStack } from "./synth-output";
import { Engine } from "./terraform-cli";

/** What the environment asked for, as the user wrote it: the test's expected values. */
export interface ExpectedStack {
  readonly subaccountId: string;
  /** @default "APIManagement" */
  readonly destinationName?: string;
  /** @default - nothing adopted */
  readonly adopt?: ApiManagementSourceAdoption;
  /** @default - the construct's own description, not asserted */
  readonly destinationDescription?: string;
  /** @default - not asserted */
  readonly serviceInstanceName?: string;
}

/** A made-up service key; values no real system issued. */
export interface MadeUpServiceKey {
  readonly url: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Keys whose client IDs hold `!` and `|` and whose secrets hold `+ / & % =`, the characters that
 * break a destination or a token request when a value is encoded wrongly.
 */
export const MADE_UP_KEYS: readonly [MadeUpServiceKey, MadeUpServiceKey] = [
  {
    url: "https://made-up-one.apim.example.test/",
    tokenUrl: "https://made-up-one.auth.example.test/oauth/token",
    clientId: "sb-made-up-one!b101|api-portal-xsuaa!b1",
    clientSecret: "Zm9v+YmFy/cXV4&a%2Fb=c==",
  },
  {
    url: "https://made-up-two.apim.example.test",
    tokenUrl: "https://made-up-two.auth.example.test/oauth/token",
    clientId: "sb-made-up-two!b202|api-portal-xsuaa!b2",
    clientSecret: "dHdv/+%25&x=y+z==",
  },
];

const TRANSPORT_PATH = "/api/1.0/transportmodule/Transport";

function onlyName(blocks: Record<string, unknown> | undefined, type: string): string {
  const names = Object.keys(blocks ?? {});
  if (names.length !== 1) throw new Error(`expected exactly one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

/**
 * The attributes each resource's import ID sets, in the ID's order, as the provider documents
 * them (`<subaccount_id>,<service_name>,<plan_name>` and so on).
 */
const IMPORT_ID_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  btp_subaccount_entitlement: ["subaccount_id", "service_name", "plan_name"],
  btp_subaccount_service_instance: ["subaccount_id", "id"],
  btp_subaccount_service_binding: ["subaccount_id", "id"],
  cloudfoundry_service_instance: ["id"],
  cloudfoundry_service_credential_binding: ["id"],
  btp_subaccount_destination_generic: ["subaccount_id", "name"],
};

/** The service instance that a key made by hand belongs to, where the stack does not adopt one. */
const HAND_MADE_INSTANCE_ID = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

/** The ID BTP gives a service instance that the stack creates. */
const CREATED_INSTANCE_ID = "1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f";

/** A destination as an administrator typed it in the cockpit, from an older key. */
function handMadeDestination(name: string): string {
  return JSON.stringify(
    sapDestination(
      {
        url: "https://hand-made.apim.example.test",
        tokenUrl: "https://hand-made.auth.example.test/oauth/token",
        clientId: "sb-hand-made!b303|api-portal-xsuaa!b3",
        clientSecret: "aGFuZC1tYWRl",
      },
      name,
    ),
  );
}

function keyPathOf(stack: SynthesizedStack): ServiceKeyPath {
  const path = SERVICE_KEY_PATHS.find(({ key }) => stack.resource?.[key] !== undefined);
  if (!path)
    throw new Error(`expected a service key of type ${SERVICE_KEY_PATHS.map(({ key }) => key).join(" or ")}`);
  return path;
}

/**
 * What an imported object holds after the import, by address. Mock providers cannot import, so
 * Terraform takes an `override_resource` of the imported address as the imported state. The
 * attributes the import ID names come from the stack's import block, never from the environment,
 * so a wrong import ID shows; the rest is what the object made by hand would hold, since a mock's
 * refresh would otherwise fill it from configuration that is not known yet.
 */
function importedStates(stack: SynthesizedStack, path: ServiceKeyPath): Map<string, Record<string, string>> {
  const states = new Map<string, Record<string, string>>();
  for (const { to, id } of stack.import ?? []) {
    const attributes = IMPORT_ID_ATTRIBUTES[to.split(".")[0]];
    if (!attributes) throw new Error(`no known import ID format for ${to}`);
    const parts = id.split(",");
    if (parts.length !== attributes.length) {
      throw new Error(`import ID ${JSON.stringify(id)} of ${to} has not the parts ${attributes.join(",")}`);
    }
    states.set(to, Object.fromEntries(attributes.map((attribute, i) => [attribute, parts[i]])));
  }
  const instance = [...states].find(([address]) => address.startsWith(`${path.instance}.`));
  for (const [address, state] of states) {
    if (address.startsWith(`${path.key}.`)) {
      state[path.keyInstance] = instance?.[1].id ?? HAND_MADE_INSTANCE_ID;
    } else if (address.startsWith("btp_subaccount_destination_generic.")) {
      state.destination_configuration = handMadeDestination(state.name);
    }
  }
  return states;
}

/**
 * A made-up value for every computed attribute of `address` that its configuration leaves open.
 * A mock fills such attributes with random values at plan time and again at apply, which Terraform
 * then rejects as an inconsistent plan; an override that gives all of them at plan time does not.
 */
function computedValuesOf(stack: SynthesizedStack, address: string): Record<string, MockValue> {
  const [type, name] = address.split(".");
  const block = loadSnapshotSchemas().find((schema) => schema.resources[type])?.resources[type];
  return computedValues(type, block, stack.resource?.[type]?.[name]);
}

function resourceOverride(
  target: string,
  values: Readonly<Record<string, MockValue>>,
  duringPlan = false,
  engine: Engine = "terraform",
): string {
  // Override values must be literals (no function calls), so JSON is written out as strings.
  // OpenTofu gives them at plan time by itself, and knows no `override_during`.
  return [
    "  override_resource {",
    `    target = ${target}`,
    ...(duringPlan && engine === "terraform" ? ["    override_during = plan"] : []),
    `    values = ${hclValue(values)}`,
    "  }",
  ].join("\n");
}

function assertion(condition: string, message: string): string {
  return [
    "  assert {",
    `    condition     = ${condition}`,
    `    error_message = ${hcl(message)}`,
    "  }",
  ].join("\n");
}

/** The expected destination for `key`, field by field, as SAP's "Creating API Management Destination" lists it. */
export function sapDestination(key: MadeUpServiceKey, name = "APIManagement"): Record<string, string> {
  return {
    Name: name,
    Type: "HTTP",
    URL: `${key.url.replace(/\/$/, "")}${TRANSPORT_PATH}`,
    ProxyType: "Internet",
    Authentication: "OAuth2ClientCredentials",
    clientId: key.clientId,
    clientSecret: key.clientSecret,
    tokenServiceURL: key.tokenUrl,
    tokenServiceURLType: "Dedicated",
  };
}

/** What a test file tries beyond the destination, adoption and rotation. */
export interface TestFileOptions {
  /**
   * Whether a run shows that a refusing token service fails the connection check. The check is the
   * same construct in every stack, so one stack of each kind is enough.
   *
   * @default true
   */
  readonly checkRefusal?: boolean;

  /**
   * The engine that runs the test: OpenTofu gives override values at plan time by itself, and does
   * not know Terraform's `override_during`, which Terraform needs for that.
   *
   * @default "terraform"
   */
  readonly engine?: Engine;
}

/** The `.tftest.hcl` text for one synthesized stack with exactly one key and one destination. */
export function terraformTestFile(
  stack: SynthesizedStack,
  expected: ExpectedStack,
  options: TestFileOptions = {},
): string {
  const { destinationName = "APIManagement" } = expected;
  const resources = stack.resource ?? {};
  const path = keyPathOf(stack);
  const binding = onlyName(resources[path.key], path.key);
  const destinationResource = onlyName(
    resources.btp_subaccount_destination_generic,
    "btp_subaccount_destination_generic",
  );
  const destination = `jsondecode(${destinationResource}.destination_configuration)`;
  const rotation = resources.time_rotating && onlyName(resources.time_rotating, "time_rotating");
  const [first, second] = MADE_UP_KEYS;
  const imported = importedStates(stack, path);
  const instance = onlyName(resources[path.instance], path.instance);
  // Every run plans the import blocks, so every run gives each imported address its state. A mock
  // can import an object only where its configuration is known at plan time, so where something is
  // imported, the objects it is configured from (the key, the instance) get their values at plan
  // time even where they are created.
  const duringPlan = imported.size > 0;
  // The key's computed attribute that carries `key`, in the provider's shape.
  const carrying = (key: MadeUpServiceKey) => ({ [path.attribute]: path.carrying(JSON.stringify(key)) });
  const overrides = (key: MadeUpServiceKey) => [
    ...[...imported]
      .filter(([address]) => address !== binding)
      .map(([address, state]) =>
        resourceOverride(address, { ...computedValuesOf(stack, address), ...state }),
      ),
    ...(duringPlan && !imported.has(instance)
      ? [
          resourceOverride(
            instance,
            { ...computedValuesOf(stack, instance), id: CREATED_INSTANCE_ID },
            true,
            options.engine,
          ),
        ]
      : []),
    resourceOverride(
      binding,
      { ...computedValuesOf(stack, binding), ...imported.get(binding), ...carrying(key) },
      duringPlan && !imported.has(binding),
      options.engine,
    ),
  ];
  // The user's own strings must arrive exactly as typed.
  const typed = {
    ...(expected.destinationDescription === undefined
      ? {}
      : { Description: expected.destinationDescription }),
  };
  const destinationAsserts = (key: MadeUpServiceKey) => [
    ...Object.entries(sapDestination(key, destinationName)).map(([field, value]) =>
      assertion(
        `${destination}.${field} == ${hcl(value)}`,
        `the destination's ${field} is not what SAP's procedure asks`,
      ),
    ),
    ...Object.entries(typed).map(([field, value]) =>
      assertion(
        `${destination}.${field} == ${hcl(value)}`,
        `the destination's ${field} is not what was typed`,
      ),
    ),
    // The content transport acts as APIPortal.Administrator (SAP's "Accessing API Management APIs
    // Programmatically"); an instance without that role gives a destination that is refused.
    assertion(
      `jsondecode(${instance}.parameters) == { role = "APIPortal.Administrator" }`,
      "the service instance does not have the role APIPortal.Administrator",
    ),
    ...(expected.serviceInstanceName === undefined
      ? []
      : [
          assertion(
            `${instance}.name == ${hcl(expected.serviceInstanceName)}`,
            "the service instance's name is not what was typed",
          ),
        ]),
  ];
  const rotatedAt = (rfc3339: string) =>
    [
      "  override_resource {",
      `    target = ${rotation}`,
      `    values = { rfc3339 = ${hcl(rfc3339)} }`,
      "  }",
    ].join("\n");

  const checks = Object.keys(stack.check ?? {});
  const tokenCheck = checks.find((name) => name.endsWith("_token"));
  // The check's calls answer as a working API portal would, unless a run says otherwise.
  const answers = (tokenStatus: number) =>
    checks.map((name) =>
      [
        "  override_data {",
        `    target = data.http.${name}`,
        `    values = { status_code = ${name === tokenCheck ? tokenStatus : 401} }`,
        "  }",
      ].join("\n"),
    );

  const adoption = adoptionAsserts(stack, expected, destinationName, { instance, key: binding });
  const blocks = [
    "# Generated by `npm run test:terraform` from this stack's cdk.tf.json; do not edit.",
    ...mockProviders(stack),
  ];
  if (adoption.length > 0) {
    blocks.push(
      "",
      'run "adopted_objects_are_imported_with_the_ids_given" {',
      // A plan on an empty state, so first: an imported object's attributes are known now, a
      // created one's only after apply.
      "  command = plan",
      // Terraform reads a check's data sources at plan time only if the key they read is
      // imported; a created key's are read at apply, so the check cannot hold yet.
      ...(checks.length > 0 && !imported.has(binding)
        ? [`  expect_failures = [${checks.map((name) => `check.${name}`).join(", ")}]`]
        : []),
      ...overrides(first),
      ...(rotation ? [rotatedAt("2026-11-24T09:30:00Z")] : []),
      ...answers(200),
      ...adoption,
      "}",
    );
  }
  blocks.push(
    "",
    'run "destination_is_what_sap_asks" {',
    "  command = apply",
    ...overrides(first),
    ...(rotation ? [rotatedAt("2026-11-24T09:30:00Z")] : []),
    ...answers(200),
    ...destinationAsserts(first),
    "}",
  );
  if (rotation) {
    blocks.push(
      "",
      'run "rotation_renames_the_key_and_moves_the_destination" {',
      "  command = apply",
      "  plan_options {",
      `    replace = [${rotation}]`,
      "  }",
      ...overrides(second),
      rotatedAt("2026-12-24T09:30:00Z"),
      ...answers(200),
      assertion(`endswith(${binding}.name, "-202612240930")`, "the rotated key does not carry the new date"),
      ...destinationAsserts(second),
      "}",
    );
  }
  if (tokenCheck && (options.checkRefusal ?? true)) {
    blocks.push(
      "",
      'run "connection_check_warns_when_the_token_service_refuses" {',
      "  command = apply",
      ...overrides(first),
      ...(rotation ? [rotatedAt("2026-11-24T09:30:00Z")] : []),
      ...answers(401),
      `  expect_failures = [check.${tokenCheck}]`,
      "}",
    );
  }
  return `${blocks.join("\n")}\n`;
}

/**
 * One assertion per adopted object, with the values the environment gives (not the import block's):
 * each holds, in a plan, only if the object is imported under that ID. `addresses` are the stack's
 * service instance and key.
 */
function adoptionAsserts(
  stack: SynthesizedStack,
  expected: ExpectedStack,
  destinationName: string,
  addresses: { readonly instance: string; readonly key: string },
): string[] {
  const { subaccountId, adopt = {} } = expected;
  const resources = stack.resource ?? {};
  const only = (type: string) => onlyName(resources[type], type);
  const asserts: string[] = [];
  if (adopt.entitlement) {
    const entitlement = only("btp_subaccount_entitlement");
    asserts.push(
      assertion(
        `${entitlement}.id != null && ${entitlement}.subaccount_id == ${hcl(subaccountId)} && ` +
          `${entitlement}.service_name == "apimanagement-apiportal" && ${entitlement}.plan_name == "apiportal-apiaccess"`,
        "the entitlement is not the subaccount's existing apiportal-apiaccess entitlement",
      ),
    );
  }
  if (adopt.serviceInstanceId !== undefined) {
    asserts.push(
      assertion(
        `${addresses.instance}.id == ${hcl(adopt.serviceInstanceId)}`,
        "the service instance is not the adopted one",
      ),
    );
  }
  if (adopt.serviceKeyId !== undefined) {
    asserts.push(
      assertion(
        `${addresses.key}.id == ${hcl(adopt.serviceKeyId)}`,
        "the service key is not the adopted one",
      ),
    );
  }
  if (adopt.destination) {
    const destination = only("btp_subaccount_destination_generic");
    asserts.push(
      assertion(
        `${destination}.name == ${hcl(destinationName)}`,
        "the destination is not the subaccount's existing one of that name",
      ),
    );
  }
  return asserts;
}
