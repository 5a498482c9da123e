/**
 * One bad value for each validator of the real providers that the schema stand-ins carry
 * (tools/providers/schema-stand-in/validators.go), beside a configuration that every validator
 * accepts, and what the real provider says of the bad value: its diagnostics' summary and detail,
 * as the provider's source and the framework libraries it builds with write them. The stand-ins and
 * the real providers must both say exactly this (src/provider-rule-check.ts).
 */

/** An attribute's value in a case: `null` leaves it unset. */
export type CaseValue = string | null | Readonly<Record<string, string>>;

export interface Refusal {
  readonly summary: string;
  readonly detail: string;
}

export interface RuleCase {
  /** The name of the case's block, and of its `terraform test` run. */
  readonly name: string;
  /** A provider block (by its local name), or a resource or data source (by its type). */
  readonly kind: "provider" | "resource" | "data";
  readonly type: string;
  /**
   * Where the case starts from another good configuration than the type's: attributes replacing
   * the type's. Terraform validates a test's configuration with its variables unknown, and a
   * provider's ValidateConfig can refuse an unknown value where it would accept null.
   */
  readonly base?: Readonly<Record<string, CaseValue>>;
  /** The attributes that differ from the good configuration. */
  readonly bad: Readonly<Record<string, CaseValue>>;
  /**
   * What the real provider says, one entry per diagnostic (order aside). A provider case's are said
   * by `terraform validate` only: under `terraform test`, a mock_provider stands for the whole
   * provider and its configuration meets no validator (so with the real providers too).
   */
  readonly refusals: readonly Refusal[];
}

const SUBACCOUNT_ID = "6f2c8a4e-93b1-4d57-a0e8-1c7b5d9f3e26";
const SPACE_ID = "b41c7e92-5d3a-4f68-9e0b-7a2d6c8f1e53";
const PLAN_ID = "e8d5f1a3-2b7c-4e96-8f40-3c9a1d6b7e25";
const INSTANCE_ID = "2a9e6c41-7f3d-4b85-a1c6-9e0d4f7b3a58";
const DESTINATION = JSON.stringify({
  Name: "APIManagement",
  Type: "HTTP",
  URL: "https://acme-dev.prod.apimanagement.eu10.hana.ondemand.com/api/1.0/transportmodule/Transport",
  Authentication: "OAuth2ClientCredentials",
  ProxyType: "Internet",
  tokenServiceURL: "https://acme-dev.authentication.eu10.hana.ondemand.com/oauth/token",
});

/** A configuration of each type that every carried validator accepts (btp and cloudfoundry: providers). */
export const GOOD: Readonly<Record<string, Readonly<Record<string, CaseValue>>>> = {
  btp: { globalaccount: "acme-global" },
  cloudfoundry: { api_url: "https://api.cf.eu10.hana.ondemand.com" },
  btp_subaccount_destination_generic: {
    subaccount_id: SUBACCOUNT_ID,
    destination_configuration: DESTINATION,
  },
  btp_subaccount_service_instance: {
    subaccount_id: SUBACCOUNT_ID,
    name: "apim-transport",
    service_offering_name: "apimanagement-apiportal",
    serviceplan_name: "apiportal-apiaccess",
    parameters: JSON.stringify({ role: "APIPortal.Administrator" }),
  },
  btp_subaccount_role_collection_assignment: {
    subaccount_id: SUBACCOUNT_ID,
    role_collection_name: "APIPortal.Administrator",
    user_name: "jane.doe@example.com",
  },
  cloudfoundry_service_instance: {
    name: "apim-transport",
    type: "managed",
    space: SPACE_ID,
    service_plan: PLAN_ID,
    parameters: JSON.stringify({ role: "APIPortal.Administrator" }),
  },
  cloudfoundry_space_role: {
    type: "space_developer",
    space: SPACE_ID,
    username: "deploy-user@example.com",
    origin: "sap.ids",
  },
  cloudfoundry_service_credential_binding: {
    type: "key",
    name: "apim-transport-key",
    service_instance: INSTANCE_ID,
  },
  http: {
    url: "https://acme-dev.authentication.eu10.hana.ondemand.com/oauth/token",
    method: "POST",
    request_headers: { "Content-Type": "application/x-www-form-urlencoded" },
    request_body: "grant_type=client_credentials",
  },
};

const length = (attribute: string, bound: string, got: number): Refusal => ({
  summary: "Invalid Attribute Value Length",
  detail: `Attribute ${attribute} string length must be ${bound}, got: ${got}`,
});
const combination = (detail: string): Refusal => ({ summary: "Invalid Attribute Combination", detail });
const notJson = (given: string): Refusal => ({
  summary: "Invalid JSON String Value",
  detail: `A string value was provided that is not valid JSON string format (RFC 7159).\n\nGiven Value: ${given}\n`,
});
const uuid = (attribute: string, got: string): Refusal => ({
  summary: "Invalid Attribute Value Match",
  detail: `Attribute ${attribute} value must be a valid UUID, got: ${got}`,
});

