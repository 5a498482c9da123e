import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A fresh folder under the system's temporary folder; deleted by `removeTempDirs` after each test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "apim-test-"));
  made.push(dir);
  return dir;
}

/** Deletes every folder `tempDir` has made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
