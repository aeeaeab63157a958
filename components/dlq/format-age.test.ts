import { describe, expect, it } from "vitest";
import { formatAge } from "./format-age";

describe("formatAge", () => {
  it.each([
    [0, "0 s"], [59_999, "59 s"], [60_000, "1 min"], [3_599_000, "59 min"], [3_600_000, "1 h"], [5_400_000, "1 h 30 min"],
    [86_400_000, "1 d"], [90_000_000, "1 d 1 h"], [-5, "—"], [Number.NaN, "—"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
