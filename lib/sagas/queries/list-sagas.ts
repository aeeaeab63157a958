import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { sagaDisplayStatus, type SagaStatus } from "@/lib/projections/saga-status";
import { encodeSagaCursor, SagaListFilter, type SagaDisplayStatus, type SagaListFilterInput } from "./saga-filter";
import { branchConditions, commonConditions, microsToTimestamp, Params } from "./sql-conditions";
import { statusBranches } from "./status-branches";

export type SagaListRow = {
  id: string;
  name: string;
  key: string | null;
  status: SagaDisplayStatus;
  startedAt: Date;
  lastProgressAt: Date;
  endedAt: Date | null;
  currentStep: string | null;
  failedStep: string | null;
  error: string | null;
  stepCount: number;
};

export type SagaListPage = { sagas: SagaListRow[]; nextCursor: string | null };

type Row = {
  id: string; name: string; key: string | null; status: SagaStatus; started_at: Date; last_progress_at: Date; ended_at: Date | null;
  current_step: string | null; failed_step: string | null; error: string | null; step_count: number; started_micros: string;
};

const COLUMNS = `id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, left(error, 300) AS error,
  step_count, (extract(epoch FROM started_at) * 1000000)::bigint::text AS started_micros`;

/**
 * One page of sagas, newest first, by keyset on (started_at, id): every page costs the same. A status
 * made of several stored statuses (stuck) is a UNION ALL of ordered index scans, merged and cut.
 */
export async function listSagas(input: SagaListFilterInput, now: Date = new Date(), stuckThresholdMs: number = getConfig().stuckSagaThresholdMs): Promise<SagaListPage> {
  const filter = SagaListFilter.parse(input);
  const params = new Params();
  const common = commonConditions(filter, params);
  if (filter.cursor) {
    common.push(`(started_at, id) < (${microsToTimestamp(params.add(filter.cursor.startMicros))}, ${params.add(filter.cursor.id)})`);
  }
  const limit = filter.limit + 1;
  const order = `ORDER BY started_at DESC, id DESC LIMIT ${String(limit)}`;
  const branches = statusBranches(filter.status);
  let sql: string;
  if (branches === null) {
    sql = `SELECT ${COLUMNS} FROM sagas WHERE ${common.join(" AND ")} ${order}`;
  } else {
    // Only a branch that tells fresh from stale gets the cutoff: an unused parameter has no type for Postgres.
    const staleBefore = branches.some((b) => b.progress !== "any") ? params.add(new Date(now.getTime() - stuckThresholdMs)) : "";
    const parts = branches.map((branch) => `(SELECT ${COLUMNS} FROM sagas WHERE ${[...branchConditions(branch, staleBefore, params), ...common].join(" AND ")} ${order})`);
    sql = parts.length === 1 ? (parts[0] ?? "") : `SELECT * FROM (${parts.join(" UNION ALL ")}) AS merged ${order}`;
  }
  const { rows } = await getPool().query<Row>(sql, params.values);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    sagas: page.map((row) => ({
      id: row.id, name: row.name, key: row.key,
      status: sagaDisplayStatus({ status: row.status, lastProgressAt: row.last_progress_at }, now, stuckThresholdMs),
      startedAt: row.started_at, lastProgressAt: row.last_progress_at, endedAt: row.ended_at,
      currentStep: row.current_step, failedStep: row.failed_step, error: row.error, stepCount: row.step_count,
    })),
    nextCursor: rows.length > filter.limit && last ? encodeSagaCursor({ startMicros: last.started_micros, id: last.id }) : null,
  };
}
