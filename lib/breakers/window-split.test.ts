import { describe, expect, it } from "vitest";
import { splitWindow } from "./window-split";

const at = (iso: string) => new Date(iso);
const minutesOf = (s: ReturnType<typeof splitWindow>) => {
  // Every minute start the window holds, each attributed to exactly one source.
  const read: string[] = [];
  for (let t = s.firstMinute.getTime(); t <= s.lastMinute.getTime(); t += 60_000) {
    const inBuckets = t >= s.bucketsFrom.getTime() && t < s.bucketsTo.getTime();
    const inMinutes = t < s.bucketsFrom.getTime() || t >= s.bucketsTo.getTime();
    read.push(inBuckets === inMinutes ? "twice-or-never" : inBuckets ? "bucket" : "minute");
  }
  return read;
};

describe("splitting a window into minutes and ten-minute buckets", () => {
  it("reads whole buckets inside and minutes at both ragged edges", () => {
    const split = splitWindow(at("2026-03-14T09:03:20Z"), at("2026-03-14T11:27:05Z"));
    expect(split).toEqual({
      firstMinute: at("2026-03-14T09:03:00Z"), bucketsFrom: at("2026-03-14T09:10:00Z"),
      bucketsTo: at("2026-03-14T11:20:00Z"), lastMinute: at("2026-03-14T11:27:00Z"),
    });
    const read = minutesOf(split);
    expect(read).not.toContain("twice-or-never");
    expect(read.filter((r) => r === "minute")).toHaveLength(7 + 8);
  });

  it("takes the last bucket when the window ends on its last minute", () => {
    const split = splitWindow(at("2026-03-14T09:00:00Z"), at("2026-03-14T09:19:59Z"));
    expect([split.bucketsFrom, split.bucketsTo]).toEqual([at("2026-03-14T09:00:00Z"), at("2026-03-14T09:20:00Z")]);
  });

  it("reads only minutes when no whole bucket fits", () => {
    const split = splitWindow(at("2026-03-14T09:03:00Z"), at("2026-03-14T09:12:00Z"));
    expect(split.bucketsFrom).toEqual(split.bucketsTo);
    expect(minutesOf(split).every((r) => r === "minute")).toBe(true);
  });
});
