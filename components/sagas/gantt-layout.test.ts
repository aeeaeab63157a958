import { describe, expect, it } from "vitest";
import { axisTicks, layoutGantt, MIN_BAR_PCT, tickInterval, type GanttStep } from "./gantt-layout";

const t0 = Date.parse("2026-11-28T10:00:00Z");
const at = (ms: number) => new Date(t0 + ms);
let n = 0;
function step(name: string, startMs: number, endMs: number, over: Partial<GanttStep> = {}): GanttStep {
  n += 1;
  return {
    spanId: `span${String(n).padStart(12, "0")}`, traceId: "t".repeat(32), step: name, kind: "action", service: "svc", status: "ok",
    startedAt: at(startMs), endedAt: at(endMs), error: null, attempt: 1, ...over,
  };
}

describe("layoutGantt", () => {
  const steps = [
    step("reserve-inventory", 0, 200),
    step("charge-payment", 200, 400, { status: "error", error: "gateway down", attempt: 1 }),
    step("charge-payment", 500, 700, { status: "error", error: "card declined", attempt: 2 }),
    step("release-inventory", 800, 1000, { kind: "compensation" }),
  ];
  const layout = layoutGantt(steps, { startedAt: at(0), endedAt: at(1000), lastProgressAt: at(1000) });

  it("places each step on one shared axis in percent of the saga's span", () => {
    const rows = layout.lanes.flatMap((lane) => lane.rows);
    expect(rows.map((r) => [r.step, r.leftPct, r.widthPct])).toEqual([
      ["reserve-inventory", 0, 20], ["charge-payment", 20, 20], ["charge-payment", 50, 20], ["release-inventory", 80, 20],
    ]);
    expect(layout.spanMs).toBe(1000);
  });

  it("draws compensations in a lane apart from actions", () => {
    expect(layout.lanes.map((lane) => [lane.kind, lane.rows.map((r) => r.step)])).toEqual([
      ["action", ["reserve-inventory", "charge-payment", "charge-payment"]],
      ["compensation", ["release-inventory"]],
    ]);
  });

  it("counts retries as attempts of one step and marks the latest failing attempt as the saga's failure", () => {
    const charges = layout.lanes[0]?.rows.filter((r) => r.step === "charge-payment") ?? [];
    expect(charges.map((r) => [r.attempt, r.attempts, r.failed, r.sagaFailure])).toEqual([[1, 2, true, false], [2, 2, true, true]]);
    expect(layout.lanes[0]?.rows[0]?.attempts).toBe(1);
  });

  it("widens the axis to a step that ends after the saga's recorded end, and keeps tiny steps visible", () => {
    const wide = layoutGantt([step("a", 0, 0), step("b", 1000, 3000)], { startedAt: at(0), endedAt: at(2000), lastProgressAt: at(2000) });
    const [a, b] = wide.lanes[0]?.rows ?? [];
    expect(wide.spanMs).toBe(3000);
    expect(a?.widthPct).toBe(MIN_BAR_PCT);
    expect(b?.leftPct).toBeCloseTo(33.333, 2);
    expect(b?.widthPct).toBeCloseTo(66.667, 2);
  });

  it("runs to the last progress while the saga has not ended, and survives a saga of one instant", () => {
    expect(layoutGantt([], { startedAt: at(0), endedAt: null, lastProgressAt: at(4000) }).spanMs).toBe(4000);
    const instant = layoutGantt([step("x", 0, 0)], { startedAt: at(0), endedAt: at(0), lastProgressAt: at(0) });
    expect(instant.spanMs).toBe(1);
    expect(instant.lanes[0]?.rows[0]?.leftPct).toBe(0);
  });

  it("keeps a bar at the axis end inside the track", () => {
    const late = layoutGantt([step("z", 1000, 1000)], { startedAt: at(0), endedAt: at(1000), lastProgressAt: at(1000) });
    const row = late.lanes[0]?.rows[0];
    expect((row?.leftPct ?? 0) + (row?.widthPct ?? 0)).toBeLessThanOrEqual(100);
  });
});

describe("axis ticks", () => {
  it("picks 1, 2 or 5 times a power of ten", () => {
    expect([0.3, 1, 3, 7, 180, 1_000, 2_400].map(tickInterval)).toEqual([1, 1, 5, 10, 200, 1_000, 5_000]);
  });

  it("starts at zero and never passes the axis end", () => {
    const ticks = axisTicks(1_000);
    expect(ticks.map((t) => t.offsetMs)).toEqual([0, 200, 400, 600, 800, 1_000]);
    expect(ticks.at(-1)?.pct).toBe(100);
    expect(axisTicks(1_234).every((t) => t.pct <= 100)).toBe(true);
  });
});
