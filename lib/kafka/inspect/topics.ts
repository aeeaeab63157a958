import { getConfig } from "@/lib/config";
import { getClusterClient } from "../registry";
import { mapLimit } from "./map-limit";
import type { TopicSummary } from "./types";

export async function listTopics(clusterName: string): Promise<TopicSummary[]> {
  const client = getClusterClient(clusterName);
  const dlqPattern = getConfig().dlqTopicPattern;
  const names = (await client.admin("listTopics", (admin) => admin.listTopics())).sort();
  const { topics } = await client.admin("fetchTopicMetadata", (admin) => admin.fetchTopicMetadata({ topics: names }));
  const partitionsByTopic = new Map(topics.map((t) => [t.name, t.partitions.length]));
  // kafkajs asks for offsets one topic at a time.
  return mapLimit(names, 8, async (name) => {
    const offsets = await client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(name));
    const messages = offsets.reduce((sum, o) => sum + Number(BigInt(o.high) - BigInt(o.low)), 0);
    return {
      name,
      partitions: partitionsByTopic.get(name) ?? offsets.length,
      messages,
      sizeBytes: null,
      internal: name.startsWith("__"),
      isDlq: dlqPattern.test(name),
    };
  });
}
