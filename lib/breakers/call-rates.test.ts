import { describe, expect, it } from "vitest";
import { callRate, formatPercent, formatPerMinute, isErrorOutcome, rollingSpan } from "./call-rates";

describe("rolling call rates", () => {
  it("reads the five minute buckets ending with the one holding `to`, measured to `to`", () => {
    const to = new Date("2026-03-14T09:30:30Z");
    const span = rollingSpan(to, 5);
    expect(span.firstMinute.toISOString()).toBe("2026-03-14T09:26:00.000Z");
    expect(span.seconds).toBe(4 * 60 + 30);
  });

  it("on a minute boundary covers four whole minutes and never less than a second", () => {
    expect(rollingSpan(new Date("2026-03-14T09:30:00Z"), 5).seconds).toBe(240);
    expect(rollingSpan(new Date("2026-03-14T09:30:00Z"), 1).seconds).toBe(1);
  });

  it("turns counts into calls per minute and an error share", () => {
    expect(callRate({ calls: 90, errors: 9 }, 270)).toEqual({ callsPerMinute: 20, errorPercent: 10 });
    expect(callRate({ calls: 3, errors: 3 }, 60)).toEqual({ callsPerMinute: 3, errorPercent: 100 });
  });

  it("has no error share without calls", () => {
    expect(callRate({ calls: 0, errors: 0 }, 300)).toEqual({ callsPerMinute: 0, errorPercent: null });
    expect(formatPercent(null)).toBe("—");
  });

  it("counts every outcome but success as an error, as the caller saw it", () => {
    expect(["success", "failure", "timeout", "rejected", "fallback"].filter(isErrorOutcome)).toEqual(["failure", "timeout", "rejected", "fallback"]);
  });

  it("formats rates and shares for a table", () => {
    expect(formatPerMinute(0)).toBe("0/min");
    expect(formatPerMinute(0.24)).toBe("0.2/min");
    expect(formatPerMinute(1249.6)).toBe("1,250/min");
    expect(formatPercent(2.345)).toBe("2.3 %");
    expect(formatPercent(0)).toBe("0 %");
    expect(formatPercent(66.6)).toBe("67 %");
  });
});
