import type { PoolClient } from "pg";
import type { FlowEdgeMinuteRow, ResilienceMinuteRow } from "@/lib/projections";

// Counts are additive: each newly stored span is counted exactly once, in the same transaction that
// advances the projector past it, so a crash never counts a span twice or not at all.

export async function addResilienceCounts(client: PoolClient, rows: readonly ResilienceMinuteRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO resilience_minutes (kind, service, name, minute, outcome, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::bigint[])
     ON CONFLICT (kind, service, name, minute, outcome) DO UPDATE SET count = resilience_minutes.count + EXCLUDED.count`,
    [rows.map((r) => r.kind), rows.map((r) => r.service), rows.map((r) => r.name), rows.map((r) => r.minute),
      rows.map((r) => r.outcome), rows.map((r) => r.count.toString())],
  );
}

export async function addFlowEdges(client: PoolClient, rows: readonly FlowEdgeMinuteRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors)
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[])
     ON CONFLICT (minute, cluster, topic, direction, service, consumer_group)
     DO UPDATE SET count = flow_edge_minutes.count + EXCLUDED.count, errors = flow_edge_minutes.errors + EXCLUDED.errors`,
    [rows.map((r) => r.minute), rows.map((r) => r.cluster), rows.map((r) => r.topic), rows.map((r) => r.direction),
      rows.map((r) => r.service), rows.map((r) => r.consumerGroup), rows.map((r) => r.count.toString()), rows.map((r) => r.errors.toString())],
  );
}
