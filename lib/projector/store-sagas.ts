import type { PoolClient } from "pg";
import { deriveSaga } from "@/lib/projections";
import { SPAN_SELECT, spanFromRow, type SpanRow } from "@/lib/traces";

/** Rebuilds each saga and its steps from all of its stored spans. */
export async function storeSagas(client: PoolClient, sagaIds: readonly string[]): Promise<void> {
  for (const id of sagaIds) {
    const { rows } = await client.query<SpanRow>(`SELECT ${SPAN_SELECT} FROM spans WHERE saga_id = $1`, [id]);
    const derived = deriveSaga(id, rows.map(spanFromRow));
    await client.query("DELETE FROM saga_steps WHERE saga_id = $1", [id]);
    if (!derived) {
      await client.query("DELETE FROM sagas WHERE id = $1", [id]);
      continue;
    }
    const s = derived.saga;
    await client.query(
      `INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (id) DO UPDATE SET name = $2, key = $3, status = $4, started_at = $5, last_progress_at = $6, ended_at = $7,
         current_step = $8, failed_step = $9, error = $10, step_count = $11, updated_at = now()`,
      [s.id, s.name, s.key, s.status, s.startedAt, s.lastProgressAt, s.endedAt, s.currentStep, s.failedStep, s.error, s.stepCount],
    );
    for (const step of derived.steps) {
      await client.query(
        `INSERT INTO saga_steps (saga_id, span_id, trace_id, step, kind, service, status, started_at, ended_at, error, attempt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [step.sagaId, step.spanId, step.traceId, step.step, step.kind, step.service, step.status, step.startedAt, step.endedAt, step.error, step.attempt],
      );
    }
  }
}
