import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { applySpanRetention } from "@/lib/traces/retention";
import type { WorkerTask } from "../task";

/** Creates span partitions ahead and drops expired ones; hourly is plenty for day partitions. */
export function spanRetentionTask(intervalMs = 3_600_000): WorkerTask {
  return {
    name: "span-retention",
    intervalMs,
    run: async () => {
      const result = await applySpanRetention(new Date(), getConfig().spanRetentionMs);
      if (result.partitionsCreated + result.partitionsDropped + result.projectionRowsDeleted > 0) log.info("span retention applied", result);
    },
  };
}
