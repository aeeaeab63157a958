import "server-only";
import { parseConfig, type Config } from "./load";

export { ConfigError, type Config } from "./load";
export type { ClusterConfig } from "./schema";
export { formatDuration } from "./duration";
export { clusterResolver } from "./resolve-cluster";

let cached: Config | undefined;

/** The validated configuration; the only place Flowdeck reads process.env. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function getCluster(name: string): Config["clusters"][number] | undefined {
  return getConfig().clusters.find((c) => c.name === name);
}
