import { configuredClusterNames, clusterStatus } from "@/lib/kafka";
import { log } from "@/lib/log";
import type { WorkerTask } from "../task";

/** Checks every cluster on a schedule so breaker state and metrics stay current, and logs each up/down change. */
export function clusterProbeTask(intervalMs = 15_000): WorkerTask {
  const lastUp = new Map<string, boolean>();
  return {
    name: "cluster-probe",
    intervalMs,
    run: async () => {
      const statuses = await Promise.all(configuredClusterNames().map((name) => clusterStatus(name)));
      for (const status of statuses) {
        if (lastUp.get(status.name) === status.up) continue;
        lastUp.set(status.name, status.up);
        if (status.up) log.info("cluster up", { cluster: status.name, latencyMs: status.latencyMs });
        else log.warn("cluster down", { cluster: status.name, error: status.error });
      }
    },
  };
}
