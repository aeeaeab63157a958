import "server-only";
import type { PoolClient } from "pg";

export type DlqStatus = "pending" | "redriven" | "discarded" | "expired";

/** Messages that entered the index, by error type, by minute, and by both: added to the kept counts. */
export async function countArrivals(client: PoolClient, cluster: string, topic: string, arrivals: readonly { error_type: string; timestamp: Date }[]): Promise<void> {
  if (arrivals.length === 0) return;
  const groups = new Map<string, { n: number; first: Date; last: Date }>();
  const minutes = new Map<number, number>();
  const typeMinutes = new Map<string, { type: string; minute: number; n: number }>();
  for (const { error_type: type, timestamp } of arrivals) {
    const group = groups.get(type);
    if (!group) groups.set(type, { n: 1, first: timestamp, last: timestamp });
    else {
      group.n++;
      if (timestamp < group.first) group.first = timestamp;
      if (timestamp > group.last) group.last = timestamp;
    }
    const minute = Math.floor(timestamp.getTime() / 60_000) * 60_000;
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
    const typeMinute = typeMinutes.get(`${minute} ${type}`);
    if (typeMinute) typeMinute.n++;
    else typeMinutes.set(`${minute} ${type}`, { type, minute, n: 1 });
  }
  await client.query("UPDATE dlq_topics SET pending_count = pending_count + $3 WHERE cluster = $1 AND topic = $2", [cluster, topic, arrivals.length]);
  await client.query(
    `INSERT INTO dlq_error_groups (cluster, topic, error_type, pending_count, total_count, first_seen, last_seen)
     SELECT $1, $2, g.type, g.n, g.n, g.first, g.last FROM jsonb_to_recordset($3::jsonb) AS g(type text, n bigint, first timestamptz, last timestamptz)
     ON CONFLICT (cluster, topic, error_type) DO UPDATE SET
       pending_count = dlq_error_groups.pending_count + EXCLUDED.pending_count,
       total_count = dlq_error_groups.total_count + EXCLUDED.total_count,
       first_seen = least(dlq_error_groups.first_seen, EXCLUDED.first_seen),
       last_seen = greatest(dlq_error_groups.last_seen, EXCLUDED.last_seen)`,
    [cluster, topic, JSON.stringify([...groups].map(([type, g]) => ({ type, n: g.n, first: g.first, last: g.last })))]);
  await client.query(
    `INSERT INTO dlq_minutes (cluster, topic, minute, count)
     SELECT $1, $2, m.minute, m.n FROM jsonb_to_recordset($3::jsonb) AS m(minute timestamptz, n bigint)
     ON CONFLICT (cluster, topic, minute) DO UPDATE SET count = dlq_minutes.count + EXCLUDED.count`,
    [cluster, topic, JSON.stringify([...minutes].map(([minute, n]) => ({ minute: new Date(minute), n })))]);
  await client.query(
    `INSERT INTO dlq_error_minutes (cluster, topic, error_type, minute, count)
     SELECT $1, $2, m.type, m.minute, m.n FROM jsonb_to_recordset($3::jsonb) AS m(type text, minute timestamptz, n bigint)
     ON CONFLICT (cluster, topic, error_type, minute) DO UPDATE SET count = dlq_error_minutes.count + EXCLUDED.count`,
    [cluster, topic, JSON.stringify([...typeMinutes.values()].map((m) => ({ type: m.type, minute: new Date(m.minute), n: m.n })))]);
}

export type TypeCount = { errorType: string; n: number };

/** Pending messages that left pending (expired here; discarded or redriven by their verbs): moved between the kept counts. */
export async function countLeavingPending(client: PoolClient, cluster: string, topic: string, to: Exclude<DlqStatus, "pending">, byType: readonly TypeCount[]): Promise<number> {
  const total = byType.reduce((sum, t) => sum + t.n, 0);
  if (total === 0) return 0;
  const column = `${to}_count`;
  await client.query(`UPDATE dlq_topics SET pending_count = pending_count - $3, ${column} = ${column} + $3 WHERE cluster = $1 AND topic = $2`,
    [cluster, topic, total]);
  await client.query(
    `UPDATE dlq_error_groups g SET pending_count = g.pending_count - c.n
     FROM jsonb_to_recordset($3::jsonb) AS c(type text, n bigint)
     WHERE g.cluster = $1 AND g.topic = $2 AND g.error_type = c.type`,
    [cluster, topic, JSON.stringify(byType.map((t) => ({ type: t.errorType, n: t.n })))]);
  return total;
}
