import { getConfig } from "@/lib/config";
import { discoverByHeaders, discoverByName, indexCluster } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import { configuredClusterNames } from "@/lib/kafka";
import { errorMessage, log } from "@/lib/log";
import type { WorkerTask } from "../task";

/** Finds DLQ topics (by name and by headers, as often as configured) and indexes their new messages. */
export function dlqIndexerTask(intervalMs = 2_000): WorkerTask {
  const lastByName = new Map<string, number>();
  const lastByHeaders = new Map<string, number>();
  return {
    name: "dlq-indexer",
    intervalMs,
    run: async (signal) => {
      const { dlqDiscoveryIntervalMs, dlqHeaderSamplingMs: samplingMs } = getConfig();
      for (const cluster of configuredClusterNames()) {
        try {
          const now = Date.now();
          if (now - (lastByName.get(cluster) ?? 0) >= dlqDiscoveryIntervalMs) {
            const topics = await discoverByName(cluster);
            lastByName.set(cluster, now);
            if (samplingMs !== null && now - (lastByHeaders.get(cluster) ?? 0) >= samplingMs) {
              lastByHeaders.set(cluster, now);
              await discoverByHeaders(cluster, topics);
            }
          }
          await indexCluster(cluster, signal);
        } catch (error) {
          // One unreachable cluster must not hold back the others; the cluster probe already reports it down.
          const unreachable = error instanceof AppError && error.code === "UNAVAILABLE";
          (unreachable ? log.debug : log.warn)("dlq indexing failed", { cluster, error: errorMessage(error) });
        }
      }
    },
  };
}
