import { Construct } from "constructs";
import * as library from "../constructs";

describe("the package's exports", () => {
  it("are constructs and the error they throw, nothing else (props are types, helpers stay private)", () => {
    const kinds = Object.entries(library).map(([name, value]) => {
      const prototype = (value as { prototype?: unknown }).prototype;
      if (prototype instanceof Construct) return [name, "construct"];
      if (prototype instanceof Error) return [name, "error"];
      return [name, typeof value];
    });
    expect(kinds).toEqual(kinds.map(([name, kind]) => [name, kind === "error" ? "error" : "construct"]));
    expect(Object.keys(library)).toEqual(expect.arrayContaining(["ApiManagementSource", "ValidationError"]));
  });
});
