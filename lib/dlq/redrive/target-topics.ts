import "server-only";
import kafkajs from "kafkajs";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";

/** Kafka's default max.message.bytes, used when the topic's config cannot be read. */
const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
// kafkajs is CommonJS and Node's ESM loader cannot see this enum as a named export.
const { ConfigResourceTypes } = kafkajs;

export type TargetTopic = { topic: string; partitions: number[]; maxMessageBytes: number };

/**
 * The topics a redrive sends to, as the broker knows them: their partitions and the largest record batch
 * each accepts. A topic that does not exist is a NOT_FOUND: a redrive never creates topics.
 */
export async function describeTargets(cluster: string, topics: string[]): Promise<Map<string, TargetTopic>> {
  const client = getClusterClient(cluster);
  const names = [...new Set(topics)];
  const existing = new Set((await client.admin("list topics", (admin) => admin.listTopics())));
  const missing = names.filter((t) => !existing.has(t));
  if (missing.length > 0) {
    throw new AppError("NOT_FOUND", `Topic ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""} does not exist on ${cluster}; a redrive does not create topics.`);
  }
  const result = new Map<string, TargetTopic>();
  if (names.length === 0) return result;
  const [metadata, configs] = await Promise.all([
    client.admin("topic metadata", (admin) => admin.fetchTopicMetadata({ topics: names })),
    client.admin("topic configs", (admin) => admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ["max.message.bytes"] })),
    })),
  ]);
  for (const topic of metadata.topics) {
    const entry = configs.resources.find((r) => r.resourceName === topic.name)?.configEntries.find((c) => c.configName === "max.message.bytes");
    const maxMessageBytes = Number(entry?.configValue ?? DEFAULT_MAX_MESSAGE_BYTES);
    result.set(topic.name, {
      topic: topic.name,
      partitions: topic.partitions.map((p) => p.partitionId).sort((a, b) => a - b),
      maxMessageBytes: Number.isFinite(maxMessageBytes) && maxMessageBytes > 0 ? maxMessageBytes : DEFAULT_MAX_MESSAGE_BYTES,
    });
  }
  return result;
}
