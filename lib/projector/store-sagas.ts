import type { PoolClient } from "pg";
import { deriveSaga, type SagaRow, type SagaStepRow } from "@/lib/projections";
import { SPAN_SELECT, spanFromRow, type SpanRecord, type SpanRow } from "@/lib/traces";

/** Rebuilds each saga and its steps from all of its stored spans, with one query of each kind. */
export async function storeSagas(client: PoolClient, sagaIds: readonly string[]): Promise<void> {
  if (sagaIds.length === 0) return;
  const { rows } = await client.query<SpanRow & { saga_id: string }>(`SELECT ${SPAN_SELECT}, saga_id FROM spans WHERE saga_id = ANY($1)`, [sagaIds]);
  const bySaga = new Map<string, SpanRecord[]>();
  for (const row of rows) {
    const list = bySaga.get(row.saga_id);
    if (list) list.push(spanFromRow(row));
    else bySaga.set(row.saga_id, [spanFromRow(row)]);
  }
  const sagas: SagaRow[] = [];
  const steps: SagaStepRow[] = [];
  for (const id of sagaIds) {
    const derived = deriveSaga(id, bySaga.get(id) ?? []);
    if (!derived) continue;
    sagas.push(derived.saga);
    steps.push(...derived.steps);
  }
  await client.query("DELETE FROM saga_steps WHERE saga_id = ANY($1)", [sagaIds]);
  await client.query("DELETE FROM sagas WHERE id = ANY($1) AND NOT (id = ANY($2))", [sagaIds, sagas.map((s) => s.id)]);
  await client.query(
    `INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
       $8::text[], $9::text[], $10::text[], $11::int[])
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, key = EXCLUDED.key, status = EXCLUDED.status, started_at = EXCLUDED.started_at,
       last_progress_at = EXCLUDED.last_progress_at, ended_at = EXCLUDED.ended_at, current_step = EXCLUDED.current_step,
       failed_step = EXCLUDED.failed_step, error = EXCLUDED.error, step_count = EXCLUDED.step_count, updated_at = now()`,
    [sagas.map((s) => s.id), sagas.map((s) => s.name), sagas.map((s) => s.key), sagas.map((s) => s.status), sagas.map((s) => s.startedAt),
      sagas.map((s) => s.lastProgressAt), sagas.map((s) => s.endedAt), sagas.map((s) => s.currentStep), sagas.map((s) => s.failedStep),
      sagas.map((s) => s.error), sagas.map((s) => s.stepCount)],
  );
  await client.query(
    `INSERT INTO saga_steps (saga_id, span_id, trace_id, step, kind, service, status, started_at, ended_at, error, attempt)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
       $9::timestamptz[], $10::text[], $11::int[])`,
    [steps.map((s) => s.sagaId), steps.map((s) => s.spanId), steps.map((s) => s.traceId), steps.map((s) => s.step), steps.map((s) => s.kind),
      steps.map((s) => s.service), steps.map((s) => s.status), steps.map((s) => s.startedAt), steps.map((s) => s.endedAt),
      steps.map((s) => s.error), steps.map((s) => s.attempt)],
  );
}
