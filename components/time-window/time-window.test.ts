import { describe, expect, it } from "vitest";
import { parseTimeWindow, withWindow, windowSearchParams } from "./time-window";

const now = new Date("2026-11-28T12:00:00Z");

describe("parseTimeWindow", () => {
  it("defaults to the last hour ending now", () => {
    const parsed = parseTimeWindow({}, now, "UTC");
    expect(parsed).toEqual({ ok: true, window: { range: "1h", from: new Date("2026-11-28T11:00:00Z"), to: now } });
  });

  it("reads each preset", () => {
    const parsed = parseTimeWindow({ range: "6h" }, now, "UTC");
    expect(parsed.ok && parsed.window.from.toISOString()).toBe("2026-11-28T06:00:00.000Z");
  });

  it("reads a custom window's wall-clock times in the zone given", () => {
    const parsed = parseTimeWindow({ range: "custom", from: "2026-11-28T09:00", to: "2026-11-28T10:30", tz: "Europe/Berlin" }, now, "UTC");
    expect(parsed).toEqual({ ok: true, window: { range: "custom", from: new Date("2026-11-28T08:00:00Z"), to: new Date("2026-11-28T09:30:00Z") } });
  });

  it("names the parameter of each problem", () => {
    expect(parseTimeWindow({ range: "2d" }, now, "UTC")).toEqual({ ok: false, problems: [{ param: "range", message: '"2d" is not a range; use 15m, 1h, 6h, 24h or custom' }] });
    const bad = parseTimeWindow({ from: "yesterday" }, now, "UTC");
    expect(bad.ok ? [] : bad.problems.map((p) => p.param)).toEqual(["from"]);
    const backwards = parseTimeWindow({ from: "2026-11-28T11:00Z", to: "2026-11-28T10:00Z" }, now, "UTC");
    expect(backwards.ok ? "" : backwards.problems[0]?.message).toBe("the time range must start before it ends");
    const tooLong = parseTimeWindow({ from: "2026-09-01T00:00Z", to: "2026-11-28T00:00Z" }, now, "UTC");
    expect(tooLong.ok ? "" : tooLong.problems[0]?.message).toBe("the time range may span at most 31 days");
  });
});

describe("window links", () => {
  it("keeps filters, drops paging, and writes custom windows as instants", () => {
    const next = withWindow(new URLSearchParams("status=failed&cursor=abc&range=1h"), { range: "24h" });
    expect(next.toString()).toBe("status=failed&range=24h");
    const custom = windowSearchParams({ range: "custom", from: new Date("2026-11-28T08:00:00Z"), to: new Date("2026-11-28T09:00:00Z") });
    expect(custom.toString()).toBe("range=custom&from=2026-11-28T08%3A00%3A00.000Z&to=2026-11-28T09%3A00%3A00.000Z");
  });
});
