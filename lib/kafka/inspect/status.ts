import { errorMessage } from "@/lib/log";
import { getClusterClient } from "../registry";
import type { ClusterStatus } from "./types";

/** Whether a cluster answers, and how fast; never throws, bounded by the cluster's timeout. */
export async function clusterStatus(name: string): Promise<ClusterStatus> {
  const client = getClusterClient(name);
  const started = performance.now();
  try {
    const cluster = await client.admin("describeCluster", (admin) => admin.describeCluster());
    return {
      name,
      up: true,
      latencyMs: Math.round(performance.now() - started),
      clusterId: cluster.clusterId,
      brokers: cluster.brokers
        .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, isController: b.nodeId === cluster.controller }))
        .sort((a, b) => a.nodeId - b.nodeId),
    };
  } catch (error) {
    return { name, up: false, latencyMs: Math.round(performance.now() - started), error: errorMessage(error), configuredBrokers: client.config.brokers };
  }
}
