import type { Admin } from "kafkajs";

export type Topics = { inventory: string; payment: string; shipping: string; replies: string };

export const SAGA_NAME = "order-fulfillment";

export function topicNames(prefix: string): Topics {
  return {
    inventory: `${prefix}orders.inventory`,
    payment: `${prefix}orders.payment`,
    shipping: `${prefix}orders.shipping`,
    replies: `${prefix}orders.replies`,
  };
}

/** Each consumed topic has a dead-letter topic beside it, named the way Flowdeck's default pattern finds it. */
export function dlqOf(topic: string): string {
  return `${topic}.DLQ`;
}

export function consumerGroup(prefix: string, service: string): string {
  return `${prefix}${service}-service`;
}

/** Creates the saga's topics and their DLQs when missing; three partitions keyed by order id keep each order in order. */
export async function ensureTopics(admin: Admin, topics: Topics): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const wanted = Object.values(topics).flatMap((topic) => [
    { topic, numPartitions: 3 },
    { topic: dlqOf(topic), numPartitions: 1 },
  ]);
  const missing = wanted.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  // Two services may create the same topic at once; kafkajs reports that as a TOPIC_ALREADY_EXISTS error.
  await admin.createTopics({ topics: missing, waitForLeaders: true }).catch((error: unknown) => {
    if (!(error as Error).message.includes("already exists")) throw error;
  });
}
