import { childCpuSeconds, markdownTable, median, summary, verdict } from "../src/bench-stats";

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
