/** A JSON object as parsed from `cdk.tf.json` or a service key file. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object: neither null nor an array. */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
