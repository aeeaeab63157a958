import "server-only";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";
import { withoutMissing } from "@/lib/kafka/inspect/without-missing";
import { indexPartition } from "./index-partition";

/**
 * Indexes every registered DLQ topic of the cluster until each partition has caught up or `budgetMs` has
 * passed (the rest continues on the next run). Returns the messages indexed.
 */
export async function indexCluster(cluster: string, signal: AbortSignal, budgetMs = 5_000): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const { rows } = await getPool().query<{ topic: string }>("SELECT topic FROM dlq_topics WHERE cluster = $1 AND gone_at IS NULL ORDER BY topic", [cluster]);
  const client = getClusterClient(cluster);
  let indexed = 0;
  for (const { topic } of rows) {
    const offsets = await withoutMissing(client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic)));
    for (const { partition } of offsets ?? []) {
      for (;;) {
        if (signal.aborted || Date.now() > deadline) return indexed;
        const progress = await indexPartition(cluster, topic, partition);
        indexed += progress.indexed;
        if (progress.nextOffset >= progress.highWatermark) break;
      }
    }
  }
  return indexed;
}
