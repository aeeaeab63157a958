import "server-only";
import { getConfig } from "@/lib/config";
import { countSagasByStatus, listSagas, type SagaListRow, type SagaStatusCounts } from "@/lib/sagas/queries";
import type { SagaDisplayStatus } from "@/lib/sagas/queries/saga-filter";

/** The statuses the overview reports: the ones where a saga went wrong or is going wrong. */
export const FAILING_SAGA_STATUSES = ["failed", "stuck", "compensating", "compensated"] as const satisfies readonly SagaDisplayStatus[];
export type FailingSagaStatus = (typeof FAILING_SAGA_STATUSES)[number];

export type FailingSagas = {
  counts: Pick<SagaStatusCounts, FailingSagaStatus>;
  /** The few most recent of those sagas, newest first. */
  recent: SagaListRow[];
  stuckThresholdMs: number;
};

export const RECENT_SAGA_LIMIT = 6;

/**
 * Counts of failed, stuck, compensating and compensated sagas started in the window, and the newest few
 * of them: the sagas list's own capped counts and keyset pages (one short index range per status).
 */
export async function failingSagas(window: { from: Date; to: Date }, now: Date, limit = RECENT_SAGA_LIMIT): Promise<FailingSagas> {
  const threshold = getConfig().stuckSagaThresholdMs;
  const filter = { from: window.from, to: window.to };
  const [counts, ...pages] = await Promise.all([
    countSagasByStatus(filter, now, threshold),
    ...FAILING_SAGA_STATUSES.map((status) => listSagas({ ...filter, status, limit }, now, threshold)),
  ]);
  const recent = pages.flatMap((page) => page.sagas)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
  return {
    counts: { failed: counts.failed, stuck: counts.stuck, compensating: counts.compensating, compensated: counts.compensated },
    recent,
    stuckThresholdMs: threshold,
  };
}