export const RULE_CASES: readonly RuleCase[] = [
  {
    name: "btp_globalaccount_empty",
    kind: "provider",
    type: "btp",
    bad: { globalaccount: "" },
    refusals: [length("globalaccount", "at least 1", 0)],
  },
  {
    // The type check refuses first, and the framework then leaves ValidJSON unrun: one diagnostic.
    name: "btp_destination_configuration_not_json",
    kind: "resource",
    type: "btp_subaccount_destination_generic",
    bad: { destination_configuration: '{"Name": "APIManagement",' },
    refusals: [notJson('{"Name": "APIManagement",')],
  },
  {
    name: "btp_serviceplan_name_empty",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { serviceplan_name: "" },
    refusals: [length("serviceplan_name", "at least 1", 0)],
  },
  {
    name: "btp_service_offering_name_empty",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { service_offering_name: "" },
    refusals: [length("service_offering_name", "at least 1", 0)],
  },
  {
    name: "btp_serviceplan_name_without_offering",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { service_offering_name: null },
    refusals: [
      combination('Attribute "service_offering_name" must be specified when "serviceplan_name" is specified'),
    ],
  },
  {
    name: "btp_service_offering_name_without_plan",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { serviceplan_name: null },
    refusals: [
      combination('Attribute "serviceplan_name" must be specified when "service_offering_name" is specified'),
    ],
  },
  {
    name: "btp_serviceplan_id_and_names",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { serviceplan_id: PLAN_ID },
    refusals: [
      combination('Attribute "serviceplan_name" cannot be specified when "serviceplan_id" is specified'),
      combination('Attribute "service_offering_name" cannot be specified when "serviceplan_id" is specified'),
      combination('Attribute "serviceplan_id" cannot be specified when "serviceplan_name" is specified'),
      combination('Attribute "serviceplan_id" cannot be specified when "service_offering_name" is specified'),
    ],
  },
  {
    name: "btp_serviceplan_id_empty",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { serviceplan_id: "", serviceplan_name: null, service_offering_name: null },
    refusals: [length("serviceplan_id", "at least 1", 0)],
  },
  {
    name: "btp_no_plan_at_all",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { serviceplan_name: null, service_offering_name: null },
    refusals: [
      combination(
        "At least one attribute out of [service_offering_name,serviceplan_name,serviceplan_id] must be specified",
      ),
    ],
  },
  {
    name: "btp_service_instance_parameters_not_json",
    kind: "resource",
    type: "btp_subaccount_service_instance",
    bad: { parameters: "role=APIPortal.Administrator" },
    refusals: [notJson("role=APIPortal.Administrator")],
  },
  {
    name: "btp_role_collection_name_empty",
    kind: "resource",
    type: "btp_subaccount_role_collection_assignment",
    bad: { role_collection_name: "" },
    refusals: [length("role_collection_name", "at least 1", 0)],
  },
  {
    name: "btp_assignment_without_user",
    kind: "resource",
    type: "btp_subaccount_role_collection_assignment",
    bad: { user_name: null },
    refusals: [
      combination(
        "No attribute specified when one (and only one) of [user_name,group_name,attribute_name] is required",
      ),
    ],
  },
  {
    name: "btp_user_name_too_long",
    kind: "resource",
    type: "btp_subaccount_role_collection_assignment",
    bad: { user_name: `${"j".repeat(245)}@example.com` },
    refusals: [length("user_name", "between 1 and 256", 257)],
  },
  {
    name: "btp_group_without_origin",
    kind: "resource",
    type: "btp_subaccount_role_collection_assignment",
    bad: { user_name: null, group_name: "APIM-Transporters" },
    refusals: [combination('Attribute "origin" must be specified when "group_name" is specified')],
  },
  {
    name: "btp_group_name_empty",
    kind: "resource",
    type: "btp_subaccount_role_collection_assignment",
    bad: { user_name: null, group_name: "", origin: "acme-platform" },
    refusals: [length("group_name", "at least 1", 0)],
  },
  {
    name: "cf_api_url_empty",
    kind: "provider",
    type: "cloudfoundry",
    bad: { api_url: "" },
    refusals: [length("api_url", "at least 1", 0)],
  },
  {
    name: "cf_service_instance_type_unknown",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { type: "shared" },
    refusals: [
      {
        summary: "Invalid Attribute Value Match",
        detail: 'Attribute type value must be one of: ["managed" "user-provided"], got: "shared"',
      },
    ],
  },
  {
    name: "cf_space_not_uuid",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { space: "dev-space" },
    refusals: [uuid("space", "dev-space")],
  },
  {
    name: "cf_service_plan_not_uuid",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { service_plan: "5hjcxucf" },
    refusals: [uuid("service_plan", "5hjcxucf")],
  },
  {
    name: "cf_parameters_not_json",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { parameters: "{'role': 'APIPortal.Administrator'}" },
    refusals: [notJson("{'role': 'APIPortal.Administrator'}")],
  },
  {
    name: "cf_user_provided_with_plan",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { type: "user-provided" },
    refusals: [
      {
        summary: "Conflicting attribute service instance",
        detail: "Service plan is not allowed for user-provided service instance",
      },
    ],
  },
  {
    name: "cf_managed_without_plan",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { service_plan: null },
    refusals: [
      {
        summary: "Missing attribute service instance",
        detail: "Service plan is required for managed service instance",
      },
    ],
  },
  {
    name: "cf_user_provided_with_parameters",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    bad: { type: "user-provided", service_plan: null },
    refusals: [
      {
        summary: "Parameters can only passed to service instance of type managed",
        detail: "Parameters json object can only be passed to managed serivce instance",
      },
    ],
  },
  {
    name: "cf_managed_with_credentials",
    kind: "resource",
    type: "cloudfoundry_service_instance",
    base: { type: "user-provided", service_plan: null, parameters: null, credentials: "{}" },
    bad: { type: "managed", service_plan: PLAN_ID },
    refusals: [
      {
        summary: "Mistmatch attribute passed to user provided service instance",
        detail:
          "Allowed attributes for serivce instance of type user provided: credentials, syslog_drain_url, route_service_url",
      },
    ],
  },
  {
    name: "cf_binding_type_unknown",
    kind: "resource",
    type: "cloudfoundry_service_credential_binding",
    bad: { type: "service-key" },
    refusals: [
      {
        summary: "Invalid Attribute Value Match",
        detail: 'Attribute type value must be one of: ["app" "key"], got: "service-key"',
      },
    ],
  },
  {
    name: "cf_key_without_name",
    kind: "resource",
    type: "cloudfoundry_service_credential_binding",
    bad: { name: null },
    refusals: [{ summary: "Missing attribute name", detail: "Name is required for a service key" }],
  },
  {
    name: "cf_app_binding_without_app",
    kind: "resource",
    type: "cloudfoundry_service_credential_binding",
    bad: { type: "app" },
    refusals: [{ summary: "Missing attribute app", detail: "App GUID is required for app binding" }],
  },
  {
    name: "cf_key_with_app",
    kind: "resource",
    type: "cloudfoundry_service_credential_binding",
    base: { type: "app", app: "7c3e9a15-4b2d-4f80-9d6e-1a5c8b2f0e47" },
    bad: { type: "key" },
    refusals: [
      {
        summary: "Invalid attribute combination",
        detail: "App GUID should only be provided for credential bindings of type app",
      },
    ],
  },
  {
    name: "cf_space_role_type_unknown",
    kind: "resource",
    type: "cloudfoundry_space_role",
    bad: { type: "SpaceDeveloper" },
    refusals: [
      {
        summary: "Invalid Attribute Value Match",
        detail:
          'Attribute type value must be one of: ["space_auditor" "space_developer" "space_manager" "space_supporter"], got: "SpaceDeveloper"',
      },
    ],
  },
  {
    name: "cf_space_role_space_not_uuid",
    kind: "resource",
    type: "cloudfoundry_space_role",
    bad: { space: "prod-space" },
    refusals: [uuid("space", "prod-space")],
  },
  {
    name: "cf_space_role_user_not_uuid",
    kind: "resource",
    type: "cloudfoundry_space_role",
    bad: { user: "deploy-user@example.com", username: null, origin: null },
    refusals: [uuid("user", "deploy-user@example.com")],
  },
  {
    name: "cf_space_role_without_user",
    kind: "resource",
    type: "cloudfoundry_space_role",
    bad: { username: null, origin: null },
    refusals: [combination("No attribute specified when one (and only one) of [user,username] is required")],
  },
  {
    name: "cf_space_role_origin_with_user",
    kind: "resource",
    type: "cloudfoundry_space_role",
    bad: { user: "5d8e2a71-3c9b-4f46-8a0d-7e1b6c4f9a32", username: null },
    refusals: [
      combination('Attribute "user" cannot be specified when "origin" is specified'),
      combination('Attribute "username" must be specified when "origin" is specified'),
    ],
  },
  {
    name: "http_method_put",
    kind: "data",
    type: "http",
    bad: { method: "PUT" },
    refusals: [
      {
        summary: "Invalid Attribute Value Match",
        detail: 'Attribute method value must be one of: ["GET" "POST" "HEAD"], got: "PUT"',
      },
    ],
  },
];

/**
 * What the generated tests did before the mocks were shaped as the providers' values: a mock's
 * random 8-character `id` for a Cloud Foundry service plan, passed on into a service instance.
 * `terraform test` must fail with the provider's own words (tested only there: validate sees no
 * mocked value).
 */
export const MOCKED_PLAN_ID = {
  name: "mocked_plan_id_random_string",
  id: "5hjcxucf",
  refusals: [uuid("service_plan", "5hjcxucf")],
} as const;
