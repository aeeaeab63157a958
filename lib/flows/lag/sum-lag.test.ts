import { describe, expect, it } from "vitest";
import { sumLag } from "./sum-lag";

describe("sumLag", () => {
  const highs = [{ partition: 0, high: "100" }, { partition: 1, high: "50" }, { partition: 2, high: "7" }];

  it("sums high minus committed over the partitions", () => {
    expect(sumLag(highs, [{ partition: 0, offset: "90" }, { partition: 1, offset: "50" }, { partition: 2, offset: "0" }])).toBe(17);
  });

  it("skips partitions with no commit and never counts a commit past the high watermark as negative", () => {
    expect(sumLag(highs, [{ partition: 0, offset: "-1" }, { partition: 1, offset: "60" }, { partition: 2, offset: "5" }])).toBe(2);
  });

  it("is unknown when the group committed nothing on the topic", () => {
    expect(sumLag(highs, [{ partition: 0, offset: "-1" }])).toBeNull();
    expect(sumLag(highs, [])).toBeNull();
    expect(sumLag([], [{ partition: 0, offset: "3" }])).toBeNull();
  });
});
