import "server-only";
import { getPool } from "@/lib/db";
import { sourceTopicByName } from "../graph/dlq-source";
import type { DlqTopicInfo } from "../model";
import type { FlowWindow } from "./window";

type Row = { cluster: string; topic: string; original_topic: string | null; arrived: string; pending: string };

/**
 * The DLQ topics Flowdeck indexes (not gone), each with its source topic (the newest indexed message's
 * original topic: one index probe per topic, else the naming convention), the messages that arrived in the
 * window (dlq_minutes) and the messages still pending (a kept count).
 */
export async function flowDlqTopics(window: FlowWindow): Promise<DlqTopicInfo[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT t.cluster, t.topic, t.pending_count::text AS pending,
       (SELECT m.original_topic FROM dlq_messages m WHERE m.cluster = t.cluster AND m.topic = t.topic AND m.original_topic IS NOT NULL
         ORDER BY m.timestamp DESC LIMIT 1) AS original_topic,
       (SELECT coalesce(sum(n.count), 0)::text FROM dlq_minutes n WHERE n.cluster = t.cluster AND n.topic = t.topic
         AND n.minute >= date_trunc('minute', $1::timestamptz) AND n.minute < $2::timestamptz) AS arrived
     FROM dlq_topics t WHERE t.gone_at IS NULL
     ORDER BY t.cluster, t.topic`,
    [window.from, window.to]);
  return rows.map((r) => ({
    cluster: r.cluster, topic: r.topic, sourceTopic: r.original_topic ?? sourceTopicByName(r.topic),
    arrived: Number(r.arrived), pending: Number(r.pending),
  }));
}
