import "server-only";
import { getClusterClient } from "@/lib/kafka";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/log";
import { lagKey } from "../model";
import { sumLag, type PartitionHigh } from "./sum-lag";

export type LagRequest = { cluster: string; topic: string; group: string };
/** lags: per lagKey, a number or null (unknown); problems: why some are unknown, in words, one per cluster. */
export type LagAnswer = { lags: Map<string, number | null>; problems: string[] };

/** How long the flow map waits for brokers before it draws "lag unknown": a page must not hang on a dead cluster. */
export const LAG_DEADLINE_MS = 2_500;
const IN_FLIGHT = 4;

/**
 * Consumer lag of each (cluster, topic, group) on the map, read from the brokers (committed offsets and high
 * watermarks). Every call goes through the cluster's guard (timeout and circuit breaker), and the whole look-up
 * is cut off at the deadline: whatever has not answered by then stays unknown.
 */
export async function consumerLag(requests: readonly LagRequest[], deadlineMs = LAG_DEADLINE_MS): Promise<LagAnswer> {
  const lags = new Map<string, number | null>();
  const problems = new Map<string, string>();
  for (const r of requests) lags.set(lagKey(r.cluster, r.topic, r.group), null);
  const byCluster = new Map<string, LagRequest[]>();
  for (const r of requests) if (r.group !== "") byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);

  const answered = new Set<string>();
  const work = Promise.all([...byCluster].map(([cluster, wanted]) =>
    lagsOfCluster(cluster, wanted, lags).then(() => {
      answered.add(cluster);
    }, (error: unknown) => {
      problems.set(cluster, `Lag on ${cluster} is unknown: ${errorMessage(error)}`);
    })));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  const outcome = await Promise.race([work.then(() => "done" as const), late]);
  clearTimeout(timer);
  if (outcome === "late") {
    for (const cluster of byCluster.keys()) {
      if (!answered.has(cluster) && !problems.has(cluster)) problems.set(cluster, `Lag on ${cluster} is unknown: its brokers did not answer within ${deadlineMs / 1000} s`);
    }
  }
  // A copy: look-ups still running after the deadline must not change what the page already drew.
  return { lags: new Map(lags), problems: [...problems.values()].sort() };
}

async function lagsOfCluster(cluster: string, wanted: readonly LagRequest[], into: Map<string, number | null>): Promise<void> {
  const client = getClusterClient(cluster);
  const highs = new Map<string, Promise<PartitionHigh[]>>();
  const highsOf = (topic: string) => {
    let pending = highs.get(topic);
    if (!pending) {
      pending = client.admin("fetchTopicOffsets", (admin) => admin.fetchTopicOffsets(topic));
      highs.set(topic, pending);
    }
    return pending;
  };
  const topicsByGroup = new Map<string, string[]>();
  for (const r of wanted) topicsByGroup.set(r.group, [...new Set([...(topicsByGroup.get(r.group) ?? []), r.topic])]);
  const groups = [...topicsByGroup];
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const entry = groups[next++];
      if (!entry) continue;
      const [groupId, topics] = entry;
      // Topics the cluster does not have (deleted, or only named by spans) have no lag to show, and asking
      // for a group's offsets on one of them fails the whole request: they are left out, as unknown.
      const known = new Map<string, PartitionHigh[]>();
      for (const topic of topics) {
        const high = await withoutMissing(highsOf(topic));
        if (high !== null) known.set(topic, high);
      }
      if (known.size === 0) continue;
      const committed = await client.admin("fetchOffsets", (admin) => admin.fetchOffsets({ groupId, topics: [...known.keys()] }));
      for (const { topic, partitions } of committed) {
        const high = known.get(topic);
        if (high) into.set(lagKey(cluster, topic, groupId), sumLag(high, partitions));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, groups.length) }, worker));
}

async function withoutMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
