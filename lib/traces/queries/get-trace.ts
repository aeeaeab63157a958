import "server-only";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SPAN_SELECT, spanFromRow, type SpanRow } from "../span-from-row";
import type { SpanRecord } from "../span-record";
import { SpanId, TraceId } from "./search-filter";

/** The most spans a trace view loads; a bigger trace is shown up to here, and says so. */
export const TRACE_SPAN_CAP = 20_000;

export type Trace = {
  traceId: string;
  /** Sorted by start, then span id. */
  spans: SpanRecord[];
  /** True when the trace has more than `cap` spans and only the earliest `cap` are here. */
  capped: boolean;
  cap: number;
};

/** Every span of a trace (up to the cap), or null when no span of it was received. */
export async function getTrace(traceId: string, cap: number = TRACE_SPAN_CAP): Promise<Trace | null> {
  const id = parseTraceId(traceId);
  const { rows } = await getPool().query<SpanRow>(
    `SELECT ${SPAN_SELECT} FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY start_ns, span_id LIMIT $2`,
    [id, cap + 1],
  );
  if (rows.length === 0) return null;
  return { traceId: id, spans: rows.slice(0, cap).map(spanFromRow), capped: rows.length > cap, cap };
}

/** What the waterfall draws of a span: no attribute maps, only the messaging columns the ingest extracted. */
export type OutlineSpan = {
  spanId: string;
  parentSpanId: string | null;
  startNs: bigint;
  durationNs: bigint;
  name: string;
  kind: number;
  serviceName: string;
  statusCode: number;
  messaging: { operation: string | null; topic: string; partition: number | null; offset: string | null } | null;
};

export type TraceOutline = { traceId: string; spans: OutlineSpan[]; capped: boolean; cap: number; totalSpans: number };

type OutlineRow = Pick<SpanRow, "span_id" | "parent_span_id" | "start_ns" | "duration_ns" | "name" | "kind" | "service_name" | "status_code"> & {
  messaging_operation: string | null;
  messaging_destination: string | null;
  messaging_partition: number | null;
  messaging_offset: string | null;
};

/** The light form of getTrace that a 5,000-span waterfall is built from; null for an unknown trace. */
export async function getTraceOutline(traceId: string, cap: number = TRACE_SPAN_CAP): Promise<TraceOutline | null> {
  const id = parseTraceId(traceId);
  const pool = getPool();
  const { rows } = await pool.query<OutlineRow>(
    `SELECT encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent_span_id,
        start_ns::text AS start_ns, duration_ns::text AS duration_ns, name, kind, service_name, status_code,
        messaging_operation, messaging_destination, messaging_partition, messaging_offset::text AS messaging_offset
      FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY start_ns, span_id LIMIT $2`,
    [id, cap + 1],
  );
  if (rows.length === 0) return null;
  const capped = rows.length > cap;
  let totalSpans = Math.min(rows.length, cap);
  if (capped) {
    const count = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [id]);
    totalSpans = count.rows[0]?.n ?? totalSpans;
  }
  const spans = rows.slice(0, cap).map((row): OutlineSpan => ({
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    startNs: BigInt(row.start_ns),
    durationNs: BigInt(row.duration_ns),
    name: row.name,
    kind: row.kind,
    serviceName: row.service_name,
    statusCode: row.status_code,
    messaging: row.messaging_destination === null ? null : {
      operation: row.messaging_operation,
      topic: row.messaging_destination,
      partition: row.messaging_partition,
      offset: row.messaging_offset,
    },
  }));
  return { traceId: id, spans, capped, cap, totalSpans };
}

/** One span with all of its attributes, events and links; NOT_FOUND when the trace has no such span. */
export async function getSpan(traceId: string, spanId: string): Promise<SpanRecord> {
  const trace = parseTraceId(traceId);
  const span = SpanId.safeParse(spanId);
  if (!span.success) throw new AppError("VALIDATION", `"${spanId.slice(0, 40)}" is not a span id: a span id is 16 hexadecimal digits.`);
  const { rows } = await getPool().query<SpanRow>(
    `SELECT ${SPAN_SELECT} FROM spans WHERE trace_id = decode($1, 'hex') AND span_id = decode($2, 'hex') ORDER BY start_ns LIMIT 1`,
    [trace, span.data],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `Trace ${trace} has no span ${span.data}.`);
  return spanFromRow(row);
}

/** Whether any span was ever received (and is still within retention): decides which empty state to show. */
export async function hasAnySpans(): Promise<boolean> {
  const { rows } = await getPool().query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM spans) AS found");
  return rows[0]?.found ?? false;
}

function parseTraceId(traceId: string): string {
  const parsed = TraceId.safeParse(traceId);
  if (!parsed.success) throw new AppError("VALIDATION", `"${traceId.slice(0, 40)}" is not a trace id: a trace id is 32 hexadecimal digits.`);
  return parsed.data;
}
