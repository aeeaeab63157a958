import "server-only";
import { getPool } from "@/lib/db";

/** Whether Flowdeck knows the topic as a DLQ of the cluster (a link may name any string). */
export async function findDlqTopic(cluster: string, topic: string): Promise<{ pending: number; gone: boolean } | null> {
  const { rows } = await getPool().query<{ pending: string; gone: boolean }>(
    "SELECT pending_count::text AS pending, gone_at IS NOT NULL AS gone FROM dlq_topics WHERE cluster = $1 AND topic = $2", [cluster, topic]);
  const row = rows[0];
  return row ? { pending: Number(row.pending), gone: row.gone } : null;
}
