import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/log";
import { getClusterClient } from "../registry";
import { listConsumerGroups } from "./groups";
import { clusterStatus } from "./status";
import { listTopics } from "./topics";
import type { ClusterOverview } from "./types";

/** Everything the Clusters page shows for one cluster; a down cluster gives its status and empty lists. */
export async function clusterOverview(name: string): Promise<ClusterOverview> {
  const status = await clusterStatus(name);
  if (!status.up) return { status, topics: [], groups: [] };
  try {
    const [topics, groups] = await Promise.all([listTopics(name), listConsumerGroups(name)]);
    return { status, topics, groups };
  } catch (error) {
    // The cluster went away between the status check and the listings; other errors are not "down".
    if (!(error instanceof AppError && error.code === "UNAVAILABLE")) throw error;
    const configuredBrokers = getClusterClient(name).config.brokers;
    return { status: { name, up: false, latencyMs: status.latencyMs, error: errorMessage(error), configuredBrokers }, topics: [], groups: [] };
  }
}
