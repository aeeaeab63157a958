import { runRedriveExecutor, type ExecutorOptions } from "@/lib/dlq/redrive/executor";
import type { WorkerTask } from "../task";

/** Runs redrive jobs; a job that waits (a breaker open, Kafka down) is looked at again on the next run. */
export function redriveExecutorTask(intervalMs = 1_000, options: ExecutorOptions = {}): WorkerTask {
  return { name: "redrive-executor", intervalMs, run: (signal) => runRedriveExecutor(signal, options) };
}
