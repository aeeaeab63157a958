import { expireApprovalRequests } from "@/lib/dlq";
import { log } from "@/lib/log";
import type { WorkerTask } from "../task";

/** Marks four-eyes requests nobody decided within FLOWDECK_FOUR_EYES_EXPIRY expired, releasing held redrive jobs' messages. */
export function approvalExpiryTask(intervalMs = 30_000): WorkerTask {
  return {
    name: "approval-expiry",
    intervalMs,
    run: async () => {
      const expired = await expireApprovalRequests();
      if (expired > 0) log.info("approval requests expired", { expired });
    },
  };
}
