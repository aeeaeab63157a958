import "server-only";
import { getClusterClient } from "@/lib/kafka";
import { sourceKey, type LedgerItem, type SourceMessage } from "./plan-batch";

/** The longest range read for one batch from one partition; sparse selections read in several batches. */
const MAX_RANGE = 5_000;

/**
 * Reads the DLQ messages of a batch from Kafka (payloads are not kept in Postgres). Items whose range is
 * beyond this read are left out of `covered` and wait for the next batch; covered items with no message
 * were deleted by retention.
 */
export type SourceRead = { messages: Map<string, SourceMessage>; covered: LedgerItem[] };

export async function readSourceMessages(cluster: string, topic: string, items: LedgerItem[]): Promise<SourceRead> {
  const client = getClusterClient(cluster);
  const messages = new Map<string, SourceMessage>();
  const covered: LedgerItem[] = [];
  const byPartition = new Map<number, LedgerItem[]>();
  for (const item of items) {
    const list = byPartition.get(item.partition);
    if (list) list.push(item);
    else byPartition.set(item.partition, [item]);
  }
  // The partitions are read at once: the reader fetches them together, and each read's fixed wait overlaps.
  await Promise.all([...byPartition].map(async ([partition, partitionItems]) => {
    const first = partitionItems.reduce((min, i) => (i.offset < min ? i.offset : min), partitionItems[0]?.offset ?? 0n);
    const last = partitionItems.reduce((max, i) => (i.offset > max ? i.offset : max), first);
    const span = last - first + 1n;
    const limit = Number(span > BigInt(MAX_RANGE) ? BigInt(MAX_RANGE) : span);
    const read = await client.read({ topic, partition, fromOffset: first, limit });
    for (const m of read.messages) messages.set(sourceKey(partition, m.offset), { key: m.key, value: m.value, headers: m.headers, partition, offset: m.offset });
    const end = first + BigInt(limit);
    covered.push(...partitionItems.filter((i) => i.offset < end));
  }));
  // In ledger order again, however the reads finished.
  covered.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  return { messages, covered };
}
