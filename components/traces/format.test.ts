import { describe, expect, it } from "vitest";
import { formatDurationUs } from "./format";

describe("formatDurationUs", () => {
  it.each([
    [0, "0 µs"],
    [3.456, "3.46 µs"],
    [850, "850 µs"],
    [1_500, "1.5 ms"],
    [12_345, "12.3 ms"],
    [999_000, "999 ms"],
    [1_250_000, "1.25 s"],
    [42_000_000, "42 s"],
    [125_000_000, "2m 5s"],
    [7_380_000_000, "2h 3m"],
    [-1, "–"],
  ])("%d µs → %s", (us, text) => {
    expect(formatDurationUs(us)).toBe(text);
  });
});
