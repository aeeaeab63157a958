import { describe, expect, it } from "vitest";
import { lowestOffsets } from "./in-doubt-offsets";

describe("lowestOffsets", () => {
  it("keeps the lower offset of each partition, as numbers, and every topic and partition of either", () => {
    const earlier = { orders: { "0": "900", "1": "15" }, payments: { "0": "7" } };
    const later = { orders: { "0": "1000", "1": "9", "2": "40" }, shipments: { "3": "2" } };
    expect(lowestOffsets(earlier, later)).toEqual({
      orders: { "0": "900", "1": "9", "2": "40" }, payments: { "0": "7" }, shipments: { "3": "2" },
    });
  });
});
