// The benchmark's own kafkajs client: topics it creates and deletes, the fill, and end offsets.
import { Kafka, logLevel } from "kafkajs";
import { deadLetter, type FillPlan } from "./dead-letters";

// The benchmark's own broker (see bench-broker.ts), so nothing else on the machine reads or indexes its topics.
let client: Kafka | undefined;
export function useBroker(address: string): void {
  client = new Kafka({ clientId: "flowdeck-bench-dlq", brokers: [address], logLevel: logLevel.NOTHING });
}
export function kafka(): Kafka {
  if (!client) throw new Error("the benchmark's broker is not started yet");
  return client;
}

/** Creates the topics and waits until every partition has a leader (kafkajs' own wait can fail on a busy broker). */
export async function createTopics(topics: string[], partitions: number): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: false });
    for (let attempt = 0; ; attempt++) {
      const ready = await admin.fetchTopicMetadata({ topics }).then(
        (m) => m.topics.every((t) => t.partitions.length === partitions && t.partitions.every((p) => p.leader >= 0)),
        () => false);
      if (ready) return;
      if (attempt === 100) throw new Error(`topics ${topics.join(", ")} have no leaders after 20 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(topics: string[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Each partition's end offset (high watermark). */
export async function endOffsets(topic: string): Promise<Map<number, bigint>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

export async function messagesIn(topics: string[]): Promise<number> {
  let total = 0n;
  for (const topic of topics) for (const high of (await endOffsets(topic)).values()) total += high;
  return Number(total);
}

// A record batch must stay under the broker's 1 MB max.message.bytes: about 2 KB a message.
const FILL_BATCH = 400;

/**
 * Produces the plan's messages, one sender per partition so each partition holds its messages in index
 * order (a time range is then an offset range); not what is measured, just fast.
 */
export async function fill(plan: FillPlan): Promise<void> {
  const producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await Promise.all(Array.from({ length: plan.partitions }, async (_, partition) => {
      for (let first = partition; first < plan.count; first += FILL_BATCH * plan.partitions) {
        const messages = [];
        for (let i = first; i < plan.count && messages.length < FILL_BATCH; i += plan.partitions) messages.push(deadLetter(plan, i));
        await producer.send({ topic: plan.topic, acks: 1, messages });
      }
    }));
  } finally {
    await producer.disconnect();
  }
}
