import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { sagaDisplayStatus, type SagaStatus } from "@/lib/projections/saga-status";
import type { SagaListRow } from "./list-sagas";
import { SagaId } from "./saga-filter";

export type SagaStepView = {
  spanId: string;
  traceId: string;
  step: string;
  kind: "action" | "compensation";
  service: string;
  /** ok | error | unset, from the span status. */
  status: string;
  startedAt: Date;
  endedAt: Date;
  error: string | null;
  attempt: number;
};

export type SagaDetail = { saga: SagaListRow & { storedStatus: SagaStatus }; steps: SagaStepView[]; stepsCapped: boolean };

/** A saga's steps are a handful; this bounds a runaway one (a retry loop) so the page stays readable. */
export const SAGA_STEP_CAP = 500;

type SagaRow = {
  id: string; name: string; key: string | null; status: SagaStatus; started_at: Date; last_progress_at: Date; ended_at: Date | null;
  current_step: string | null; failed_step: string | null; error: string | null; step_count: number;
};
type StepRow = {
  span_id: string; trace_id: string; step: string; kind: string; service: string; status: string; started_at: Date; ended_at: Date;
  error: string | null; attempt: number;
};

/** The saga and its steps in time order (by start, then span id, as the projector orders them); null when unknown. */
export async function getSagaDetail(id: string, now: Date = new Date(), stuckThresholdMs: number = getConfig().stuckSagaThresholdMs): Promise<SagaDetail | null> {
  const sagaId = SagaId.parse(id);
  const pool = getPool();
  const [sagas, steps] = await Promise.all([
    pool.query<SagaRow>(
      `SELECT id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count
       FROM sagas WHERE id = $1`, [sagaId]),
    pool.query<StepRow>(
      `SELECT span_id, trace_id, step, kind, service, status, started_at, ended_at, error, attempt
       FROM saga_steps WHERE saga_id = $1 ORDER BY started_at, span_id LIMIT ${String(SAGA_STEP_CAP + 1)}`, [sagaId]),
  ]);
  const row = sagas.rows[0];
  if (!row) return null;
  return {
    saga: {
      id: row.id, name: row.name, key: row.key, storedStatus: row.status,
      status: sagaDisplayStatus({ status: row.status, lastProgressAt: row.last_progress_at }, now, stuckThresholdMs),
      startedAt: row.started_at, lastProgressAt: row.last_progress_at, endedAt: row.ended_at,
      currentStep: row.current_step, failedStep: row.failed_step, error: row.error, stepCount: row.step_count,
    },
    steps: steps.rows.slice(0, SAGA_STEP_CAP).map((step) => ({
      spanId: step.span_id, traceId: step.trace_id, step: step.step, kind: step.kind === "compensation" ? "compensation" : "action",
      service: step.service, status: step.status, startedAt: step.started_at, endedAt: step.ended_at, error: step.error, attempt: step.attempt,
    })),
    stepsCapped: steps.rows.length > SAGA_STEP_CAP,
  };
}
