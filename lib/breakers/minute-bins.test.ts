import { describe, expect, it } from "vitest";
import { alignedBinPlan, binPlan, fillBins } from "./minute-bins";

const at = (iso: string) => new Date(iso);

describe("minute bins", () => {
  it("keeps one-minute bins when the window fits", () => {
    expect(binPlan(at("2026-03-14T09:00:20Z"), at("2026-03-14T09:14:59Z"), 60)).toEqual({ origin: at("2026-03-14T09:00:00Z"), binMinutes: 1, count: 15 });
  });

  it("groups a day into at most the bins asked for, covering the minute holding `to`", () => {
    const plan = binPlan(at("2026-03-13T09:00:00Z"), at("2026-03-14T09:00:00Z"), 60);
    expect(plan.binMinutes).toBe(25); // 1,441 minutes / 60, rounded up
    expect(plan.count).toBeLessThanOrEqual(60);
    expect(plan.origin.getTime() + plan.count * plan.binMinutes * 60_000).toBeGreaterThan(at("2026-03-14T09:00:00Z").getTime());
  });

  it("fills missing bins with zeros, adds rows into their bin and drops rows outside", () => {
    const plan = binPlan(at("2026-03-14T09:00:00Z"), at("2026-03-14T09:05:30Z"), 3);
    expect(plan).toEqual({ origin: at("2026-03-14T09:00:00Z"), binMinutes: 2, count: 3 });
    const points = fillBins(plan, [
      { bin: at("2026-03-14T09:02:00Z"), calls: 4, errors: 1 },
      { bin: at("2026-03-14T09:02:00Z"), calls: 1, errors: 1 },
      { bin: at("2026-03-14T10:00:00Z"), calls: 99, errors: 99 },
    ]);
    expect(points).toEqual([
      { at: at("2026-03-14T09:00:00Z").getTime(), calls: 0, errors: 0 },
      { at: at("2026-03-14T09:02:00Z").getTime(), calls: 5, errors: 2 },
      { at: at("2026-03-14T09:04:00Z").getTime(), calls: 0, errors: 0 },
    ]);
  });

  it("aligns long windows' bins to whole ten minutes, so a ten-minute bucket falls in one bin", () => {
    const plan = alignedBinPlan(at("2026-03-13T09:03:30Z"), at("2026-03-14T09:03:30Z"), 60, 10, 120);
    expect(plan).toEqual({ origin: at("2026-03-13T09:00:00Z"), binMinutes: 30, count: 49 });
    expect(alignedBinPlan(at("2026-03-14T06:03:00Z"), at("2026-03-14T12:03:00Z"), 60, 10, 120).binMinutes).toBe(10);
  });

  it("keeps minute bins for short windows", () => {
    expect(alignedBinPlan(at("2026-03-14T09:03:30Z"), at("2026-03-14T10:03:30Z"), 60, 10, 120)).toEqual(binPlan(at("2026-03-14T09:03:30Z"), at("2026-03-14T10:03:30Z"), 60));
  });
});
