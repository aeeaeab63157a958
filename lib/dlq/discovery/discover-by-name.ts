import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";

/**
 * Registers the cluster's topics whose names match the DLQ pattern, marks registered ones that are gone
 * (their index stays as history) and clears the mark when they come back. Returns every topic name.
 */
export async function discoverByName(cluster: string): Promise<string[]> {
  const names = await getClusterClient(cluster).admin("listTopics", (admin) => admin.listTopics());
  const pattern = getConfig().dlqTopicPattern;
  const dlqs = names.filter((name) => !name.startsWith("__") && pattern.test(name));
  const pool = getPool();
  await pool.query(
    `INSERT INTO dlq_topics (cluster, topic, discovered_by) SELECT $1, unnest($2::text[]), 'pattern'
     ON CONFLICT (cluster, topic) DO UPDATE SET gone_at = NULL WHERE dlq_topics.gone_at IS NOT NULL`,
    [cluster, dlqs]);
  await pool.query(
    "UPDATE dlq_topics SET gone_at = now() WHERE cluster = $1 AND gone_at IS NULL AND NOT (topic = ANY($2::text[]))", [cluster, names]);
  return names;
}
