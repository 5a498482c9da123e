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
  readonly landscapes?: Record<string, Record<string, unknown>>;
}

/**
 * The landscape whose stack __tests__/terraform/content-transport-landscape.tftest.hcl tests, with the
 * values that test names.
 */
export const TESTED_LANDSCAPE = "landscape";

/**
 * The three-node landscape (a development source, then test, then production) whose stack
 * __tests__/terraform/content-transport-stages.tftest.hcl tests, with the values that test names.
 */
export const TESTED_STAGES = "landscape-stages";

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
  // Each path numbers its variants from its own offset, which keeps their IDs apart.
  for (const [prefix, offset, path] of [
    ["adopt", 0, () => ({})],
    ["cf-adopt", 0x200, space],
  ] as const) {
    for (let mask = 1; mask < 1 << ADOPTABLE.length; mask++) {
      const variant = offset + mask;
      const adopt = Object.fromEntries(
        ADOPTABLE.filter((_, i) => mask & (1 << i)).map(([field, value]) => [field, value(variant)]),
      );
      // An adopted key keeps its name, which the config must then give.
      const keyName = "serviceKeyId" in adopt ? { serviceKeyName: "key-made-by-hand" } : {};
      variants[`${prefix}-${Object.keys(adopt).join("-")}`] = { adopt, ...keyName, ...path(variant) };
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
  return { environments, landscapes: landscapeVariants() };
}

/** Landscapes: as the independent test expects it, and with everything optional switched. */
function landscapeVariants(): Record<string, Record<string, unknown>> {
  const landscape = {
    globalAccount: "example-global-account",
    cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
    source: {
      subaccountId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      spaceId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
      nodeName: "APIM_SOURCE",
    },
    transport: {
      subaccountId: "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b",
      spaceId: "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c",
      deployUser: "deploy-user@example.com",
    },
    target: {
      subaccountId: "5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d",
      spaceId: "6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e",
      nodeName: "APIM_TARGET",
    },
  };
  return {
    [TESTED_LANDSCAPE]: landscape,
    "landscape-prepared": {
      ...landscape,
      source: {
        ...landscape.source,
        subaccountId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e60",
        connectionCheck: false,
        // TMS matches node names case and all: a mixed-case name must reach it unchanged.
        nodeName: "ApiPortal_Dev-1",
      },
      transport: {
        ...landscape.transport,
        cloudFoundryApiUrl: "https://api.cf.eu20-001.hana.ondemand.com",
        createEntitlements: false,
        createSubscription: false,
        landscapeOperators: ["operator@example.com", "second.operator@example.com"],
      },
      target: {
        ...landscape.target,
        cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
        nodeName: "ApiPortal_Prod",
      },
      routeName: "API_portal_release",
    },
    [TESTED_STAGES]: {
      globalAccount: "example-global-account",
      cloudFoundryApiUrl: "https://api.cf.eu10.hana.ondemand.com",
      source: {
        subaccountId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01",
        spaceId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e02",
        nodeName: "APIM_DEV",
        // Who transports: a user of the default identity provider, a group of a custom one.
        apiPortalAdministrators: ["release.manager@example.com"],
        apiPortalConfigurators: [{ group: "APIM-Transporters", origin: "acme-platform" }],
      },
      transport: {
        subaccountId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e03",
        spaceId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e04",
        landscapeOperators: ["operator@example.com"],
        viewers: [{ user: "auditor@example.com", origin: "acme-platform" }],
      },
      stages: [
        {
          subaccountId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e05",
          spaceId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e06",
          nodeName: "APIM_TEST",
          deployUser: "test-deployer@example.com",
        },
        {
          subaccountId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e07",
          spaceId: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e08",
          // Production in another region (its deploy service is that region's), its deploy user
          // from a custom identity provider.
          cloudFoundryApiUrl: "https://api.cf.us10-001.hana.ondemand.com",
          nodeName: "APIM_PROD",
          deployUser: "prod-deployer@example.com",
          deployAuthentication: "OAuth2Password",
          deployUserOrigin: "acme-platform",
          routeName: "API_portal_release",
        },
      ],
    },
  };
}
