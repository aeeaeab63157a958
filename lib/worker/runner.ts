import { closeAllClusters } from "@/lib/kafka";
import { disconnectDb } from "@/lib/db";
import { errorMessage, log } from "@/lib/log";
import { InstanceStore } from "./instance-store";
import { runTaskLoop } from "./task-loop";
import type { WorkerTask } from "./task";
import { approvalExpiryTask } from "./tasks/approval-expiry";
import { auditRetentionTask } from "./tasks/audit-retention";
import { clusterProbeTask } from "./tasks/cluster-probe";
import { dlqIndexerTask } from "./tasks/dlq-indexer";
import { heartbeatTask } from "./tasks/heartbeat";
import { projectorTask } from "./tasks/projector";
import { redriveExecutorTask } from "./tasks/redrive-executor";
import { spanRetentionTask } from "./tasks/span-retention";

const STOP_GRACE_MS = 10_000;

/** Starts the background tasks; the returned stop() stops taking work, waits for runs in progress, and lets go. */
export async function startWorker(extraTasks: WorkerTask[] = []): Promise<{ id: string; stop: () => Promise<void> }> {
  const store = new InstanceStore();
  const tasks = [heartbeatTask(store), clusterProbeTask(), spanRetentionTask(), auditRetentionTask(), projectorTask(), dlqIndexerTask(), redriveExecutorTask(), approvalExpiryTask(), ...extraTasks];
  await store.register(tasks.map((t) => t.name));
  const controller = new AbortController();
  const loops = tasks.map((task) => runTaskLoop(task, controller.signal, store));
  log.info("worker started", { instance: store.id, tasks: tasks.map((t) => t.name) });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log.info("worker stopping", { instance: store.id });
      controller.abort();
      const grace = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_GRACE_MS).unref());
      if ((await Promise.race([Promise.allSettled(loops), grace])) === "timeout") {
        log.warn("worker tasks still running after the grace period; leaving them", { instance: store.id });
      }
      await store.stopped().catch((e: unknown) => log.warn("could not mark the worker stopped", { error: errorMessage(e) }));
      await closeAllClusters();
      await disconnectDb();
      log.info("worker stopped", { instance: store.id });
    })();
    return stopping;
  };
  return { id: store.id, stop };
}
