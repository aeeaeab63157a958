import type { PoolClient } from "pg";
import { spanFromRow, type SpanRecord, type SpanRow } from "@/lib/traces";

/** A stored span as the projections read it, with its place in the ingest order and its saga column. */
export type ProjectedSpan = { span: SpanRecord; seq: string; sagaId: string | null };

// Only what the projections read: resource attributes, links, names and parents stay in Postgres.
const PROJECTED_SELECT = `encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id, NULL AS parent_span_id,
  start_ns::text AS start_ns, duration_ns::text AS duration_ns, '' AS name, kind, service_name, status_code, status_message,
  NULL AS scope_name, '{}'::jsonb AS resource_attrs, attrs, events, NULL AS links, ingest_seq::text AS ingest_seq, saga_id`;

export async function readProjectedSpans(client: PoolClient, where: string, values: unknown[], tail = ""): Promise<ProjectedSpan[]> {
  const { rows } = await client.query<SpanRow & { ingest_seq: string; saga_id: string | null }>(
    `SELECT ${PROJECTED_SELECT} FROM spans WHERE ${where} ${tail}`, values);
  return rows.map((row) => ({ span: spanFromRow(row), seq: row.ingest_seq, sagaId: row.saga_id }));
}
