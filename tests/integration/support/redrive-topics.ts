// Topics for redrive tests: a DLQ filled with dead-lettered messages the way the reference system writes
// them, indexed by Flowdeck; and a way to read back everything a topic holds. On the shared local broker,
// or (topicsOn) on a test's throwaway broker.
import { Kafka, logLevel, type IHeaders } from "kafkajs";
import { indexCluster, discoverByName } from "@/lib/dlq";
import { getPool } from "@/lib/db";
import { LOCAL_BROKER } from "../env";

export type DeadLetter = { key: string | null; value: string | Buffer; headers: IHeaders };
export type ReadBack = { partition: number; offset: string; key: string | null; value: Buffer | null; headers: Record<string, string> };
export type TopicsHelper = ReturnType<typeof topicsOn>;

export function deadLetter(i: number, originalTopic: string, extra: IHeaders = {}): DeadLetter {
  const trace = i.toString(16).padStart(32, "a");
  return {
    key: `order-${i}`,
    value: JSON.stringify({ orderId: `order-${i}`, amount: i }),
    headers: {
      "event-id": `evt-${i}`,
      "tenant": "acme",
      "traceparent": `00-${trace}-${"b".repeat(16)}-01`,
      "dlq.original.topic": originalTopic,
      "dlq.original.partition": "0",
      "dlq.original.offset": String(i),
      "dlq.error.type": i % 2 === 0 ? "Timeout" : "Poison",
      "dlq.error.message": `failed ${i}`,
      ...extra,
    },
  };
}

/** Creating, filling and reading back topics on one broker: the shared local one, or a test's throwaway broker. */
export function topicsOn(broker: string) {
  const kafka = new Kafka({ clientId: "it-redrive", brokers: [broker], logLevel: logLevel.NOTHING });

  async function createTopics(topics: { topic: string; numPartitions: number; configEntries?: { name: string; value: string }[] }[]): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics, waitForLeaders: true });
      // A leader in the metadata is not yet a partition the broker serves (a busy broker lags): wait for its offsets.
      const deadline = Date.now() + 30_000;
      for (const { topic } of topics) {
        for (;;) {
          const served = await admin.fetchTopicOffsets(topic).then(() => true, (error: unknown) => {
            if (Date.now() > deadline) throw error;
            return false;
          });
          if (served) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  async function deleteTopics(topics: string[]): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics }).catch(() => {});
    await admin.disconnect();
  }

  async function produce(topic: string, messages: DeadLetter[]): Promise<void> {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (let i = 0; i < messages.length; i += 1_000) await producer.send({ topic, messages: messages.slice(i, i + 1_000) });
    } finally {
      await producer.disconnect();
    }
  }

  /** Everything the topic holds now, read from the beginning of each partition to its end. */
  async function readAll(topic: string): Promise<ReadBack[]> {
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const remaining = new Map(ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]));
    const result: ReadBack[] = [];
    if (remaining.size === 0) return result;
    const consumer = kafka.consumer({ groupId: `it-read-${topic}-${Date.now()}-${Math.random()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out with ${result.length} messages`)), 60_000);
      void consumer.run({
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(m.headers ?? {})) headers[name] = String(Array.isArray(value) ? value[0] : value);
            result.push({ partition: batch.partition, offset: m.offset, key: m.key?.toString() ?? null, value: m.value, headers });
            if (Number(m.offset) + 1 >= (remaining.get(batch.partition) ?? 0)) remaining.delete(batch.partition);
          }
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
    await consumer.disconnect();
    return result;
  }

  return { kafka, createTopics, deleteTopics, produce, readAll };
}

export const { kafka, createTopics, deleteTopics, produce, readAll } = topicsOn(LOCAL_BROKER);

/** Runs discovery and the indexer until the DLQ topic's `count` messages are in the index. */
export async function indexAll(topic: string, count: number, timeoutMs = 60_000, cluster = "local"): Promise<void> {
  const signal = new AbortController().signal;
  const deadline = Date.now() + timeoutMs;
  await discoverByName(cluster);
  for (;;) {
    await indexCluster(cluster, signal, 30_000).catch(() => 0);
    const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM dlq_messages WHERE cluster = $1 AND topic = $2", [cluster, topic]);
    if ((rows[0]?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`indexed ${rows[0]?.n ?? 0} of ${count} messages of ${topic}`);
  }
}

/** The count of each flowdeck.redrive.id in what was read: exactly once means every count is 1. */
export function countByRedriveId(messages: ReadBack[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) {
    const id = m.headers["flowdeck.redrive.id"];
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
