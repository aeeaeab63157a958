import "server-only";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";
import { withoutMissing } from "@/lib/kafka/inspect/without-missing";
import { AppError } from "@/lib/errors";
import { errorMessage, log } from "@/lib/log";
import { indexPartition } from "./index-partition";

// Partitions of a topic indexed at once: while one batch is written to Postgres, the next is read from Kafka
// and another decoded, so neither waits on the other. Each holds its own connection and position lock.
const PARTITIONS_AT_ONCE = 3;

/**
 * Indexes every registered DLQ topic of the cluster until each partition has caught up or `budgetMs` has
 * passed; the least recently read topics go first, so a busy one cannot starve the others. Returns the
 * messages indexed.
 */
export async function indexCluster(cluster: string, signal: AbortSignal, budgetMs = 5_000): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const outOfTime = () => signal.aborted || Date.now() > deadline;
  const { rows } = await getPool().query<{ topic: string }>(`SELECT t.topic FROM dlq_topics t WHERE t.cluster = $1 AND t.gone_at IS NULL
     ORDER BY (SELECT min(p.updated_at) FROM dlq_partitions p WHERE p.cluster = t.cluster AND p.topic = t.topic) NULLS FIRST, t.topic`, [cluster]);
  const client = getClusterClient(cluster);
  let indexed = 0;
  for (const { topic } of rows) {
    if (outOfTime()) break;
    try {
      const offsets = await withoutMissing(client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic)));
      const partitions = (offsets ?? []).map((o) => o.partition);
      const head = partitions[0];
      if (head === undefined) continue;
      // The reader restarts its consumer to take in a topic it has not read yet, and reads starting meanwhile
      // would each restart it again: the first batch of a topic is read alone.
      const opening = await indexPartition(cluster, topic, head);
      indexed += opening.indexed;
      const waiting = opening.nextOffset >= opening.highWatermark ? partitions.slice(1) : partitions;
      const failed = new AbortController(); // one failure stops the others taking new batches
      // Functions, not property reads: these change while the loops await.
      const failing = () => failed.signal.aborted;
      const workers = Array.from({ length: Math.min(PARTITIONS_AT_ONCE, waiting.length) }, async () => {
        for (let partition = waiting.shift(); partition !== undefined && !failing(); partition = waiting.shift()) {
          while (!failing() && !outOfTime()) {
            const progress = await indexPartition(cluster, topic, partition).catch((error: unknown) => {
              failed.abort(error);
              throw error;
            });
            indexed += progress.indexed;
            if (progress.nextOffset >= progress.highWatermark) break;
          }
        }
      });
      await Promise.allSettled(workers);
      if (failing()) throw failed.signal.reason;
    } catch (error) {
      // A cluster that is down stops the run; one topic that fails (deleted meanwhile) does not stop the others.
      if (error instanceof AppError && error.code === "UNAVAILABLE") throw error;
      log.warn("dlq topic not indexed this time", { cluster, topic, error: errorMessage(error) });
    }
  }
  return indexed;
}
