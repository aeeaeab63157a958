import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { SAGA_COUNT_CAP, SAGA_DISPLAY_STATUSES, SagaListFilter, type SagaDisplayStatus, type SagaListFilterInput } from "./saga-filter";
import { branchConditions, commonConditions, Params } from "./sql-conditions";
import { statusBranches } from "./status-branches";

/** How many sagas have each status; `capped` when there are more than the count shows. */
export type SagaStatusCounts = Record<SagaDisplayStatus, { count: number; capped: boolean }>;

/**
 * Sagas per displayed status for the window and filters (the status filter itself is ignored: the
 * chips show every status). Each branch is one index range read at most SAGA_COUNT_CAP entries deep,
 * so a month of a busy system costs the same as a quiet hour.
 */
export async function countSagasByStatus(
  input: Omit<SagaListFilterInput, "status" | "cursor" | "limit">,
  now: Date = new Date(),
  stuckThresholdMs: number = getConfig().stuckSagaThresholdMs,
  cap: number = SAGA_COUNT_CAP,
): Promise<SagaStatusCounts> {
  const filter = SagaListFilter.parse(input);
  const params = new Params();
  const staleBefore = params.add(new Date(now.getTime() - stuckThresholdMs));
  const common = commonConditions(filter, params);
  const limit = String(cap + 1);
  const columns = SAGA_DISPLAY_STATUSES.flatMap((display) => (statusBranches(display) ?? []).map((branch, i) =>
    `(SELECT count(*)::int FROM (SELECT 1 FROM sagas WHERE ${[...branchConditions(branch, staleBefore, params), ...common].join(" AND ")} LIMIT ${limit}) AS b) AS "${display}_${String(i)}"`));
  const { rows } = await getPool().query<Record<string, number>>(`SELECT ${columns.join(", ")}`, params.values);
  const row = rows[0] ?? {};
  const counts = {} as SagaStatusCounts;
  for (const display of SAGA_DISPLAY_STATUSES) {
    const parts = (statusBranches(display) ?? []).map((_, i) => row[`${display}_${String(i)}`] ?? 0);
    const total = parts.reduce((a, b) => a + b, 0);
    counts[display] = { count: Math.min(total, cap), capped: parts.some((n) => n > cap) || total > cap };
  }
  return counts;
}
