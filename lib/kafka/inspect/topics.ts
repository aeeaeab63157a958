import { getConfig } from "@/lib/config";
import { getClusterClient } from "../registry";
import { mapLimit } from "./map-limit";
import { withoutMissing } from "./without-missing";
import type { TopicSummary } from "./types";

/** Every topic with its partition and message counts. A topic deleted while listing is left out. */
export async function listTopics(clusterName: string): Promise<TopicSummary[]> {
  const client = getClusterClient(clusterName);
  const dlqPattern = getConfig().dlqTopicPattern;
  const names = (await client.admin("listTopics", (admin) => admin.listTopics())).sort();
  // kafkajs asks for offsets one topic at a time.
  const summaries = await mapLimit(names, 8, async (name): Promise<TopicSummary | null> => {
    const offsets = await withoutMissing(client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(name)));
    if (!offsets) return null;
    const messages = offsets.reduce((sum, o) => sum + Number(BigInt(o.high) - BigInt(o.low)), 0);
    return {
      name,
      partitions: offsets.length, // one entry per partition
      messages,
      sizeBytes: null,
      internal: name.startsWith("__"),
      isDlq: dlqPattern.test(name),
    };
  });
  return summaries.filter((s): s is TopicSummary => s !== null);
}
