/** Figures and Markdown for `npm run bench`: medians of wall and CPU times, ratios and verdicts. */

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `median (min–max)` of some seconds, two decimals each: the figure and how noisy it is. */
export function summary(values: readonly number[]): string {
  const two = (value: number): string => value.toFixed(2);
  return `${two(median(values))} (${two(Math.min(...values))}–${two(Math.max(...values))})`;
}

/**
 * The CPU-seconds (user + system) of the children of a shell, from what its `times` builtin prints:
 * two lines of `<m>m<s>s <m>m<s>s`, the shell's own times first, its children's second. A child's
 * times include those of every descendant it waited for.
 */
export function childCpuSeconds(times: string): number {
  const fields = [...times.matchAll(/(\d+)m(\d+(?:[.,]\d+)?)s/g)].map(
    // Some shells write the locale's decimal comma.
    ([, minutes, secs]) => Number(minutes) * 60 + Number(secs.replace(",", ".")),
  );
  if (fields.length !== 4) throw new Error(`cannot read the shell's times output: ${JSON.stringify(times)}`);
  return fields[2] + fields[3];
}

/** A Markdown table; cells are written as given, `|` escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `PASS` when `value` is at most `limit`, `FAIL` otherwise. */
export function verdict(value: number, limit: number): "PASS" | "FAIL" {
  return value <= limit ? "PASS" : "FAIL";
}
