import type { InstanceStore } from "../instance-store";
import type { WorkerTask } from "../task";

/** Marks this worker alive; the console treats a worker silent for three intervals as gone. */
export function heartbeatTask(store: InstanceStore, intervalMs = 10_000): WorkerTask {
  return { name: "heartbeat", intervalMs, run: () => store.heartbeat() };
}
