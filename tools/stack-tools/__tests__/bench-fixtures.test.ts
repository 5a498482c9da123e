import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  generatedEnvironmentNames,
  stackShape,
  writeEnvironments,
  writeTrivialJestSuite,
} from "../src/bench-fixtures";

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
