import type { PoolClient } from "pg";
import { deriveBreaker, type BreakerKey } from "@/lib/projections";
import { SPAN_SELECT, spanFromRow, type SpanRow } from "@/lib/traces";

/** Rebuilds each breaker's transitions and current state from all of its stored spans. */
export async function storeBreakers(client: PoolClient, breakers: readonly BreakerKey[]): Promise<void> {
  for (const { service, breaker } of breakers) {
    const { rows } = await client.query<SpanRow>(
      `SELECT ${SPAN_SELECT} FROM spans WHERE breaker_name = $1 AND service_name = $2`, [breaker, service]);
    const derived = deriveBreaker(service, breaker, rows.map(spanFromRow));
    await client.query("DELETE FROM breaker_transitions WHERE service = $1 AND breaker = $2", [service, breaker]);
    for (const t of derived.transitions) {
      await client.query(
        `INSERT INTO breaker_transitions (service, breaker, from_state, to_state, at, at_ns, span_id, trace_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [t.service, t.breaker, t.fromState, t.toState, t.at, t.atNs.toString(), t.spanId, t.traceId],
      );
    }
    if (derived.state) {
      const s = derived.state;
      await client.query(
        `INSERT INTO breaker_states (service, breaker, state, since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (service, breaker) DO UPDATE SET state = $3, since = $4`, [s.service, s.breaker, s.state, s.since]);
    } else {
      await client.query("DELETE FROM breaker_states WHERE service = $1 AND breaker = $2", [service, breaker]);
    }
  }
}
