import { describe, expect, it } from "vitest";
import { sagaDisplayStatus } from "./saga-status";
import { dateAt } from "./testing/span-builder";

const THRESHOLD_MS = 60_000;

describe("sagaDisplayStatus", () => {
  it("marks a running saga stuck only once it is past the threshold", () => {
    const saga = { status: "started" as const, lastProgressAt: dateAt(0) };
    expect(sagaDisplayStatus(saga, dateAt(THRESHOLD_MS), THRESHOLD_MS)).toBe("started");
    expect(sagaDisplayStatus(saga, dateAt(THRESHOLD_MS + 1), THRESHOLD_MS)).toBe("stuck");
    expect(sagaDisplayStatus({ ...saga, status: "compensating" }, dateAt(THRESHOLD_MS + 1), THRESHOLD_MS)).toBe("stuck");
  });

  it("never marks an ended saga stuck", () => {
    for (const status of ["completed", "compensated", "failed"] as const) {
      expect(sagaDisplayStatus({ status, lastProgressAt: dateAt(0) }, dateAt(10 * THRESHOLD_MS), THRESHOLD_MS)).toBe(status);
    }
  });

  it("does not mark a saga stuck when the clock is behind its last progress", () => {
    expect(sagaDisplayStatus({ status: "started", lastProgressAt: dateAt(5_000) }, dateAt(0), THRESHOLD_MS)).toBe("started");
  });
});
