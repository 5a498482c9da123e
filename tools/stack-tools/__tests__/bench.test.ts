import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  generatedEnvironmentNames,
  stackShape,
  writeEnvironments,
  writeTrivialJestSuite,
} from "../src/bench-fixtures";
import { childCpuSeconds, markdownTable, median, summary, verdict } from "../src/bench-stats";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "bench-fixtures-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("generated environments have the names the bench expects", () => {
  const file = join(dir, "environments.json");
  writeEnvironments(file, 3);
  const written = JSON.parse(readFileSync(file, "utf8")) as { environments: object };
  expect(Object.keys(written.environments)).toEqual(["env01", "env02", "env03"]);
  expect(generatedEnvironmentNames(3)).toEqual(["env01", "env02", "env03"]);
  expect(generatedEnvironmentNames(100)[99]).toBe("env100");
});

test("stackShape counts a data source in a check block as one at the top level", () => {
  const write = (name: string, stack: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(stack));
    return file;
  };
  const project = write("project.json", {
    provider: { btp: [{ globalaccount: "g" }], http: [{}] },
    resource: { terraform_data: { a: {} }, btp_subaccount_entitlement: { b: {} } },
    check: { one: { data: { http: { x: {} } } }, two: { data: { http: { y: {} } } } },
    output: { o: { value: 1 } },
  });
  const bare = write("bare.json", {
    provider: { http: [{}], btp: [{ globalaccount: "other" }] },
    resource: { btp_subaccount_entitlement: { e: {} }, terraform_data: { t: {} } },
    data: { http: { token: {}, transport: {} } },
  });
  expect(stackShape(project)).toEqual(stackShape(bare));
  expect(stackShape(bare)).toEqual([
    "data http × 2",
    "provider btp × 1",
    "provider http × 1",
    "resource btp_subaccount_entitlement × 1",
    "resource terraform_data × 1",
  ]);
});

test("the trivial jest suite keeps the project's root folder and selects only its own test", () => {
  const config = writeTrivialJestSuite(dir, "/project");
  expect(readFileSync(join(dir, "trivial.test.ts"), "utf8")).toContain("expect(1).toBe(1)");
  const text = readFileSync(config, "utf8");
  expect(text).toContain('require("/project/jest.config.js")');
  expect(text).toContain('rootDir: "/project"');
  expect(text).toContain(`roots: [${JSON.stringify(dir)}]`);
});

describe("bench-stats", () => {
  test("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow("median of nothing");
  });

  test("summary is the median with min–max", () => {
    expect(summary([1.234, 0.5, 2])).toBe("1.23 (0.50–2.00)");
  });

  test("childCpuSeconds adds the children's user and system times, not the shell's own", () => {
    // dash
    expect(childCpuSeconds("0m0.010000s 0m0.020000s\n1m2.500000s 0m0.250000s\n")).toBeCloseTo(62.75);
    // bash, in a locale with a decimal comma
    expect(childCpuSeconds("0m0,001s 0m0,000s\n0m1,500s 0m0,500s\n")).toBeCloseTo(2);
    expect(() => childCpuSeconds("")).toThrow("cannot read");
  });

  test("markdownTable escapes pipes; verdict passes at the limit", () => {
    expect(markdownTable(["a", "b"], [["x|y", "z"]])).toBe("| a | b |\n| --- | --- |\n| x\\|y | z |");
    expect(verdict(1.05, 1.05)).toBe("PASS");
    expect(verdict(1.06, 1.05)).toBe("FAIL");
  });
});
