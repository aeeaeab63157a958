import "server-only";
import { getPool } from "@/lib/db";
import { getClusterClient } from "@/lib/kafka";
import { toDlqMessageRow } from "../message-row";
import { countArrivals } from "./count-changes";
import { expireDeleted } from "./expire-deleted";
import { insertMessages } from "./insert-messages";

export type PartitionProgress = { indexed: number; expired: number; nextOffset: bigint; highWatermark: bigint };

/**
 * Indexes the next batch of one DLQ partition. The position row is locked for the whole batch and moved
 * in the same transaction as the rows, so a crash or a second worker can neither skip nor repeat a message.
 */
export async function indexPartition(cluster: string, topic: string, partition: number, limit = 1_000): Promise<PartitionProgress> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      await client.query(
        `INSERT INTO dlq_partitions (cluster, topic, partition, next_offset, low_watermark, high_watermark, updated_at)
         VALUES ($1, $2, $3, 0, 0, 0, now()) ON CONFLICT DO NOTHING`, [cluster, topic, partition]);
      const { rows } = await client.query<{ next_offset: string }>(
        "SELECT next_offset::text FROM dlq_partitions WHERE cluster = $1 AND topic = $2 AND partition = $3 FOR UPDATE", [cluster, topic, partition]);
      const from = BigInt(rows[0]?.next_offset ?? "0");
      const read = await getClusterClient(cluster).read({ topic, partition, fromOffset: from, limit });
      const inserted = await insertMessages(client, cluster, topic, read.messages.map(toDlqMessageRow));
      await countArrivals(client, cluster, topic, inserted);
      const expired = await expireDeleted(client, cluster, topic, partition, read.lowWatermark);
      const next = nextOffset(from, limit, read.lowWatermark, read.highWatermark, read.messages.at(-1)?.offset);
      await client.query(
        `UPDATE dlq_partitions SET next_offset = $4, low_watermark = $5, high_watermark = $6, updated_at = now()
         WHERE cluster = $1 AND topic = $2 AND partition = $3`,
        [cluster, topic, partition, next.toString(), read.lowWatermark.toString(), read.highWatermark.toString()]);
      await client.query("COMMIT");
      return { indexed: inserted.length, expired, nextOffset: next, highWatermark: read.highWatermark };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * Where the next batch starts: past the last message read, or past the whole range read when it held none
 * (compaction and transaction markers leave gaps). A position beyond the end means the topic was
 * recreated: it starts again from the log start.
 */
export function nextOffset(from: bigint, limit: number, low: bigint, high: bigint, lastRead: bigint | undefined): bigint {
  if (from > high) return low;
  const start = from < low ? low : from;
  const end = start + BigInt(limit) < high ? start + BigInt(limit) : high;
  return lastRead === undefined ? end : lastRead + 1n;
}
