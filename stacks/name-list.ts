/** Names in a message, which must stay one line a person reads whether a file has two stacks or five hundred. */

/** At most this many names are spelt out; the rest are counted. */
export const LISTED_NAMES = 10;

/** `names` joined by commas when few; the first LISTED_NAMES and a count of the rest otherwise. */
export function nameList(names: readonly string[]): string {
  if (names.length <= LISTED_NAMES) return names.join(", ");
  return `${names.slice(0, LISTED_NAMES).join(", ")} and ${names.length - LISTED_NAMES} more`;
}

/** "1 environment (dev)", "500 environments (a, b, … and 490 more)": a count of `names` and the names. */
export function countedNames(noun: string, names: readonly string[]): string {
  return `${names.length} ${noun}${names.length === 1 ? "" : "s"} (${nameList(names)})`;
}
