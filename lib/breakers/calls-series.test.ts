import { describe, expect, it } from "vitest";
import { callsSeries, withClosingPoint } from "./calls-series";

describe("a breaker's calls series", () => {
  it("folds failures and timeouts together and counts every non-success as an error", () => {
    expect(callsSeries([{ at: 1, success: 6, failure: 1, timeout: 1, rejected: 1, fallback: 1 }])).toEqual([
      { at: 1, success: 6, failed: 2, rejected: 1, fallback: 1, errorPercent: 40 },
    ]);
  });

  it("leaves the error share out of a bin with no calls, rather than drawing 0 %", () => {
    expect(callsSeries([{ at: 2, success: 0, failure: 0, timeout: 0, rejected: 0, fallback: 0 }])[0]?.errorPercent).toBeNull();
  });

  it("closes the last bin with a point at its end, so a step chart gives it its width", () => {
    const points = callsSeries([{ at: 0, success: 1, failure: 0, timeout: 0, rejected: 0, fallback: 0 }, { at: 60_000, success: 0, failure: 2, timeout: 0, rejected: 0, fallback: 0 }]);
    expect(withClosingPoint(points, 60_000).map((p) => [p.at, p.failed])).toEqual([[0, 0], [60_000, 2], [120_000, 2]]);
    expect(withClosingPoint([], 60_000)).toEqual([]);
  });
});
