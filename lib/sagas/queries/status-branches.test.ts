import { describe, expect, it } from "vitest";
import { SAGA_DISPLAY_STATUSES } from "./saga-filter";
import { statusBranches } from "./status-branches";

describe("statusBranches", () => {
  it("splits running sagas into fresh (their own status) and stale (stuck)", () => {
    expect(statusBranches("stuck")).toEqual([{ status: "started", progress: "stale" }, { status: "compensating", progress: "stale" }]);
    expect(statusBranches("started")).toEqual([{ status: "started", progress: "fresh" }]);
    expect(statusBranches("compensating")).toEqual([{ status: "compensating", progress: "fresh" }]);
  });

  it("reads ended sagas by status alone, and needs no condition for any", () => {
    expect(statusBranches("failed")).toEqual([{ status: "failed", progress: "any" }]);
    expect(statusBranches("any")).toBeNull();
  });

  it("covers every stored status exactly once per progress, so the chips add up to All", () => {
    const covered = SAGA_DISPLAY_STATUSES.flatMap((s) => statusBranches(s) ?? []).map((b) => `${b.status}:${b.progress}`).sort();
    expect(covered).toEqual([
      "compensated:any", "compensating:fresh", "compensating:stale", "completed:any", "failed:any", "started:fresh", "started:stale",
    ]);
  });
});
