import { describe, expect, it } from "vitest";
import { recordAndCompare, spansPerSecond } from "./ingest-rate";

const now = new Date("2026-11-28T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("spansPerSecond", () => {
  it("is 0 with no span in the last minute", () => {
    expect(spansPerSecond({ count: 0, oldest: null, sampleCap: 5000, windowMs: 60_000 }, now)).toBe(0);
  });

  it("divides by the whole minute when the sample was not cut", () => {
    expect(spansPerSecond({ count: 120, oldest: ago(50_000), sampleCap: 5000, windowMs: 60_000 }, now)).toBe(2);
  });

  it("divides a cut sample by the time its spans cover", () => {
    expect(spansPerSecond({ count: 5000, oldest: ago(10_000), sampleCap: 5000, windowMs: 60_000 }, now)).toBe(500);
  });

  it("counts a cut sample of one batch over at least a second", () => {
    expect(spansPerSecond({ count: 5000, oldest: now, sampleCap: 5000, windowMs: 60_000 }, now)).toBe(5000);
  });
});

describe("recordAndCompare", () => {
  it("has nothing to compare on the first reading", () => {
    const first = recordAndCompare([], { at: 0, rejected: 3 });
    expect(first.recent).toBeNull();
    expect(first.history).toEqual([{ at: 0, rejected: 3 }]);
  });

  it("reports the growth since the oldest reading of the last ten minutes", () => {
    let state = recordAndCompare([], { at: 0, rejected: 3 });
    state = recordAndCompare(state.history, { at: 10_000, rejected: 5 });
    expect(state.recent).toBe(2);
    state = recordAndCompare(state.history, { at: 605_000, rejected: 9 });
    // The reading at 0 is older than ten minutes: compared with the one at 10 s.
    expect(state.recent).toBe(4);
    expect(state.history.map((s) => s.at)).toEqual([10_000, 605_000]);
  });

  it("keeps at most one reading per 5 s, so a burst of page views cannot grow the history", () => {
    let state = recordAndCompare([], { at: 0, rejected: 0 });
    for (let at = 1_000; at < 5_000; at += 1_000) state = recordAndCompare(state.history, { at, rejected: 1 });
    expect(state.history).toHaveLength(1);
    expect(state.recent).toBe(1);
  });
});
