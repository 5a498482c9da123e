/**
 * What destination an environment would get from a given service key, computed by real Terraform
 * (terraform-evaluate.ts) from the same synthesized expression that it evaluates at deploy.
 */
import { ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { JsonObject, isPlainObject } from "./json";
import { SERVICE_KEY_PATHS } from "./service-keys";
import { SynthesizedStack } from "./synth-output";
import { evaluateInTerraform } from "./terraform-evaluate";

/** The service key fields the destination is built from. */
const KEY_FIELDS = ["url", "tokenUrl", "clientId", "clientSecret"] as const;
const HTTPS_FIELDS = ["url", "tokenUrl"];

/** Shown instead of the client secret: fixed, so it tells nothing about the secret, not even its length. */
export const MASK = "********";

/**
 * Checks a service key file's text (the cockpit's JSON) and returns it; throws an error naming the
 * file and the field for anything the destination could not be built from.
 */
export function parseServiceKey(text: string, file: string): JsonObject {
  const record = parseJsonObject(text, file, KEY_FIELDS.join(", "));
  const problems = fieldProblems(record, KEY_FIELDS, HTTPS_FIELDS);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join("; ")}`);
  return record;
}

/** The text as a JSON object; throws naming the file, and where the JSON breaks, never what is there. */
function parseJsonObject(text: string, file: string, expected: string): JsonObject {
  // JSON.parse's message quotes the text, i.e. the secret.
  const errors: ParseError[] = [];
  parseTree(text.replace(/^\uFEFF/, ""), errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || text.trim() === "") {
    const [first] = errors;
    const where = first ? ` (${printParseErrorCode(first.error)} at offset ${first.offset})` : "";
    throw new Error(`${file}: not valid JSON${where}`);
  }
  const key: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
  if (!isPlainObject(key)) throw new Error(`${file}: expected a JSON object with ${expected}`);
  return key;
}

/** The fields of `record` that are missing, empty, or (those in `urls`) no https:// URL. */
function fieldProblems(record: JsonObject, fields: readonly string[], urls: readonly string[]): string[] {
  return fields.flatMap((field) => {
    const value = record[field];
    if (typeof value !== "string" || value.trim() === "") return [`${field} is missing or empty`];
    if (urls.includes(field) && !isHttpsUrl(value))
      return [`${field} ${JSON.stringify(value)} is not a valid https:// URL`];
    return [];
  });
}

/** The top-level URL field of each UAA-shaped key of a landscape (SAP: 359ecd7, f449560). */
export const UAA_KEYS = { contentAgent: "url", transport: "uri" } as const;

/** The keys of a landscape beside the API portal's: Content Agent's and Cloud Transport Management's, as text. */
export type LandscapeKeys = Readonly<Record<keyof typeof UAA_KEYS, string>>;

/**
 * Checks a Content Agent or Cloud Transport Management key file's text (`url` or `uri`, and
 * `uaa.clientid`, `uaa.clientsecret`, `uaa.url`) and returns it; throws naming the file and field.
 */
export function parseUaaKey(text: string, file: string, urlField: string): JsonObject {
  const key = parseJsonObject(text, file, `${urlField} and uaa`);
  const uaa = isPlainObject(key.uaa) ? key.uaa : {};
  const problems = [
    ...fieldProblems(key, [urlField], [urlField]),
    ...fieldProblems(uaa, ["clientid", "clientsecret", "url"], ["url"]).map((p) => `uaa.${p}`),
  ];
  if (problems.length > 0) throw new Error(`${file}: ${problems.join("; ")}`);
  return key;
}

/**
 * The destination properties each `btp_subaccount_destination_generic` of `stack` would get with
 * `keyText` as its service key's credentials: the synthesized expression, evaluated by the Terraform
 * `binary`. The client secret is in the result; {@link previewDestinations} is the version to print.
 */
export async function evaluateDestinations(
  stack: SynthesizedStack,
  keyText: string,
  binary: string,
  landscapeKeys?: LandscapeKeys,
): Promise<JsonObject[]> {
  // In a landscape, a binding's construct path says whose key it is.
  const keyOf = (body: Record<string, unknown>): string => {
    const path = (body["//"] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? "";
    if (landscapeKeys && path.endsWith("/source/content-agent-key/resource"))
      return landscapeKeys.contentAgent;
    if (landscapeKeys && path.endsWith("/transport/key/resource")) return landscapeKeys.transport;
    return keyText;
  };
  const references = {
    // Each key's attribute holds its credentials in its provider's shape (src/service-keys.ts).
    ...Object.fromEntries(
      SERVICE_KEY_PATHS.flatMap(({ key, attribute, carrying }) =>
        Object.entries(stack.resource?.[key] ?? {}).map(([name, body]) => [
          `${key}.${name}.${attribute}`,
          carrying(keyOf(body)),
        ]),
      ),
    ),
    // The TMSDeploy password is a variable; the preview never asks for it.
    ...Object.fromEntries(Object.keys(stack.variable ?? {}).map((name) => [`var.${name}`, MASK])),
  };
  const templates = Object.fromEntries(
    Object.values(stack.resource?.btp_subaccount_destination_generic ?? {}).map((body, i) => [
      `destination_${i}`,
      body.destination_configuration as string,
    ]),
  );
  const evaluated = await evaluateInTerraform(binary, templates, references);
  return Object.keys(templates).map((name) => JSON.parse(evaluated[name] as string) as JsonObject);
}

/** {@link evaluateDestinations} with the client secret masked, fit to print. */
export async function previewDestinations(
  stack: SynthesizedStack,
  keyText: string,
  binary: string,
  landscapeKeys?: LandscapeKeys,
): Promise<JsonObject[]> {
  return (await evaluateDestinations(stack, keyText, binary, landscapeKeys)).map((destination) =>
    "clientSecret" in destination ? { ...destination, clientSecret: MASK } : destination,
  );
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}
