// Pure: no I/O.
// Turns a batch of ledger items and their DLQ messages into what is produced now, what fails for good and
// what waits for the next batch.
import { Partitioners, type PartitionMetadata } from "kafkajs";
import { isRefusal, redriveMessage, type DlqMessageForRedrive, type RedriveMessage } from "../redrive-message";

export type LedgerItem = { id: string; partition: number; offset: bigint; targetTopic: string };
export type SourceMessage = DlqMessageForRedrive & { offset: bigint; partition: number };
export type TargetLayout = { partitions: number[]; maxMessageBytes: number };

export type PlannedSend = { item: LedgerItem; topic: string; partition: number; message: RedriveMessage };
export type ItemFailure = { item: LedgerItem; status: "failed" | "skipped"; code: "LOOP_GUARD" | "MESSAGE_TOO_LARGE" | "EXPIRED" | "NOT_PENDING"; error: string };
export type BatchPlan = { sends: PlannedSend[]; failures: ItemFailure[]; deferred: LedgerItem[] };

/** Bytes a record adds to a batch beyond its key, value and headers (Kafka's record and batch framing, rounded up). */
const RECORD_OVERHEAD = 128;

export function recordSize(message: RedriveMessage): number {
  let size = RECORD_OVERHEAD + (message.key?.byteLength ?? 0) + (message.value?.byteLength ?? 0);
  for (const [name, value] of Object.entries(message.headers)) size += Buffer.byteLength(name) + value.byteLength + 8;
  return size;
}

/** Kafka's default partitioner (murmur2 of the key, as the Java client), so keyed messages keep their partition. */
export function partitionChooser(): (topic: string, layout: TargetLayout, key: Buffer | null) => number {
  const partitioner = Partitioners.DefaultPartitioner();
  const metadataOf = new WeakMap<TargetLayout, PartitionMetadata[]>(); // built once per target, not per message
  return (topic, layout, key) => {
    let partitionMetadata = metadataOf.get(layout);
    if (!partitionMetadata) {
      partitionMetadata = layout.partitions.map((partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0, offlineReplicas: [] }));
      metadataOf.set(layout, partitionMetadata);
    }
    return partitioner({ topic, partitionMetadata, message: { key, value: null } });
  };
}

export type PlanInput = {
  jobId: string;
  items: LedgerItem[];
  /** The DLQ messages read for the items, by offset within each partition. */
  messages: Map<string, SourceMessage>;
  targets: Map<string, TargetLayout>;
  maxRedrives: number;
  overrideLoopGuard: boolean;
  choosePartition: (topic: string, layout: TargetLayout, key: Buffer | null) => number;
};

export const sourceKey = (partition: number, offset: bigint) => `${partition}:${offset}`;

/**
 * Plans one batch in ledger order. A record batch per target partition must stay under that topic's
 * max.message.bytes, so an item that would overflow its partition's share waits for the next batch; a
 * message too large on its own fails as MESSAGE_TOO_LARGE and the job goes on.
 */
export function planBatch(input: PlanInput): BatchPlan {
  const plan: BatchPlan = { sends: [], failures: [], deferred: [] };
  const bytesPerPartition = new Map<string, number>();
  const full = new Set<string>(); // once one waits, the rest of its partition waits too: order is kept
  for (const item of input.items) {
    const source = input.messages.get(sourceKey(item.partition, item.offset));
    if (!source) {
      plan.failures.push({ item, status: "failed", code: "EXPIRED", error: "The message is no longer in the dead-letter topic (deleted by retention)." });
      continue;
    }
    const built = redriveMessage(source, { jobId: input.jobId, itemId: item.id, maxRedrives: input.maxRedrives, overrideLoopGuard: input.overrideLoopGuard });
    if (isRefusal(built)) {
      plan.failures.push({ item, status: "skipped", code: built.reason, error: built.message });
      continue;
    }
    const layout = input.targets.get(item.targetTopic);
    if (!layout) throw new Error(`no layout for target topic ${item.targetTopic}`);
    const size = recordSize(built) + 64; // with the traceparent header added when sent
    if (size > layout.maxMessageBytes) {
      plan.failures.push({ item, status: "failed", code: "MESSAGE_TOO_LARGE", error: `${size.toLocaleString("en-US")} bytes; ${item.targetTopic} accepts at most ${layout.maxMessageBytes.toLocaleString("en-US")} (max.message.bytes).` });
      continue;
    }
    const partition = input.choosePartition(item.targetTopic, layout, built.key);
    const slot = `${item.targetTopic}\u0000${partition}`;
    const used = bytesPerPartition.get(slot) ?? 0;
    if (full.has(slot) || (used > 0 && used + size > layout.maxMessageBytes)) {
      full.add(slot);
      plan.deferred.push(item);
      continue;
    }
    bytesPerPartition.set(slot, used + size);
    plan.sends.push({ item, topic: item.targetTopic, partition, message: built });
  }
  return plan;
}
