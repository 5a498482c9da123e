import { TerraformStack, Testing } from "cdktf";

/**
 * Every value of a synthesized stack by its path (`resource.<type>.<name>.<attribute>...`), each
 * resource and data source named by its construct path under `root` (`transport_deploy-destination`)
 * rather than cdktf's hashed logical ID, so that paths read as what they are.
 */
export function stackValues(stack: TerraformStack, root: string): Map<string, unknown> {
  const json = JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
  const values = new Map<string, unknown>();
  const prefix = `${root}_`;
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object") return void values.set(path, value);
    for (const [key, inner] of Object.entries(value)) {
      if (key === "//") continue;
      const name = /^(resource|data)\.[a-z_]+$/.test(path)
        ? key.replace(prefix, "").replace(/_[0-9A-F]{8}$/, "")
        : key;
      walk(inner, path === "" ? name : `${path}.${name}`);
    }
  };
  walk(json, "");
  return values;
}

/** The paths whose values differ between two stacks' values, with the value in `after` (undefined: gone). */
export function stackDifference(
  before: Map<string, unknown>,
  after: Map<string, unknown>,
): Record<string, unknown> {
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter(
    (path) => before.get(path) !== after.get(path),
  );
  return Object.fromEntries(paths.sort().map((path) => [path, after.get(path)]));
}
