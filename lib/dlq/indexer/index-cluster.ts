import "server-only";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";
import { withoutMissing } from "@/lib/kafka/inspect/without-missing";
import { AppError } from "@/lib/errors";
import { errorMessage, log } from "@/lib/log";
import { indexPartition } from "./index-partition";

/**
 * Indexes every registered DLQ topic of the cluster until each partition has caught up or `budgetMs` has
 * passed; the least recently read topics go first, so a busy one cannot starve the others. Returns the
 * messages indexed.
 */
export async function indexCluster(cluster: string, signal: AbortSignal, budgetMs = 5_000): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const { rows } = await getPool().query<{ topic: string }>(`SELECT t.topic FROM dlq_topics t WHERE t.cluster = $1 AND t.gone_at IS NULL
     ORDER BY (SELECT min(p.updated_at) FROM dlq_partitions p WHERE p.cluster = t.cluster AND p.topic = t.topic) NULLS FIRST, t.topic`, [cluster]);
  const client = getClusterClient(cluster);
  let indexed = 0;
  for (const { topic } of rows) {
    try {
      const offsets = await withoutMissing(client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic)));
      for (const { partition } of offsets ?? []) {
        for (;;) {
          if (signal.aborted || Date.now() > deadline) return indexed;
          const progress = await indexPartition(cluster, topic, partition);
          indexed += progress.indexed;
          if (progress.nextOffset >= progress.highWatermark) break;
        }
      }
    } catch (error) {
      // A cluster that is down stops the run; one topic that fails (deleted meanwhile) does not stop the others.
      if (error instanceof AppError && error.code === "UNAVAILABLE") throw error;
      log.warn("dlq topic not indexed this time", { cluster, topic, error: errorMessage(error) });
    }
  }
  return indexed;
}
