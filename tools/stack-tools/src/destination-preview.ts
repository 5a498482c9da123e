/**
 * What destination an environment would get from a given service key, computed by real Terraform
 * (terraform-evaluate.ts) from the same synthesized expression that it evaluates at deploy.
 */
import { ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { JsonObject, isPlainObject } from "./json";
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
  // Where the JSON breaks, never what is there: JSON.parse's message quotes the text, i.e. the secret.
  const errors: ParseError[] = [];
  parseTree(text.replace(/^\uFEFF/, ""), errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || text.trim() === "") {
    const [first] = errors;
    const where = first ? ` (${printParseErrorCode(first.error)} at offset ${first.offset})` : "";
    throw new Error(`${file}: not valid JSON${where}`);
  }
  const key: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
  if (!isPlainObject(key)) {
    throw new Error(`${file}: expected a JSON object with ${KEY_FIELDS.join(", ")}`);
  }
  const record = key;
  const problems: string[] = [];
  for (const field of KEY_FIELDS) {
    const value = record[field];
    if (typeof value !== "string" || value.trim() === "") {
      problems.push(`${field} is missing or empty`);
    } else if (HTTPS_FIELDS.includes(field) && !isHttpsUrl(value)) {
      problems.push(`${field} ${JSON.stringify(value)} is not a valid https:// URL`);
    }
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.join("; ")}`);
  return record;
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
): Promise<JsonObject[]> {
  // A BTP service binding holds the key's JSON as `credentials`; a Cloud Foundry credential
  // binding holds Cloud Foundry's binding details, with the key under `credentials`.
  const credentials = {
    ...Object.fromEntries(
      Object.keys(stack.resource?.btp_subaccount_service_binding ?? {}).map((name) => [
        `btp_subaccount_service_binding.${name}.credentials`,
        keyText,
      ]),
    ),
    ...Object.fromEntries(
      Object.keys(stack.resource?.cloudfoundry_service_credential_binding ?? {}).map((name) => [
        `cloudfoundry_service_credential_binding.${name}.credential_binding`,
        JSON.stringify({ credentials: JSON.parse(keyText) as unknown }),
      ]),
    ),
  };
  const templates = Object.fromEntries(
    Object.values(stack.resource?.btp_subaccount_destination_generic ?? {}).map((body, i) => [
      `destination_${i}`,
      body.destination_configuration as string,
    ]),
  );
  const evaluated = await evaluateInTerraform(binary, templates, credentials);
  return Object.keys(templates).map((name) => JSON.parse(evaluated[name] as string) as JsonObject);
}

/** {@link evaluateDestinations} with the client secret masked, fit to print. */
export async function previewDestinations(
  stack: SynthesizedStack,
  keyText: string,
  binary: string,
): Promise<JsonObject[]> {
  return (await evaluateDestinations(stack, keyText, binary)).map((destination) =>
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
