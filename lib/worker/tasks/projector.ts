import { getMetrics } from "@/lib/metrics/registry";
import { projectNewSpans, projectionLagSeconds } from "@/lib/projector";
import type { WorkerTask } from "../task";

/** Keeps sagas, breakers, counts and flow edges up with the spans table, batch after batch. */
export function projectorTask(intervalMs = 1_000): WorkerTask {
  return {
    name: "projector",
    intervalMs,
    run: async (signal) => {
      let run = await projectNewSpans();
      while (!run.caughtUp && !signal.aborted) run = await projectNewSpans();
      getMetrics().projectionLagSeconds.set(await projectionLagSeconds());
    },
  };
}
