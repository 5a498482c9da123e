import { Fn, Token, propertyAccess } from "cdktf";

/** The fields of an API portal service key that the destination and the connection check use. */
export type ServiceKeyField = "url" | "tokenUrl" | "clientId" | "clientSecret";

/**
 * One field of a service key, as a Terraform expression over the key's `credentials` reference,
 * resolved by Terraform at apply time: the TypeScript side never holds the value, which keeps the
 * secret out of cdk.tf.json and every log.
 */
export function serviceKeyField(credentials: string, field: ServiceKeyField): string {
  return Token.asString(propertyAccess(Fn.jsondecode(credentials), [field]));
}

/**
 * A value of a service key at `path` (e.g. `["uaa", "clientid"]`), as a Terraform expression over
 * the key's credentials JSON; like {@link serviceKeyField}, for keys of any shape.
 */
export function serviceKeyValue(credentials: string, path: readonly string[]): string {
  return Token.asString(propertyAccess(Fn.jsondecode(credentials), [...path]));
}
