// The redrive baseline: a plain kafkajs consume-and-produce pipe moving the same DLQ messages back to copies
// of their original topics (routed by dlq.original.topic, partitioned by key, the DLQ's own headers dropped)
// through an idempotent producer with acks from all in-sync replicas, one fetched batch per send.
import { randomUUID } from "node:crypto";
import { Partitioners, type IHeaders, type Message } from "kafkajs";
import { kafka } from "./kafka";

/** Moves offsets [0, ends[p]) of each partition of `topic`; `route` maps an original topic to the pipe's target. */
export async function rawPipe(topic: string, ends: Map<number, bigint>, route: (originalTopic: string) => string, timeoutMs: number): Promise<number> {
  const producer = kafka().producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka().consumer({ groupId: `flowdeck-bench-raw-pipe-${randomUUID()}` });
  const remaining = new Set([...ends].filter(([, end]) => end > 0n).map(([p]) => p));
  try {
    const started = performance.now();
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`raw pipe of ${topic} timed out`)), timeoutMs);
      consumer.run({
        eachBatch: async (payload) => {
          const { batch } = payload;
          const end = ends.get(batch.partition) ?? 0n;
          const byTarget = new Map<string, Message[]>();
          for (const m of batch.messages) {
            if (BigInt(m.offset) >= end) continue;
            const headers: IHeaders = {};
            for (const [name, value] of Object.entries(m.headers ?? {})) if (!name.startsWith("dlq.")) headers[name] = value;
            const target = route(String(m.headers?.["dlq.original.topic"] ?? ""));
            const list = byTarget.get(target) ?? [];
            list.push({ key: m.key, value: m.value, headers });
            byTarget.set(target, list);
          }
          if (byTarget.size > 0) await producer.sendBatch({ acks: -1, topicMessages: [...byTarget].map(([t, messages]) => ({ topic: t, messages })) });
          if (BigInt(batch.lastOffset()) + 1n >= end) {
            payload.pause();
            remaining.delete(batch.partition);
          }
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
    return (performance.now() - started) / 1000;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}
