import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";
import { log, errorMessage } from "@/lib/log";
import { hasDlqHeaders } from "../decode";

/**
 * Finds DLQ topics whose names do not say so: the newest message of each partition of every other topic
 * is read, and a topic whose newest message carries DLQ headers (Spring, Connect or Flowdeck's) is registered.
 */
export async function discoverByHeaders(cluster: string, topics: readonly string[]): Promise<string[]> {
  const client = getClusterClient(cluster);
  const pattern = getConfig().dlqTopicPattern;
  const { rows } = await getPool().query<{ topic: string }>("SELECT topic FROM dlq_topics WHERE cluster = $1", [cluster]);
  const known = new Set(rows.map((row) => row.topic));
  const found: string[] = [];
  for (const topic of topics) {
    if (topic.startsWith("__") || pattern.test(topic) || known.has(topic)) continue;
    try {
      const offsets = await client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic));
      for (const { partition, high, low } of offsets) {
        if (BigInt(high) <= BigInt(low)) continue;
        const newest = await client.read({ topic, partition, fromOffset: BigInt(high) - 1n, limit: 1 });
        if (newest.messages.some((message) => hasDlqHeaders(message.headers))) {
          found.push(topic);
          break;
        }
      }
    } catch (error) {
      // One topic that cannot be read (deleted meanwhile, no access) does not stop the others.
      log.debug("dlq header sampling skipped a topic", { cluster, topic, error: errorMessage(error) });
    }
  }
  if (found.length > 0) {
    await getPool().query(
      "INSERT INTO dlq_topics (cluster, topic, discovered_by) SELECT $1, unnest($2::text[]), 'headers' ON CONFLICT DO NOTHING", [cluster, found]);
    log.info("dlq topics found by their headers", { cluster, topics: found });
  }
  return found;
}
