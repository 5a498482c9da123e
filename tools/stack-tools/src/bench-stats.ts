/** Figures and Markdown for `npm run bench`: medians of wall times, ratios and verdicts. */

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Seconds with two decimals, e.g. `6.04`. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** `min–max` of some wall times, in seconds: how noisy the median is. */
export function spread(values: readonly number[]): string {
  return `${seconds(Math.min(...values))}–${seconds(Math.max(...values))}`;
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
