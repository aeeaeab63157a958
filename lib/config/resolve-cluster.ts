import type { Config } from "./load";

/**
 * The configured cluster a span's `server.address` (host or host:port) points at: the first whose
 * brokers name that address, or that host; otherwise the default cluster.
 */
export function clusterResolver(config: Pick<Config, "clusters" | "defaultCluster">): (address: string | undefined) => string {
  const byAddress = new Map<string, string>();
  const byHost = new Map<string, string>();
  for (const cluster of config.clusters) {
    for (const broker of cluster.brokers) {
      if (!byAddress.has(broker)) byAddress.set(broker, cluster.name);
      const host = broker.slice(0, broker.lastIndexOf(":"));
      if (!byHost.has(host)) byHost.set(host, cluster.name);
    }
  }
  return (address) => (address ? (byAddress.get(address) ?? byHost.get(address) ?? config.defaultCluster) : config.defaultCluster);
}
