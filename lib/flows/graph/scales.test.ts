import { describe, expect, it } from "vitest";
import { BAD_ERROR_RATE, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH, edgeHealth, edgeWidth, formatRate } from "./scales";

describe("edgeWidth", () => {
  it("grows with the rate on a log scale and stays within bounds", () => {
    expect(edgeWidth(0)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(-1)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(Number.NaN)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(1)).toBeCloseTo(3.08, 1);
    expect(edgeWidth(10)).toBeCloseTo(5, 1);
    expect(edgeWidth(100)).toBeCloseTo(7, 1);
    expect(edgeWidth(1e9)).toBe(MAX_EDGE_WIDTH);
    const rates = [0.01, 0.1, 1, 10, 100, 1000];
    const widths = rates.map(edgeWidth);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
    expect(new Set(widths).size).toBe(rates.length);
  });
});

describe("edgeHealth", () => {
  it("is idle with no messages, ok with no errors, amber below the bad rate and red from it", () => {
    expect(edgeHealth(0, 0)).toBe("idle");
    expect(edgeHealth(100, 0)).toBe("ok");
    expect(edgeHealth(1000, 1)).toBe("warn");
    expect(edgeHealth(100, 100 * BAD_ERROR_RATE - 1)).toBe("warn");
    expect(edgeHealth(100, 100 * BAD_ERROR_RATE)).toBe("bad");
    expect(edgeHealth(0, 3)).toBe("bad");
  });
});

describe("formatRate", () => {
  it("keeps labels short", () => {
    expect(formatRate(0)).toBe("0/s");
    expect(formatRate(0.001)).toBe("<0.01/s");
    expect(formatRate(0.5)).toBe("0.5/s");
    expect(formatRate(2)).toBe("2/s");
    expect(formatRate(12.34)).toBe("12.3/s");
    expect(formatRate(1240.4)).toBe("1,240/s");
  });
});
