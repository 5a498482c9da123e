/**
 * `npm run landscape -- <name> --check`: which of a landscape's transport nodes Cloud Transport
 * Management does not have yet. Nodes and routes are made by hand (no public API writes them), but
 * nodes can be read: `GET <uri>/v2/nodes` with a client-credentials token from the transport key's
 * `uaa`, as SAP's Piper client does (SAP/jenkins-library, pkg/tms). No public endpoint that lists
 * routes could be found, so routes are not read back. The key comes from the deployed stack's
 * state (`terraform show -json`), is used for the two requests only, and is never printed; a
 * Cloud Transport Management that cannot be reached is a warning, not a verdict.
 */
import { isPlainObject } from "./json";

/** The transport service key's fields the check uses. */
export interface TransportKey {
  readonly uri: string;
  readonly uaa: { readonly url: string; readonly clientid: string; readonly clientsecret: string };
}

/** What the check found: the nodes missing, or why it could not tell. */
export type NodeCheck =
  | { readonly kind: "checked"; readonly missing: readonly string[]; readonly found: readonly string[] }
  | { readonly kind: "unknown"; readonly why: string };

/** The fetch the check calls (Node's own, or a test's). */
export type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;

/**
 * The transport service key from `terraform show -json` of a landscape's stack: the credential
 * binding whose credentials have a `uri` and a `uaa` (the Content Agent's has a `url`).
 */
export function transportKeyOf(showJson: string): TransportKey | undefined {
  const state = JSON.parse(showJson) as {
    values?: { root_module?: { resources?: Array<{ type: string; values?: Record<string, unknown> }> } };
  };
  for (const resource of state.values?.root_module?.resources ?? []) {
    if (resource.type !== "cloudfoundry_service_credential_binding") continue;
    const binding = resource.values?.credential_binding;
    if (typeof binding !== "string") continue;
    const credentials = (JSON.parse(binding) as { credentials?: unknown }).credentials;
    if (
      !isPlainObject(credentials) ||
      typeof credentials.uri !== "string" ||
      !isPlainObject(credentials.uaa)
    ) {
      continue;
    }
    const { url, clientid, clientsecret } = credentials.uaa;
    if (typeof url === "string" && typeof clientid === "string" && typeof clientsecret === "string") {
      return { uri: credentials.uri, uaa: { url, clientid, clientsecret } };
    }
  }
  return undefined;
}

/** Which of `expected` (node names, in transport order) the transport service behind `key` lacks. */
export async function checkNodes(
  key: TransportKey,
  expected: readonly string[],
  fetch: Fetch = globalThis.fetch,
): Promise<NodeCheck> {
  const trimmed = (url: string) => url.replace(/\/+$/, "");
  try {
    const token = await fetch(`${trimmed(key.uaa.url)}/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${key.uaa.clientid}:${key.uaa.clientsecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    if (!token.ok) return { kind: "unknown", why: `the token service answered ${token.status}` };
    const { access_token: accessToken } = (await token.json()) as { access_token?: unknown };
    if (typeof accessToken !== "string") return { kind: "unknown", why: "the token service gave no token" };
    const nodes = await fetch(`${trimmed(key.uri)}/v2/nodes`, {
      method: "GET",
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
    });
    if (!nodes.ok) return { kind: "unknown", why: `GET /v2/nodes answered ${nodes.status}` };
    const listed = ((await nodes.json()) as { nodes?: Array<{ name?: unknown }> }).nodes ?? [];
    const found = listed.map((node) => node.name).filter((name): name is string => typeof name === "string");
    // TMS matches node names case and all.
    return { kind: "checked", found, missing: expected.filter((name) => !found.includes(name)) };
  } catch (err) {
    // A connection failure says where it failed, never the key: the URLs hold no secret.
    const cause =
      err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { kind: "unknown", why: `Cloud Transport Management could not be reached: ${cause}` };
  }
}
