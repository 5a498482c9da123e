/** Reading a JSON file as a configuration: its bytes checked before its JSON is trusted. */
import { readFileSync } from "node:fs";
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { ConfigError } from "./config-error";

/** An environments file larger than this is a wrong file, not a configuration. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The JSON document of a file, refused unless it is at most MAX_CONFIG_BYTES of UTF-8 (a leading
 * byte order mark is allowed), plain JSON (no comments, no trailing commas) and free of duplicate
 * keys, which JSON.parse would silently resolve to the last.
 */
export function readJsonDocument(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot be read (${code})`,
    ]);
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new ConfigError(file, [
      `is ${bytes.length} bytes; an environments file is at most ${MAX_CONFIG_BYTES}`,
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConfigError(file, ["not valid JSON: the file is not UTF-8 text"]);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || tree === undefined) {
    throw new ConfigError(
      file,
      errors.length === 0
        ? ["not valid JSON: the file is empty"]
        : errors.map((e) => `not valid JSON: ${printParseErrorCode(e.error)} at ${position(text, e.offset)}`),
    );
  }
  const duplicates = duplicateKeys(tree, text);
  if (duplicates.length > 0) throw new ConfigError(file, duplicates);
  // JSON.parse rather than the tree's value: it keeps a "__proto__" key an own property.
  return JSON.parse(text);
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function duplicateKeys(node: JsonNode, text: string, path = ""): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const child of node.children ?? []) {
    if (node.type === "object" && child.children) {
      const [key, value] = child.children;
      const name = String(key.value);
      const at = path === "" ? name : `${path}.${name}`;
      if (seen.has(name)) {
        found.push(
          `${at} appears more than once (again at ${position(text, key.offset)}): JSON would keep only the last`,
        );
      }
      seen.add(name);
      if (value) found.push(...duplicateKeys(value, text, at));
    } else {
      found.push(...duplicateKeys(child, text, path));
    }
  }
  return found;
}
