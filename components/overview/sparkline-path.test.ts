import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline-path";

describe("sparklinePath", () => {
  it("draws nothing for no data", () => {
    expect(sparklinePath([], 100, 20)).toBe("");
  });

  it("spreads points across the width, the largest count at the top and 0 at the bottom", () => {
    expect(sparklinePath([0, 5, 10], 102, 22)).toBe("M1 21 L51 11 L101 1");
  });

  it("keeps an all-zero series as a flat line on the bottom edge", () => {
    expect(sparklinePath([0, 0, 0], 102, 22)).toBe("M1 21 L51 21 L101 21");
  });
});
