/**
 * Field rules shared by the constructs; not part of the package's API.
 */
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../validation-error";
import { nearestName } from "./did-you-mean";
import { holdsToken } from "./terraform-strings";

/** Throws a `ValidationError` for `scope` when `problems` is not empty. */
export function throwIfInvalid(scope: IConstruct, problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new ValidationError(scope, problems);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** BTP accepts destination names of letters, digits, `-` and `_`, at most 200 characters. */
export const DESTINATION_NAME_MAX_LENGTH = 200;
const DESTINATION_NAME = /^[A-Za-z0-9_-]+$/;

// Each rule below returns the problems of one field, as sentences that name the field and quote the
// value (through `quoted`). A value that is still a Terraform token is only known at apply, so it is
// not checked.

/** A URL's user and password (`x:y@`), or anything after `scheme://` that starts a query or fragment. */
const URL_CREDENTIALS = /:\/\/\S*[@?#]|^[^@\s]*:[^@\s]*@/;

/**
 * `value` as a message quotes it, unless it may carry a secret: a URL with a user, a password or a
 * query (a token, a signature), which is named as such instead. An e-mail address is quoted.
 */
export function quoted(value: unknown): string {
  if (typeof value === "string" && URL_CREDENTIALS.test(value)) {
    return "(a URL with a user, password or query, not shown)";
  }
  return JSON.stringify(value) ?? String(value);
}

/** Returns the problem of a value that is not a GUID (subaccount, instance and key IDs are); empty when it is one. */
export function validateGuid(field: string, value: string): string[] {
  if (typeof value !== "string") return [`${field} ${quoted(value)} must be a string`];
  if (holdsToken(value)) return [];
  return GUID.test(value)
    ? []
    : [`${field} ${quoted(value)} is not a GUID (BTP IDs look like 6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c)`];
}

/**
 * The longest name or text the constructs accept. Neither the SAP/btp provider's validators nor
 * SAP's pages state a limit for instance and key names or a destination's description; these caps
 * keep a pasted file from becoming a name. BTP may enforce less.
 */
export const MAX_NAME_LENGTH = 255;

/** Control characters, invisible formatting characters (zero-width, bidi), lone surrogates, line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * Returns the problem of a name that is not a string, blank, longer than `maxLength`, or holds a
 * control or invisible character; empty when it is fine.
 */
export function validateName(field: string, value: string, maxLength = MAX_NAME_LENGTH): string[] {
  // Props can come from JavaScript or a cast: a clear message beats a TypeError from trim().
  if (typeof value !== "string") return [`${field} ${quoted(value)} must be a string`];
  if (holdsToken(value)) return [];
  if (value.trim() === "") return [`${field} ${quoted(value)} is empty or blank`];
  const problems: string[] = [];
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const code = (invisible[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    problems.push(
      `${field} ${quoted(value)} contains a control character (U+${code}): line breaks, tabs and invisible formatting characters are not allowed`,
    );
  }
  if (value.length > maxLength) {
    problems.push(`${field} is ${value.length} characters long; at most ${maxLength} are allowed`);
  }
  return problems;
}

/**
 * Returns the problems of a destination name: blank, characters other than letters, digits, `-`
 * and `_`, or longer than {@link DESTINATION_NAME_MAX_LENGTH}; empty when BTP accepts it.
 */
export function validateDestinationName(field: string, value: string): string[] {
  if (holdsToken(value)) return [];
  // The length is BTP's own limit here, said below in BTP's words.
  const problems = validateName(field, value, Infinity);
  if (problems.length > 0) return problems;
  if (!DESTINATION_NAME.test(value)) {
    problems.push(`${field} ${quoted(value)} may contain only letters, digits, "-" and "_"`);
  }
  // Destination names are case-sensitive and the transport asks for exactly "APIManagement":
  // another spelling of it is a typo that would leave the transport without its destination.
  if (value !== "APIManagement" && value.toLowerCase() === "apimanagement") {
    problems.push(
      `${field} ${quoted(value)} differs from "APIManagement" only in case; destination names are case-sensitive and the content transport looks for exactly "APIManagement"`,
    );
  }
  if (value.length > DESTINATION_NAME_MAX_LENGTH) {
    problems.push(
      `${field} ${quoted(value)} is ${value.length} characters long; BTP allows at most ${DESTINATION_NAME_MAX_LENGTH}`,
    );
  }
  return problems;
}

/**
 * Returns the problem of service key credentials given as a literal; empty when they are a Terraform
 * reference. The value is not quoted: a literal here is the secret itself.
 */
export function validateCredentialsReference(field: string, value: string): string[] {
  if (Token.isUnresolved(value)) return [];
  return [
    `${field} must be a Terraform reference to a service key's credentials (e.g. serviceKey.credentials), ` +
      "not a literal: a literal would put the client secret into the code and the synthesized stack",
  ];
}

/** The JavaScript type each prop must have; `object` props are checked by a shape of their own. */
export type PropShape = Readonly<Record<string, "string" | "boolean" | "number" | "object" | "array">>;

/**
 * Returns the problems of props given from JavaScript (or through a cast) that TypeScript would have
 * refused: props that are not an object, unknown props (with the nearest known name), and props of
 * another type, each naming `prefix`, the prop and its value. String props are left to the rule of
 * each field, which says "must be a string" along with everything else it checks.
 */
export function validatePropShape(prefix: string, props: unknown, shape: PropShape): string[] {
  const where = prefix === "" ? "props" : prefix;
  if (props === null || typeof props !== "object" || Array.isArray(props)) {
    return [`${where} ${JSON.stringify(props) ?? String(props)} must be an object`];
  }
  const problems: string[] = [];
  for (const [name, value] of Object.entries(props)) {
    const field = prefix === "" ? name : `${prefix}.${name}`;
    const wanted = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (wanted === undefined) {
      const near = nearestName(name, Object.keys(shape));
      problems.push(`${field} is not a known prop${near ? ` (did you mean ${near}?)` : ""}`);
      continue;
    }
    if (value === undefined || wanted === "string") continue;
    const actual = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
    if (actual !== wanted) {
      problems.push(`${field} ${quoted(value)} must be ${article(wanted)}, not ${article(actual)}`);
    }
  }
  return problems;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The problems of a prop that links to another construct: missing, or not something with the
 * string `member` the link reads (a construct of this library, or one its `fromXxx` made).
 */
function validateLink(field: string, value: unknown, member: string, hint: string): string[] {
  const linked =
    value !== null && typeof value === "object" && typeof Reflect.get(value, member) === "string";
  return linked ? [] : [`${field} is required: ${hint}`];
}

/** The problems of a key's `serviceInstance`: missing, or without an instance ID. */
export function validateServiceInstance(
  field: string,
  instance: { readonly instanceId: string } | undefined,
): string[] {
  return validateLink(
    field,
    instance,
    "instanceId",
    "an instance construct, or ApiPortalServiceInstance.fromInstanceId for one made elsewhere",
  );
}

/**
 * The problems of the `serviceKey` of a construct that reads its credentials: missing, or credentials
 * that are a literal, which would put the client secret into code and the synthesized stack.
 */
export function validateServiceKey(
  field: string,
  key: { readonly credentials: string } | undefined,
): string[] {
  const missing = validateLink(
    field,
    key,
    "credentials",
    "a key construct, or ApiPortalServiceKey.fromKeyName or .fromCredentials for a key made elsewhere",
  );
  return missing.length > 0
    ? missing
    : validateCredentialsReference(`${field}.credentials`, (key as { credentials: string }).credentials);
}

/**
 * The problems of how a deploy destination signs its user in, `field` naming the deploy target and
 * `names` its two fields: basic authentication or OAuth2Password, an identity provider's origin only
 * with OAuth2Password, since basic authentication works with SAP ID service users only (SAP's page
 * 6b7c9d8).
 */
export function validateDeployAuthentication(
  field: string,
  authentication: string | undefined,
  origin: string | undefined,
  names: { readonly authentication: string; readonly origin: string },
): string[] {
  const how = authentication ?? "BasicAuthentication";
  if (how !== "BasicAuthentication" && how !== "OAuth2Password") {
    return [
      `${field}.${names.authentication} ${quoted(how)} must be "BasicAuthentication" or "OAuth2Password"`,
    ];
  }
  if (origin === undefined) return [];
  return how === "OAuth2Password"
    ? validateName(`${field}.${names.origin}`, origin)
    : [
        `${field}.${names.origin} ${quoted(origin)} needs ${names.authentication} "OAuth2Password": basic authentication works with SAP ID service users only`,
      ];
}

/**
 * Where a list first holds the value it holds at `at`, when that is before `at`: the earlier entry a
 * name is used again after (a node, a route, a destination, a member listed twice); else undefined.
 */
export function earlierIndex(values: readonly unknown[], at: number): number | undefined {
  const first = values.indexOf(values[at]);
  return first < at ? first : undefined;
}
