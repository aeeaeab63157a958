import type { PoolClient } from "pg";
import type { SagaRow, SagaStepRow } from "@/lib/projections";

/** Writes whole saga rows with their merge state, one statement for the batch. */
export async function upsertSagas(client: PoolClient, sagas: readonly { row: SagaRow; state: string | null }[]): Promise<void> {
  if (sagas.length === 0) return;
  const rows = sagas.map((s) => s.row);
  await client.query(
    `INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count, merge_state, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
       $8::text[], $9::text[], $10::text[], $11::int[], $12::jsonb[])
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, key = EXCLUDED.key, status = EXCLUDED.status, started_at = EXCLUDED.started_at,
       last_progress_at = EXCLUDED.last_progress_at, ended_at = EXCLUDED.ended_at, current_step = EXCLUDED.current_step,
       failed_step = EXCLUDED.failed_step, error = EXCLUDED.error, step_count = EXCLUDED.step_count, merge_state = EXCLUDED.merge_state,
       updated_at = now()`,
    [rows.map((s) => s.id), rows.map((s) => s.name), rows.map((s) => s.key), rows.map((s) => s.status), rows.map((s) => s.startedAt),
      rows.map((s) => s.lastProgressAt), rows.map((s) => s.endedAt), rows.map((s) => s.currentStep), rows.map((s) => s.failedStep),
      rows.map((s) => s.error), rows.map((s) => s.stepCount), sagas.map((s) => s.state)],
  );
}

/** New step rows; a step already stored (same saga and span id) is the same span's and stays. */
export async function insertSagaSteps(client: PoolClient, steps: readonly SagaStepRow[]): Promise<void> {
  if (steps.length === 0) return;
  await client.query(
    `INSERT INTO saga_steps (saga_id, span_id, trace_id, step, kind, service, status, started_at, ended_at, error, attempt)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
       $9::timestamptz[], $10::text[], $11::int[])
     ON CONFLICT (saga_id, span_id) DO NOTHING`,
    [steps.map((s) => s.sagaId), steps.map((s) => s.spanId), steps.map((s) => s.traceId), steps.map((s) => s.step), steps.map((s) => s.kind),
      steps.map((s) => s.service), steps.map((s) => s.status), steps.map((s) => s.startedAt), steps.map((s) => s.endedAt),
      steps.map((s) => s.error), steps.map((s) => s.attempt)],
  );
}
