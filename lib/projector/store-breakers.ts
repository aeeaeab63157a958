import type { PoolClient } from "pg";
import { breakerStateOf, breakerTransitions, type BreakerStateName, type BreakerTransitionRow } from "@/lib/projections";
import type { SpanRecord } from "@/lib/traces";

const TAIL = 32;

type TransitionRow = { service: string; breaker: string; from_state: BreakerStateName | null; to_state: BreakerStateName; at: Date; at_ns: string; span_id: string; trace_id: string };

/**
 * Adds the batch's state changes to breaker_transitions in one upsert (a key seen before keeps the later
 * event of its span), then sets each touched breaker's state from its newest transitions: only the run
 * of repeated reports at the end matters, so a short page is read and the whole history only when the
 * page is all repeats.
 */
export async function storeBreakers(client: PoolClient, spans: readonly SpanRecord[]): Promise<void> {
  const items = breakerTransitions(spans);
  if (items.length === 0) return;
  const rows = items.map((item) => item.row);
  // Hex ids of one length sort the same in every collation, so the comparison matches compareText.
  await client.query(
    `INSERT INTO breaker_transitions AS t (service, breaker, from_state, to_state, at, at_ns, span_id, trace_id, event_index)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[], $7::text[], $8::text[], $9::int[])
     ON CONFLICT (service, breaker, at_ns, span_id) DO UPDATE SET from_state = EXCLUDED.from_state, to_state = EXCLUDED.to_state,
       at = EXCLUDED.at, trace_id = EXCLUDED.trace_id, event_index = EXCLUDED.event_index
     WHERE (EXCLUDED.event_index, EXCLUDED.trace_id) > (t.event_index, t.trace_id)`,
    [rows.map((r) => r.service), rows.map((r) => r.breaker), rows.map((r) => r.fromState), rows.map((r) => r.toState), rows.map((r) => r.at),
      rows.map((r) => r.atNs.toString()), rows.map((r) => r.spanId), rows.map((r) => r.traceId), items.map((item) => item.index)],
  );
  const keys = [...new Map(rows.map((r) => [JSON.stringify([r.service, r.breaker]), r])).values()];
  const tails = await newestTransitions(client, keys, TAIL);
  const states: { service: string; breaker: string; state: BreakerStateName; since: Date }[] = [];
  for (const key of keys) {
    const tail = tails.get(JSON.stringify([key.service, key.breaker])) ?? [];
    let found = breakerStateOf(tail);
    if (!found.complete && tail.length === TAIL) found = breakerStateOf((await newestTransitions(client, [key], null)).get(JSON.stringify([key.service, key.breaker])) ?? []);
    if (found.state) states.push(found.state);
  }
  if (states.length === 0) return;
  await client.query(
    `INSERT INTO breaker_states (service, breaker, state, since) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
     ON CONFLICT (service, breaker) DO UPDATE SET state = EXCLUDED.state, since = EXCLUDED.since`,
    [states.map((s) => s.service), states.map((s) => s.breaker), states.map((s) => s.state), states.map((s) => s.since)],
  );
}

/** Each breaker's transitions, newest first (by time, then span id), at most `limit` of them (null: all). */
async function newestTransitions(client: PoolClient, keys: readonly { service: string; breaker: string }[], limit: number | null): Promise<Map<string, BreakerTransitionRow[]>> {
  const { rows } = await client.query<TransitionRow>(
    `SELECT t.service, t.breaker, t.from_state, t.to_state, t.at, t.at_ns::text AS at_ns, t.span_id, t.trace_id
     FROM unnest($1::text[], $2::text[]) AS k(service, breaker)
     CROSS JOIN LATERAL (SELECT * FROM breaker_transitions b WHERE b.service = k.service AND b.breaker = k.breaker
       ORDER BY b.at_ns DESC, b.span_id DESC LIMIT $3) t
     ORDER BY t.service, t.breaker, t.at_ns DESC, t.span_id DESC`,
    [keys.map((k) => k.service), keys.map((k) => k.breaker), limit]);
  const byKey = new Map<string, BreakerTransitionRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.service, r.breaker]);
    const row: BreakerTransitionRow = { service: r.service, breaker: r.breaker, fromState: r.from_state, toState: r.to_state, at: r.at, atNs: BigInt(r.at_ns), spanId: r.span_id, traceId: r.trace_id };
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}
