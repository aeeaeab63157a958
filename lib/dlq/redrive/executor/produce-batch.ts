import "server-only";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";
import type { InDoubtFrom, SentItem } from "./ledger";
import type { PlannedSend } from "./plan-batch";
import type { RedriveSpan } from "./redrive-span";

/** Each target partition's end offset, recorded before a batch is produced: where its messages would be found. */
export async function endOffsets(cluster: string, topics: string[]): Promise<InDoubtFrom> {
  const kafka = getClusterClient(cluster);
  const offsets = await Promise.all(topics.map((topic) => kafka.admin("end offsets", (admin) => admin.fetchTopicOffsets(topic))));
  return Object.fromEntries(topics.map((topic, i) => [topic, Object.fromEntries((offsets[i] ?? []).map((o) => [String(o.partition), o.high]))]));
}

/** Produces the batch with acks from all in-sync replicas; where each message landed, from each partition's base offset. */
export async function produce(cluster: string, sends: PlannedSend[], spans: RedriveSpan[]): Promise<SentItem[]> {
  const byTopic = new Map<string, { key: Buffer | null; value: Buffer | null; partition: number; headers: Record<string, Buffer> }[]>();
  sends.forEach((s, i) => {
    const list = byTopic.get(s.topic) ?? [];
    list.push({ key: s.message.key, value: s.message.value, partition: s.partition, headers: { ...s.message.headers, traceparent: Buffer.from(spans[i]?.traceparent ?? "") } });
    byTopic.set(s.topic, list);
  });
  const metadata = await getClusterClient(cluster).produce("redrive", (producer) => producer.sendBatch({
    acks: -1,
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
  }));
  const base = new Map(metadata.map((m) => [`${m.topicName}\u0000${m.partition}`, BigInt(m.baseOffset ?? "-1")]));
  const next = new Map<string, bigint>();
  return sends.map((s, i) => {
    const slot = `${s.topic}\u0000${s.partition}`;
    const offset = next.get(slot) ?? base.get(slot);
    if (offset === undefined || offset < 0n) throw new Error(`the broker gave no offset for ${s.topic}[${s.partition}]`);
    next.set(slot, offset + 1n);
    return { id: s.item.id, partition: s.partition, offset, traceId: spans[i]?.traceId ?? "", spanId: spans[i]?.spanId ?? "" };
  });
}

export function isTooLarge(error: unknown): boolean {
  return error instanceof AppError && typeof error.details?.kafkaError === "string" && /TOO_LARGE/.test(error.details.kafkaError);
}
