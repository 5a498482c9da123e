/**
 * Every kind of stack the environment config and the construct props allow, as one environments
 * document: key rotation, each combination of `adopt`, no connection check, no entitlement, custom
 * names, hostile strings and each backend type; and the Cloud Foundry path plain, with rotation,
 * without the connection check and with each combination of `adopt`. `npm run test:terraform` hands all of them to real Terraform.
 */
import { ApiManagementSourceAdoption } from "btp-apim-transport-destination";

/** An environments document (the shape of environments.json). */
export interface EnvironmentsDocument {
  readonly environments: Record<string, Record<string, unknown>>;
}

/** What can be adopted; an ID is made per variant, since one object can be adopted by one environment only. */
const ADOPTABLE: ReadonlyArray<[keyof ApiManagementSourceAdoption, (variant: number) => boolean | string]> = [
  ["entitlement", () => true],
  ["serviceInstanceId", (variant) => `3c2d1e0f-9a8b-4c7d-8e6f-${variant.toString(16).padStart(12, "0")}`],
  ["serviceKeyId", (variant) => `7a6b5c4d-3e2f-4a1b-9c8d-${variant.toString(16).padStart(12, "0")}`],
  ["destination", () => true],
];

const BACKENDS: Readonly<Record<string, Record<string, unknown>>> = {
  local: { type: "local", path: "../../../state/variant.tfstate" },
  s3: { type: "s3", bucket: "apim-state", key: "apim/variant.tfstate", region: "eu-central-1" },
  azurerm: {
    type: "azurerm",
    resourceGroupName: "apim-state",
    storageAccountName: "apimstate",
    containerName: "tfstate",
    key: "apim/variant.tfstate",
  },
  gcs: { type: "gcs", bucket: "apim-state", prefix: "apim/variant" },
  remote: {
    type: "remote",
    organization: "example-org",
    workspace: "apim-variant",
    hostname: "app.terraform.io",
  },
};

/** The variants, each an environment with its own subaccount; names say what each varies. */
export function terraformVariants(): EnvironmentsDocument {
  const variants: Record<string, Record<string, unknown>> = {
    rotation: { keyRotationDays: 30 },
    "no-connection-check": { connectionCheck: false },
    "no-entitlement": { createEntitlement: false },
    "custom-names": {
      serviceInstanceName: "apim-transport-qa",
      serviceKeyName: "apim-transport-qa-key",
      destinationDescription: "Transport of API portal content, QA",
    },
    // What Terraform's templates, HCL strings or JSON would change or choke on, were it written as is.
    "hostile-strings": {
      serviceInstanceName: 'apim "${1+1}" %{if true}x%{endif} \\ $${kept}',
      serviceKeyName: "key-${var.nothing}-%%{} \\n",
      destinationDescription: 'say "hi" \\ ${1+1} %{for x in []}%{endfor} 100% $ { } Ünï ✓',
      keyRotationDays: 7,
    },
  };
  // The Cloud Foundry path, as SAP documents it: the instance and key in a space.
  const space = (variant: number) => ({
    cloudFoundry: {
      spaceId: `8d7c6b5a-4f3e-4d2c-9b1a-${variant.toString(16).padStart(12, "0")}`,
      apiUrl: "https://api.cf.eu10.hana.ondemand.com",
    },
  });
  variants.cf = space(0x100);
  variants["cf-rotation"] = { ...space(0x101), keyRotationDays: 30 };
  variants["cf-no-connection-check"] = { ...space(0x102), connectionCheck: false };
  // Every subset of what can be adopted (15), the empty one aside, since that is the plain stack,
  // on either path.
  for (const [prefix, path] of [
    ["adopt", () => ({})],
    ["cf-adopt", (mask: number) => space(0x200 + mask)],
  ] as const) {
    for (let mask = 1; mask < 1 << ADOPTABLE.length; mask++) {
      const variant = prefix === "adopt" ? mask : 0x200 + mask;
      const adopt = Object.fromEntries(
        ADOPTABLE.filter((_, i) => mask & (1 << i)).map(([field, value]) => [field, value(variant)]),
      );
      // An adopted key keeps its name, which the config must then give.
      const keyName = "serviceKeyId" in adopt ? { serviceKeyName: "key-made-by-hand" } : {};
      variants[`${prefix}-${Object.keys(adopt).join("-")}`] = { adopt, ...keyName, ...path(mask) };
    }
  }
  for (const [type, backend] of Object.entries(BACKENDS)) variants[`backend-${type}`] = { backend };

  const environments = Object.fromEntries(
    Object.entries(variants).map(([name, fields], i) => [
      name,
      {
        globalAccount: "example-global-account",
        subaccountId: `5e4d3c2b-1a0f-4e9d-8c7b-${(i + 1).toString(16).padStart(12, "0")}`,
        ...fields,
      },
    ]),
  );
  return { environments };
}
