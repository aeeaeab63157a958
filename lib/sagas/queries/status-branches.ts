// How a displayed status maps onto stored rows. Stored statuses never say "stuck": a running saga is
// stuck when its last progress is older than the threshold, so each displayed status is one or two
// (stored status, progress) branches, each of which one index range answers.
import type { SagaDisplayStatus, SagaStatusFilter } from "./saga-filter";

export type Progress = "fresh" | "stale" | "any";
export type StatusBranch = { status: string; progress: Progress };

const BRANCHES: Record<SagaDisplayStatus, StatusBranch[]> = {
  failed: [{ status: "failed", progress: "any" }],
  stuck: [{ status: "started", progress: "stale" }, { status: "compensating", progress: "stale" }],
  compensating: [{ status: "compensating", progress: "fresh" }],
  compensated: [{ status: "compensated", progress: "any" }],
  started: [{ status: "started", progress: "fresh" }],
  completed: [{ status: "completed", progress: "any" }],
};

/** The branches of a displayed status; null for "any", which needs no status condition at all. */
export function statusBranches(filter: SagaStatusFilter): StatusBranch[] | null {
  return filter === "any" ? null : BRANCHES[filter];
}
