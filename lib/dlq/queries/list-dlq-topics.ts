import "server-only";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { topicMasking } from "@/lib/masking";
import { maskField } from "../masking/mask-fields";

export type DlqTopicSummary = {
  cluster: string;
  topic: string;
  discoveredBy: "pattern" | "headers";
  pending: number;
  redriven: number;
  discarded: number;
  expired: number;
  oldestPendingAt: Date | null;
  /** Messages that arrived in the last hour (by message time). */
  lastHour: number;
  /** Error types hidden from this operator by masking rules read "••••" (maskedBy names the rules). */
  topErrors: { errorType: string; pending: number; maskedBy: string[] }[];
  /** Messages in the topic not indexed yet. */
  indexLag: number;
  /** When the index last read the topic; null before the first read. */
  indexedAt: Date | null;
  gone: boolean;
};

type Row = {
  topic: string; discovered_by: "pattern" | "headers"; pending: string; redriven: string; discarded: string; expired: string;
  oldest: Date | null; last_hour: string; top_errors: { errorType: string; pending: string }[] | null; index_lag: string | null;
  indexed_at: Date | null; gone: boolean;
};

/**
 * Every DLQ topic of the cluster with its kept counts. Each figure is a read of a kept count or one index
 * probe per topic (the oldest pending message), so the list costs the same with a million messages.
 */
export async function listDlqTopics(cluster: string, operator: Operator): Promise<DlqTopicSummary[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT t.topic, t.discovered_by, t.pending_count::text AS pending, t.redriven_count::text AS redriven,
       t.discarded_count::text AS discarded, t.expired_count::text AS expired, t.gone_at IS NOT NULL AS gone,
       (SELECT m.timestamp FROM dlq_messages m WHERE m.cluster = t.cluster AND m.topic = t.topic AND m.status = 'pending'
         ORDER BY m.timestamp LIMIT 1) AS oldest,
       (SELECT coalesce(sum(n.count), 0)::text FROM dlq_minutes n WHERE n.cluster = t.cluster AND n.topic = t.topic
         AND n.minute >= date_trunc('minute', now() - interval '1 hour')) AS last_hour,
       (SELECT json_agg(json_build_object('errorType', g.error_type, 'pending', g.pending_count::text) ORDER BY g.pending_count DESC, g.error_type)
         FROM (SELECT * FROM dlq_error_groups g WHERE g.cluster = t.cluster AND g.topic = t.topic AND g.pending_count > 0
               ORDER BY g.pending_count DESC, g.error_type LIMIT 3) g) AS top_errors,
       (SELECT sum(greatest(p.high_watermark - p.next_offset, 0))::text FROM dlq_partitions p WHERE p.cluster = t.cluster AND p.topic = t.topic) AS index_lag,
       (SELECT max(p.updated_at) FROM dlq_partitions p WHERE p.cluster = t.cluster AND p.topic = t.topic) AS indexed_at
     FROM dlq_topics t WHERE t.cluster = $1
     ORDER BY t.gone_at IS NOT NULL, t.pending_count DESC, t.topic`,
    [cluster]);
  return rows.map((row) => ({
    cluster,
    topic: row.topic,
    discoveredBy: row.discovered_by,
    pending: Number(row.pending),
    redriven: Number(row.redriven),
    discarded: Number(row.discarded),
    expired: Number(row.expired),
    oldestPendingAt: row.oldest,
    lastHour: Number(row.last_hour),
    topErrors: (row.top_errors ?? []).map((e) => {
      const shown = e.errorType === "" ? { value: "", maskedBy: [] } : maskField("errorType", e.errorType, topicMasking(operator, row.topic));
      return { errorType: shown.value, pending: Number(e.pending), maskedBy: shown.maskedBy };
    }),
    indexLag: Number(row.index_lag ?? 0),
    indexedAt: row.indexed_at,
    gone: row.gone,
  }));
}
