import { describe, expect, it } from "vitest";
import { parseTimeInput, toWallTime } from "./wall-time";

describe("parseTimeInput", () => {
  it("reads a wall-clock time in the given zone", () => {
    expect(parseTimeInput("2026-03-14T09:30", "UTC")?.toISOString()).toBe("2026-03-14T09:30:00.000Z");
    expect(parseTimeInput("2026-03-14T09:30:15", "Europe/Berlin")?.toISOString()).toBe("2026-03-14T08:30:15.000Z");
    expect(parseTimeInput("2026-07-14 09:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-14T07:30:00.000Z");
    expect(parseTimeInput("2026-03-14T09:30", "America/New_York")?.toISOString()).toBe("2026-03-14T13:30:00.000Z");
  });

  it("reads an ISO time with a zone as it is, whatever the zone given", () => {
    expect(parseTimeInput("2026-03-14T09:30:00.250Z", "Europe/Berlin")?.toISOString()).toBe("2026-03-14T09:30:00.250Z");
    expect(parseTimeInput("2026-03-14T09:30:00+02:00", "UTC")?.toISOString()).toBe("2026-03-14T07:30:00.000Z");
  });

  it("refuses what is not a time", () => {
    expect(parseTimeInput("yesterday", "UTC")).toBeNull();
    expect(parseTimeInput("2026-02-30T10:00", "UTC")).toBeNull();
    expect(parseTimeInput("", "UTC")).toBeNull();
  });
});

describe("toWallTime", () => {
  it("is the inverse of parseTimeInput", () => {
    const date = new Date("2026-10-24T00:45:00.000Z");
    for (const zone of ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles"]) {
      expect(parseTimeInput(toWallTime(date, zone), zone)?.toISOString()).toBe(date.toISOString());
    }
  });
});
