/**
 * Field rules shared by the constructs; not part of the package's API.
 */
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../validation-error";
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
// value. A value that is still a Terraform token is only known at apply, so it is not checked.

/** Returns the problem of a value that is not a GUID (subaccount, instance and key IDs are); empty when it is one. */
export function validateGuid(field: string, value: string): string[] {
  if (typeof value !== "string")
    return [`${field} ${JSON.stringify(value) ?? String(value)} must be a string`];
  if (holdsToken(value)) return [];
  return GUID.test(value)
    ? []
    : [
        `${field} ${JSON.stringify(value)} is not a GUID (BTP IDs look like 6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c)`,
      ];
}

/** Returns the problem of a name that is not a string, blank, or holds control characters; empty when it is fine. */
export function validateName(field: string, value: string): string[] {
  // Props can come from JavaScript or a cast: a clear message beats a TypeError from trim().
  if (typeof value !== "string")
    return [`${field} ${JSON.stringify(value) ?? String(value)} must be a string`];
  if (holdsToken(value)) return [];
  if (value.trim() === "") return [`${field} ${JSON.stringify(value)} is empty or blank`];
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value)
    ? [`${field} ${JSON.stringify(value)} contains a control character (a line break or tab, say)`]
    : [];
}

/**
 * Returns the problems of a destination name: blank, characters other than letters, digits, `-`
 * and `_`, or longer than {@link DESTINATION_NAME_MAX_LENGTH}; empty when BTP accepts it.
 */
export function validateDestinationName(field: string, value: string): string[] {
  if (typeof value === "string" && holdsToken(value)) return [];
  const problems = validateName(field, value);
  if (problems.length > 0) return problems;
  if (!DESTINATION_NAME.test(value)) {
    problems.push(`${field} ${JSON.stringify(value)} may contain only letters, digits, "-" and "_"`);
  }
  // Destination names are case-sensitive and the transport asks for exactly "APIManagement":
  // another spelling of it is a typo that would leave the transport without its destination.
  if (value !== "APIManagement" && value.toLowerCase() === "apimanagement") {
    problems.push(
      `${field} ${JSON.stringify(value)} differs from "APIManagement" only in case; destination names are case-sensitive and the content transport looks for exactly "APIManagement"`,
    );
  }
  if (value.length > DESTINATION_NAME_MAX_LENGTH) {
    problems.push(
      `${field} ${JSON.stringify(value)} is ${value.length} characters long; BTP allows at most ${DESTINATION_NAME_MAX_LENGTH}`,
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
