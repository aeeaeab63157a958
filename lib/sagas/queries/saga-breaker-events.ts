import "server-only";
import { getPool } from "@/lib/db";

export type SagaBreakerEvent = { service: string; breaker: string; fromState: string | null; toState: string; at: Date; traceId: string; spanId: string };

/** Breaker changes a minute either side of the saga still explain it (a breaker that opened just before a step). */
export const BREAKER_MARGIN_MS = 60_000;
export const SAGA_BREAKER_LIMIT = 100;

/** State changes of the breakers of the services the saga's steps ran on, during the saga plus a margin, in time order. */
export async function sagaBreakerEvents(services: readonly string[], from: Date, to: Date): Promise<SagaBreakerEvent[]> {
  if (services.length === 0) return [];
  const { rows } = await getPool().query<{ service: string; breaker: string; from_state: string | null; to_state: string; at: Date; trace_id: string; span_id: string }>(
    `SELECT service, breaker, from_state, to_state, at, trace_id, span_id FROM breaker_transitions
     WHERE service = ANY($1::text[]) AND at >= $2 AND at <= $3
     ORDER BY at_ns, span_id, event_index LIMIT ${String(SAGA_BREAKER_LIMIT)}`,
    [[...new Set(services)], new Date(from.getTime() - BREAKER_MARGIN_MS), new Date(to.getTime() + BREAKER_MARGIN_MS)]);
  return rows.map((row) => ({ service: row.service, breaker: row.breaker, fromState: row.from_state, toState: row.to_state, at: row.at, traceId: row.trace_id, spanId: row.span_id }));
}
