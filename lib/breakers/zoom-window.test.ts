import { describe, expect, it } from "vitest";
import { zoomToChanges } from "./zoom-window";

const to = new Date("2026-03-14T10:00:00Z");
const from = new Date("2026-03-14T09:45:00Z");
const before = (s: number) => new Date(to.getTime() - s * 1000);

describe("zooming to a breaker's changes", () => {
  it("starts a minute before the first change when the changes sit in the last tenth of the range", () => {
    expect(zoomToChanges(before(10), from, to)).toEqual({ from: before(70), to });
  });

  it("offers nothing when the changes already spread over the range, or there are none", () => {
    expect(zoomToChanges(before(600), from, to)).toBeNull();
    expect(zoomToChanges(undefined, from, to)).toBeNull();
  });
});
