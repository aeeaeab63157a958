import { describe, expect, it } from "vitest";
import { minuteSeries, seriesStart } from "./minute-series";

const end = new Date("2026-11-28T10:30:42.500Z");

describe("minuteSeries", () => {
  it("ends with the minute holding `end` and starts 59 minutes before it", () => {
    expect(seriesStart(end).toISOString()).toBe("2026-11-28T09:31:00.000Z");
    expect(minuteSeries([], end)).toEqual(new Array(60).fill(0));
  });

  it("puts each bucket at its minute, fills the gaps with 0 and ignores buckets outside the hour", () => {
    const series = minuteSeries([
      { minute: new Date("2026-11-28T09:31:00Z"), count: 4 },
      { minute: new Date("2026-11-28T10:30:00Z"), count: 7 },
      { minute: new Date("2026-11-28T10:00:00Z"), count: 2 },
      { minute: new Date("2026-11-28T09:30:00Z"), count: 99 },
      { minute: new Date("2026-11-28T10:31:00Z"), count: 99 },
    ], end);
    expect(series).toHaveLength(60);
    expect(series[0]).toBe(4);
    expect(series[29]).toBe(2);
    expect(series[59]).toBe(7);
    expect(series.reduce((a, b) => a + b, 0)).toBe(13);
  });

  it("adds buckets that fall in the same minute", () => {
    const minute = new Date("2026-11-28T10:29:00Z");
    expect(minuteSeries([{ minute, count: 1 }, { minute, count: 2 }], end, 5)).toEqual([0, 0, 0, 3, 0]);
  });
});
