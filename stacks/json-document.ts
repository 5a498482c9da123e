/** Reading a JSON file as a configuration: its bytes checked before its JSON is trusted. */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { ConfigError } from "./config-error";

/** An environments file larger than this is a wrong file, not a configuration. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Deeper nesting than this is no environments file (which needs four levels) and would only exhaust the parser's stack. */
export const MAX_NESTING = 32;

/**
 * The file's bytes, at most MAX_CONFIG_BYTES: what is not a regular file (a folder, a device, a
 * pipe, which could be read forever or block) is refused before it is opened, and reading stops
 * one byte past the limit whatever the file claims its size to be.
 */
function readBounded(file: string): Buffer {
  const problem = (why: string) => new ConfigError(file, [why]);
  let fd: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw problem("is a folder, not a file");
    if (!stat.isFile())
      throw problem("is not a regular file (a device or a pipe, say): give the path of a JSON file");
    fd = openSync(file, "r");
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw problem(
      code === "ENOENT"
        ? "file not found"
        : code === "ENOTDIR"
          ? "a part of the path is not a folder"
          : `cannot be read (${code})`,
    );
  }
  try {
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_CONFIG_BYTES) {
      throw problem(`is larger than ${MAX_CONFIG_BYTES} bytes; an environments file is at most that`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * How deep objects and arrays nest in JSON `text` (brackets inside strings aside), and where the
 * nesting first goes past MAX_NESTING: the field path (keys, and list items as `[i]`) and the offset.
 * A scan of the text, since parsing a document that deep is what would exhaust the parser's stack.
 */
function nesting(text: string): { depth: number; path?: string; offset?: number } {
  const frames: Array<{ array: boolean; key?: string; index: number }> = [];
  let deepest = 0;
  let lastString = "";
  let found: { path: string; offset: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      lastString = text.slice(start, i + 1);
    } else if (c === ":" && frames.length > 0) {
      try {
        frames[frames.length - 1].key = JSON.parse(lastString) as string;
      } catch {
        frames[frames.length - 1].key = lastString;
      }
    } else if (c === "," && frames.length > 0 && frames[frames.length - 1].array) {
      frames[frames.length - 1].index++;
    } else if (c === "{" || c === "[") {
      if (frames.length === MAX_NESTING && found === undefined) found = { path: pathOf(frames), offset: i };
      frames.push({ array: c === "[", index: 0 });
      deepest = Math.max(deepest, frames.length);
    } else if (c === "}" || c === "]") {
      frames.pop();
    }
  }
  return { depth: deepest, ...found };
}

/** A field path as messages write it, its first levels only where it is long: `environments.dev.x[0][0]…`. */
function pathOf(frames: ReadonlyArray<{ array: boolean; key?: string; index: number }>): string {
  const parts = frames.map((frame) => (frame.array ? `[${frame.index}]` : `.${frame.key ?? ""}`));
  const shown = parts.length > 6 ? [...parts.slice(0, 6), "…"] : parts;
  return shown.join("").replace(/^\./, "");
}

/**
 * The JSON document of a file, refused unless it is at most MAX_CONFIG_BYTES of UTF-8 (a leading
 * byte order mark is allowed), plain JSON (no comments, no trailing commas) and free of duplicate
 * keys, which JSON.parse would silently resolve to the last.
 */
export function readJsonDocument(file: string): unknown {
  const bytes = readBounded(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConfigError(file, ["not valid JSON: the file is not UTF-8 text"]);
  }
  const { depth, path, offset } = nesting(text);
  if (depth > MAX_NESTING) {
    throw new ConfigError(file, [
      `${path ? `${path} ` : ""}nests ${depth} levels deep (past ${MAX_NESTING} at ${position(text, offset ?? 0)}); an environments file needs at most ${MAX_NESTING}`,
    ]);
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

/** Whether a parsed JSON value is an object (not null, not an array): a section or an entry of the file. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
