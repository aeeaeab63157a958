import "server-only";
import { getPool } from "@/lib/db";

/** How far around a transition failing calls are looked for: mostly before (what tripped it), a little after. */
export const FAILING_CALLS_BEFORE_MS = 60_000;
export const FAILING_CALLS_AFTER_MS = 10_000;
/** Per transition: the last few failing calls before it and the first few after; transitions looked at per page. */
export const FAILING_CALLS_BEFORE_COUNT = 4;
export const FAILING_CALLS_AFTER_COUNT = 2;
export const FAILING_CALLS_TRANSITIONS = 50;

export type FailingCall = {
  traceId: string;
  spanId: string;
  name: string;
  startTime: Date;
  durationMs: number;
  message: string | null;
  /** The circuit_breaker.name (or state-change breaker) the span carried, if any. */
  breaker: string | null;
};

/**
 * $1 service, $2 times, $3/$4 seconds before/after, $5/$6 calls before/after; exported so tests can EXPLAIN it.
 * Two short walks of the error-span index from each time, one backwards and one forwards.
 */
export const FAILING_CALLS_SQL = `SELECT k.idx::text AS idx, encode(s.trace_id, 'hex') AS trace_id, encode(s.span_id, 'hex') AS span_id, s.name, s.start_time,
        (s.duration_ns / 1e6)::float8 AS duration_ms, s.status_message, s.breaker_name
     FROM unnest($2::timestamptz[]) WITH ORDINALITY AS k(at, idx)
     CROSS JOIN LATERAL (
       (SELECT trace_id, span_id, name, start_time, duration_ns, status_message, breaker_name FROM spans
        WHERE service_name = $1 AND status_code = 2 AND start_time >= k.at - make_interval(secs => $3) AND start_time <= k.at
        ORDER BY start_time DESC LIMIT $5)
       UNION ALL
       (SELECT trace_id, span_id, name, start_time, duration_ns, status_message, breaker_name FROM spans
        WHERE service_name = $1 AND status_code = 2 AND start_time > k.at AND start_time <= k.at + make_interval(secs => $4)
        ORDER BY start_time LIMIT $6)) s
     ORDER BY k.idx, s.start_time DESC`;

type Row = { idx: string; trace_id: string; span_id: string; name: string; start_time: Date; duration_ms: number; status_message: string | null; breaker_name: string | null };

/**
 * The error spans of `service` closest before and just after each of the given times, newest first:
 * bounded walks of the partial index of error spans (service_name, start_time), so the cost does not grow
 * with the spans table. Returns one list per time, in the order given.
 */
export async function failingCallsAround(service: string, times: readonly Date[]): Promise<FailingCall[][]> {
  const wanted = times.slice(0, FAILING_CALLS_TRANSITIONS);
  if (wanted.length === 0) return [];
  const { rows } = await getPool().query<Row>(
    FAILING_CALLS_SQL,
    [service, wanted, FAILING_CALLS_BEFORE_MS / 1000, FAILING_CALLS_AFTER_MS / 1000, FAILING_CALLS_BEFORE_COUNT, FAILING_CALLS_AFTER_COUNT]);
  const lists: FailingCall[][] = wanted.map(() => []);
  for (const row of rows) {
    lists[Number(row.idx) - 1]?.push({
      traceId: row.trace_id, spanId: row.span_id, name: row.name, startTime: row.start_time, durationMs: row.duration_ms,
      message: row.status_message, breaker: row.breaker_name,
    });
  }
  return lists;
}
