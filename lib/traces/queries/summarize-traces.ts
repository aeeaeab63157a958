import "server-only";
import { getPool } from "@/lib/db";

/** Spans of one trace may start this long before or after the search window and still count toward it. */
const TRACE_SPREAD = "24 hours";

export type TraceSummary = {
  traceId: string;
  /** The span without a parent (or, failing that, the earliest). */
  rootName: string;
  rootService: string;
  /** Unix nanoseconds of the trace's first span, as decimal text. */
  startNs: string;
  /** The trace's first span start, ISO-8601 (millisecond precision). */
  startTime: string;
  /** Last span end − first span start. */
  durationMs: number;
  spanCount: number;
  errorCount: number;
  services: string[];
};

type SummaryRow = {
  trace_id: string;
  root_name: string;
  root_service: string;
  start_ns: string;
  duration_ns: string;
  span_count: number;
  error_count: number;
  services: string[];
};

/** One row per trace id: root, start, duration and counts over all of its spans (near the window). */
export async function summarizeTraces(traceIds: string[], window: { from: Date; to: Date }): Promise<TraceSummary[]> {
  if (traceIds.length === 0) return [];
  const { rows } = await getPool().query<SummaryRow>(
    `SELECT encode(trace_id, 'hex') AS trace_id,
        (array_agg(name ORDER BY parent_span_id IS NOT NULL, start_ns, span_id))[1] AS root_name,
        (array_agg(service_name ORDER BY parent_span_id IS NOT NULL, start_ns, span_id))[1] AS root_service,
        min(start_ns)::text AS start_ns,
        (max(start_ns + duration_ns) - min(start_ns))::text AS duration_ns,
        count(*)::int AS span_count,
        (count(*) FILTER (WHERE status_code = 2))::int AS error_count,
        array_agg(DISTINCT service_name ORDER BY service_name) AS services
      FROM spans
      WHERE trace_id = ANY(ARRAY(SELECT decode(id, 'hex') FROM unnest($1::text[]) AS id))
        AND start_time >= $2::timestamptz - interval '${TRACE_SPREAD}' AND start_time < $3::timestamptz + interval '${TRACE_SPREAD}'
      GROUP BY trace_id`,
    [traceIds, window.from, window.to],
  );
  return rows.map((row) => ({
    traceId: row.trace_id,
    rootName: row.root_name,
    rootService: row.root_service,
    startNs: row.start_ns,
    startTime: new Date(Number(BigInt(row.start_ns) / 1_000_000n)).toISOString(),
    durationMs: Number(BigInt(row.duration_ns)) / 1_000_000,
    spanCount: row.span_count,
    errorCount: row.error_count,
    services: row.services,
  }));
}
