import type { PoolClient } from "pg";
import {
  decodeSagaSummary, deriveSaga, encodeSagaSummary, mergeSagaSpans, sagaRowOf, sharesSpanId, type SagaRow, type SagaStepRow, type SagaSummary,
} from "@/lib/projections";
import type { SpanRecord } from "@/lib/traces";
import { readProjectedSpans, type ProjectedSpan } from "./projected-spans";
import { insertSagaSteps, upsertSagas } from "./saga-rows";

type Stored = { id: string; summary: SagaSummary | null };

/**
 * Folds the batch's spans into their sagas' stored summaries, so the work is the batch's, not the
 * sagas' history. A saga is rebuilt from all its spans instead when it has no usable summary (rows from
 * before merge_state) or when a span shares its span id with another of the saga's (merging is exact
 * only for distinct span ids).
 */
export async function storeSagas(client: PoolClient, batch: readonly ProjectedSpan[], sagaIds: readonly string[], lastSeq: bigint): Promise<void> {
  if (sagaIds.length === 0) return;
  const stored = new Map<string, Stored>();
  const { rows } = await client.query<{ id: string; merge_state: unknown }>("SELECT id, merge_state FROM sagas WHERE id = ANY($1)", [sagaIds]);
  for (const row of rows) stored.set(row.id, { id: row.id, summary: decodeSagaSummary(row.merge_state) });

  const bySaga = new Map<string, ProjectedSpan[]>();
  for (const item of batch) {
    const id = item.sagaId;
    if (id === null) continue;
    const list = bySaga.get(id);
    if (list) list.push(item);
    else bySaga.set(id, [item]);
  }
  const rebuild = new Set<string>();
  for (const id of sagaIds) {
    const prior = stored.get(id);
    const spans = (bySaga.get(id) ?? []).map((item) => item.span);
    if ((prior !== undefined && prior.summary === null) || sharesSpanId(id, spans)) rebuild.add(id);
  }
  for (const id of await sharedWithStored(client, batch.filter((item) => (stored.get(item.sagaId ?? "")?.summary ?? null) !== null))) rebuild.add(id);

  const sagas: { row: SagaRow; state: string | null }[] = [];
  const steps: SagaStepRow[] = [];
  for (const id of sagaIds) {
    if (rebuild.has(id)) continue;
    const delta = mergeSagaSpans(id, stored.get(id)?.summary ?? null, (bySaga.get(id) ?? []).map((item) => item.span));
    if (delta === null) continue;
    sagas.push({ row: sagaRowOf(id, delta.summary), state: encodeSagaSummary(delta.summary) });
    steps.push(...delta.steps);
  }
  await rebuildSagas(client, [...rebuild], lastSeq, sagas, steps);
  await upsertSagas(client, sagas);
  await insertSagaSteps(client, steps);
}

/**
 * Sagas of the batch with an earlier-stored span under the same (saga id, span id). A later one finds
 * this one when its own batch is projected, and one in the same batch is caught by sharesSpanId.
 */
async function sharedWithStored(client: PoolClient, items: readonly ProjectedSpan[]): Promise<string[]> {
  if (items.length === 0) return [];
  const { rows } = await client.query<{ saga_id: string }>(
    `SELECT DISTINCT n.saga_id FROM unnest($1::text[], $2::text[], $3::bigint[]) AS n(saga_id, span_id, seq)
     WHERE EXISTS (SELECT 1 FROM spans s WHERE s.saga_id = n.saga_id AND s.span_id = decode(n.span_id, 'hex') AND s.ingest_seq < n.seq)`,
    [items.map((item) => item.sagaId), items.map((item) => item.span.spanId), items.map((item) => item.seq)]);
  return rows.map((row) => row.saga_id);
}

/**
 * The whole-history path: derive from every span projected so far (up to lastSeq: later ones are merged
 * when their batch comes, so the summary must not hold them yet), replacing the saga's steps.
 */
async function rebuildSagas(client: PoolClient, ids: readonly string[], lastSeq: bigint, sagas: { row: SagaRow; state: string | null }[], steps: SagaStepRow[]): Promise<void> {
  if (ids.length === 0) return;
  const all = await readProjectedSpans(client, "saga_id = ANY($1) AND ingest_seq <= $2", [ids, lastSeq.toString()]);
  const bySaga = new Map<string, SpanRecord[]>();
  for (const item of all) if (item.sagaId !== null) bySaga.set(item.sagaId, [...(bySaga.get(item.sagaId) ?? []), item.span]);
  const kept: string[] = [];
  for (const id of ids) {
    const spans = bySaga.get(id) ?? [];
    const derived = deriveSaga(id, spans);
    if (!derived) continue;
    kept.push(id);
    // A saga whose spans share span ids keeps no summary, so it is rebuilt every time.
    const summary = sharesSpanId(id, spans) ? null : mergeSagaSpans(id, null, spans)?.summary ?? null;
    sagas.push({ row: derived.saga, state: summary === null ? null : encodeSagaSummary(summary) });
    steps.push(...derived.steps);
  }
  await client.query("DELETE FROM saga_steps WHERE saga_id = ANY($1)", [ids]);
  await client.query("DELETE FROM sagas WHERE id = ANY($1) AND NOT (id = ANY($2))", [ids, kept]);
}
