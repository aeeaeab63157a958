import { getClusterClient } from "../registry";
import { mapLimit } from "./map-limit";
import { withoutMissing } from "./without-missing";
import type { GroupSummary, PartitionLag } from "./types";

// Flowdeck's own offset readers are consumer groups too; they commit nothing and would only add noise.
const OWN_READER_PREFIX = "flowdeck-reader-";

export async function listConsumerGroups(clusterName: string): Promise<GroupSummary[]> {
  const client = getClusterClient(clusterName);
  const { groups } = await client.admin("listGroups", (admin) => admin.listGroups());
  const ids = groups.map((g) => g.groupId).filter((id) => !id.startsWith(OWN_READER_PREFIX)).sort();
  if (ids.length === 0) return [];
  const described = await client.admin("describeGroups", (admin) => admin.describeGroups(ids));
  const highs = new Map<string, Map<number, string>>();

  async function highWatermarks(topic: string): Promise<Map<number, string>> {
    let byPartition = highs.get(topic);
    if (!byPartition) {
      const offsets = await withoutMissing(client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic)));
      byPartition = new Map((offsets ?? []).map((o) => [o.partition, o.high]));
      highs.set(topic, byPartition);
    }
    return byPartition;
  }

  return mapLimit(described.groups, 4, async (group) => {
    const committed = (await withoutMissing(client.admin("fetchOffsets", (admin) => admin.fetchOffsets({ groupId: group.groupId })))) ?? [];
    const partitions: PartitionLag[] = [];
    for (const { topic, partitions: parts } of committed) {
      const high = await highWatermarks(topic);
      for (const p of parts) {
        const h = high.get(p.partition);
        // -1 means the group has not committed on this partition: its lag is unknown, not zero.
        const hasCommit = p.offset !== "-1";
        if (h === undefined) continue; // the topic was deleted since the group committed
        partitions.push({
          topic,
          partition: p.partition,
          committed: hasCommit ? p.offset : null,
          high: h,
          lag: hasCommit ? Math.max(0, Number(BigInt(h) - BigInt(p.offset))) : null,
        });
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const known = partitions.filter((p) => p.lag !== null);
    return {
      groupId: group.groupId,
      state: group.state,
      members: group.members.length,
      totalLag: known.length > 0 ? known.reduce((sum, p) => sum + (p.lag ?? 0), 0) : null,
      partitions,
    };
  });
}
