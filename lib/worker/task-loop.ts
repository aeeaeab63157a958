import { errorMessage, log } from "@/lib/log";
import { getMetrics } from "@/lib/metrics/registry";
import { sleep } from "./abortable-sleep";
import type { WorkerTask } from "./task";

export type TaskRunRecorder = {
  started: (task: string) => Promise<void>;
  finished: (task: string, error?: string) => Promise<void>;
};

// A function, not a property read: the signal aborts while the run is awaited.
const isStopping = (signal: AbortSignal) => signal.aborted;

/** Runs one task on its interval until `signal` aborts; a failing run is logged and retried next interval. */
export async function runTaskLoop(task: WorkerTask, signal: AbortSignal, recorder: TaskRunRecorder): Promise<void> {
  const runs = getMetrics().workerTaskRuns;
  while (!signal.aborted) {
    let failure: string | undefined;
    await recorder.started(task.name).catch((e: unknown) => log.warn("could not record task start", { task: task.name, error: errorMessage(e) }));
    try {
      await task.run(signal);
      runs.inc({ task: task.name, outcome: "ok" });
    } catch (error) {
      failure = errorMessage(error);
      runs.inc({ task: task.name, outcome: "error" });
      if (!isStopping(signal)) log.warn("worker task failed", { task: task.name, error: failure });
    }
    await recorder.finished(task.name, failure).catch((e: unknown) => log.warn("could not record task end", { task: task.name, error: errorMessage(e) }));
    await sleep(task.intervalMs, signal);
  }
}
