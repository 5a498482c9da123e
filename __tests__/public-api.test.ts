import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Construct } from "constructs";
import * as library from "btp-apim-transport-destination";

const ROOT = resolve(__dirname, "..");

/** The TypeScript files under `dir` (tests and node_modules left out), with the modules each imports. */
function importsUnder(dir: string): Array<{ file: string; from: string }> {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.includes("node_modules") && !path.includes("__tests__"))
    .flatMap((path) => {
      const file = join(ROOT, dir, path);
      return [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => ({
        file: relative(ROOT, file),
        from: m[1],
      }));
    });
}

/** Whether `from`, imported in `file`, is a path into `folder` of this repository. */
function reaches(file: string, from: string, folder: string): boolean {
  return from.startsWith(".") && relative(ROOT, resolve(ROOT, file, "..", from)).split("/")[0] === folder;
}

describe("the package's exports", () => {
  it("are constructs, the error they throw, and classes of static rules; nothing else (helpers stay private)", () => {
    const kinds = Object.entries(library).map(([name, value]) => {
      const prototype = (value as { prototype?: object }).prototype;
      if (prototype instanceof Construct) return [name, "construct"];
      if (prototype instanceof Error) return [name, "error"];
      // A class of static members only: nothing on its prototype but the constructor.
      if (
        typeof value === "function" &&
        prototype &&
        Object.getOwnPropertyNames(prototype).join() === "constructor"
      )
        return [name, "statics"];
      return [name, typeof value];
    });
    expect(kinds.filter(([, kind]) => !["construct", "error", "statics"].includes(kind))).toEqual([]);
    expect(Object.keys(library)).toEqual(
      expect.arrayContaining(["ApiManagementSource", "ValidationError", "NameRules", "TerraformLiteral"]),
    );
  });
});

describe("the seams", () => {
  it("the app (main.ts, stacks/) reaches the library only by its package name", () => {
    const app = [
      ...importsUnder("stacks"),
      ...[...readFileSync(join(ROOT, "main.ts"), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => ({
        file: "main.ts",
        from: m[1],
      })),
    ];
    expect(app.length).toBeGreaterThan(10);
    expect(app.filter(({ file, from }) => reaches(file, from, "constructs"))).toEqual([]);
  });

  it("the tools reach the library and the app only by their package names", () => {
    const tools = importsUnder("tools/stack-tools");
    expect(tools.some(({ from }) => from === "@apim/stacks")).toBe(true);
    expect(
      tools.filter(({ file, from }) => reaches(file, from, "constructs") || reaches(file, from, "stacks")),
    ).toEqual([]);
  });
});
