import "server-only";
import { getPool } from "@/lib/db";
import { minuteSeries, seriesStart } from "./minute-series";

export type DlqTopicPending = {
  cluster: string;
  topic: string;
  pending: number;
  oldestPendingAt: Date | null;
  /** Messages that arrived in the chosen window (by message time). */
  arrivedInWindow: number;
  /** Arrivals per minute over the last hour, oldest first: the sparkline. */
  lastHour: number[];
};

export type DlqOverview = { topics: DlqTopicPending[]; topicsWithPending: number; totalPending: number };

/** Topics shown; the rest are counted in the totals and listed on /dlq. */
export const DLQ_TOPIC_LIMIT = 10;

type TopicRow = {
  cluster: string; topic: string; pending: string; oldest: Date | null; in_window: string;
  minutes: { minute: string; count: string }[] | null;
};

/**
 * DLQ topics with messages pending, most first, from the kept counts of dlq_topics and the dlq_minutes
 * buckets (one primary-key range per topic): the cost does not grow with the messages in the index.
 */
export async function dlqPending(window: { from: Date; to: Date }, now: Date, limit = DLQ_TOPIC_LIMIT): Promise<DlqOverview> {
  const pool = getPool();
  const hourStart = seriesStart(now);
  const [topics, totals] = await Promise.all([
    pool.query<TopicRow>(
      `SELECT t.cluster, t.topic, t.pending_count::text AS pending,
         (SELECT m.timestamp FROM dlq_messages m WHERE m.cluster = t.cluster AND m.topic = t.topic AND m.status = 'pending'
           ORDER BY m.timestamp LIMIT 1) AS oldest,
         (SELECT coalesce(sum(n.count), 0)::text FROM dlq_minutes n WHERE n.cluster = t.cluster AND n.topic = t.topic
           AND n.minute >= date_trunc('minute', $1::timestamptz) AND n.minute < $2) AS in_window,
         (SELECT json_agg(json_build_object('minute', n.minute, 'count', n.count::text)) FROM dlq_minutes n
           WHERE n.cluster = t.cluster AND n.topic = t.topic AND n.minute >= $3) AS minutes
       FROM dlq_topics t WHERE t.gone_at IS NULL AND t.pending_count > 0
       ORDER BY t.pending_count DESC, t.cluster, t.topic LIMIT ${String(limit)}`,
      [window.from, window.to, hourStart]),
    pool.query<{ topics: number; pending: string }>(
      `SELECT count(*)::int AS topics, coalesce(sum(pending_count), 0)::text AS pending FROM dlq_topics WHERE gone_at IS NULL AND pending_count > 0`),
  ]);
  return {
    topics: topics.rows.map((row) => ({
      cluster: row.cluster,
      topic: row.topic,
      pending: Number(row.pending),
      oldestPendingAt: row.oldest,
      arrivedInWindow: Number(row.in_window),
      lastHour: minuteSeries((row.minutes ?? []).map((b) => ({ minute: new Date(b.minute), count: Number(b.count) })), now),
    })),
    topicsWithPending: totals.rows[0]?.topics ?? 0,
    totalPending: Number(totals.rows[0]?.pending ?? 0),
  };
}
