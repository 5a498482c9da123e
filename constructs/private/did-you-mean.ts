/**
 * The known name closest to a mistyped one (`regoin` -> `region`, `secret_key` -> `secretKey`),
 * or undefined when none is close enough to be a likely typo.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(spelling(name), spelling(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // A third of the name may differ: "regoin" is 2 away from "region", "bucket" 6 from "workspace".
  return best && best.distance <= Math.max(1, Math.floor(spelling(name).length / 3)) ? best.name : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/** A name as any spelling of it compares: `secret_key`, `SecretKey` and `secret-key` are `secretkey`. */
export function spelling(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}
