import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { ClusterClient } from "./cluster-client";

// One client set per configured cluster for the life of the process (kept on globalThis so Next's
// dev reloads and separately bundled routes share it).
const holder = globalThis as typeof globalThis & { __flowdeckClusters?: Map<string, ClusterClient> };

export function getClusterClient(name: string): ClusterClient {
  holder.__flowdeckClusters ??= new Map();
  const existing = holder.__flowdeckClusters.get(name);
  if (existing) return existing;
  const config = getConfig();
  const cluster = config.clusters.find((c) => c.name === name);
  if (!cluster) throw new AppError("NOT_FOUND", `No cluster named "${name}" is configured.`);
  const client = new ClusterClient(cluster, { timeoutMs: config.kafkaTimeoutMs });
  holder.__flowdeckClusters.set(name, client);
  return client;
}

export function configuredClusterNames(): string[] {
  return getConfig().clusters.map((c) => c.name);
}

export async function closeAllClusters(): Promise<void> {
  const clients = [...(holder.__flowdeckClusters?.values() ?? [])];
  holder.__flowdeckClusters?.clear();
  await Promise.allSettled(clients.map((c) => c.close()));
}
