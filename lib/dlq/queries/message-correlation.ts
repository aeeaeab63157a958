import "server-only";
import { getPool } from "@/lib/db";
import type { DlqMessageDetail } from "./get-message";

export type MessageCorrelation = {
  /** The trace is in the store (its spans were received), so the trace view can open it. */
  traceStored: boolean;
  saga: { id: string; name: string; key: string | null; status: string; currentStep: string | null; failedStep: string | null } | null;
  /** Each breaker of the services that consume the original topic, in the state it was in when the message failed. */
  breakers: { service: string; breaker: string; state: string; since: Date }[];
};

/** Where the message came from: its trace, its saga, and the consuming services' breakers at the moment it failed. */
export async function messageCorrelation(cluster: string, message: DlqMessageDetail): Promise<MessageCorrelation> {
  const pool = getPool();
  // The trace's spans, when stored, also name the saga for messages whose headers do not.
  const trace = message.traceId === null ? undefined : (await pool.query<{ saga_id: string | null }>(
    "SELECT saga_id FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY saga_id NULLS LAST LIMIT 1", [message.traceId])).rows[0];
  const traceStored = trace !== undefined;
  const sagaId = message.sagaId ?? trace?.saga_id ?? null;
  const saga = sagaId === null ? null : (await pool.query<{ id: string; name: string; key: string | null; status: string; current_step: string | null; failed_step: string | null }>(
    "SELECT id, name, key, status, current_step, failed_step FROM sagas WHERE id = $1", [sagaId])).rows[0] ?? null;
  const at = message.failedAt ?? message.timestamp;
  // Consumers of the original topic, from the flow edges of the hour before the failure.
  const { rows: breakers } = message.originalTopic === null ? { rows: [] } : await pool.query<{ service: string; breaker: string; to_state: string; at: Date }>(
    `WITH consumers AS (
       SELECT DISTINCT service FROM flow_edge_minutes
       WHERE cluster = $1 AND topic = $2 AND direction = 'consume' AND minute BETWEEN $3::timestamptz - interval '1 hour' AND $3::timestamptz
         AND ($4::text IS NULL OR consumer_group = $4))
     SELECT DISTINCT ON (b.service, b.breaker) b.service, b.breaker, b.to_state, b.at
     FROM breaker_transitions b JOIN consumers c ON c.service = b.service
     WHERE b.at <= $3
     ORDER BY b.service, b.breaker, b.at_ns DESC, b.span_id DESC, b.event_index DESC`,
    [cluster, message.originalTopic, at, message.consumerGroup]);
  return {
    traceStored,
    saga: saga === null ? null : { id: saga.id, name: saga.name, key: saga.key, status: saga.status, currentStep: saga.current_step, failedStep: saga.failed_step },
    breakers: breakers.map((b) => ({ service: b.service, breaker: b.breaker, state: b.to_state, since: b.at })),
  };
}
