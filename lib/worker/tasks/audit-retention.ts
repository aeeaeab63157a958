import { applyAuditRetention } from "@/lib/audit";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import type { WorkerTask } from "../task";

/** Deletes audit events past FLOWDECK_AUDIT_RETENTION (default 400 days) through the audit owner's purge function; hourly. */
export function auditRetentionTask(intervalMs = 3_600_000): WorkerTask {
  return {
    name: "audit-retention",
    intervalMs,
    run: async () => {
      const deleted = await applyAuditRetention(getConfig().auditRetentionMs);
      if (deleted > 0) log.info("audit retention applied", { deleted });
    },
  };
}
