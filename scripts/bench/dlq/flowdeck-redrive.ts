// A redrive as an operator starts it (all pending messages in a time range, back to their original topics)
// and as the worker runs it (runRedriveExecutor until the job is done).
import { createRedriveJob } from "@/lib/dlq";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";
import { getPool } from "@/lib/db";
import { messageTime, type FillPlan } from "./dead-letters";

export type RedriveRun = { jobId: string; total: number; sent: number; failed: number; skipped: number; createSeconds: number; runSeconds: number };

type JobState = { status: string; total: number; sent: number; failed: number; skipped: number; wait_reason: string | null };

async function jobState(jobId: string): Promise<JobState> {
  const { rows } = await getPool().query<JobState>("SELECT status, total, sent, failed, skipped, wait_reason FROM redrive_jobs WHERE id = $1", [jobId]);
  const row = rows[0];
  if (!row) throw new Error(`redrive job ${jobId} is gone`);
  return row;
}

/** Redrives messages [first, end) of the plan (selected by their time range) and waits until the job completes. */
export async function flowdeckRedrive(plan: FillPlan, first: number, end: number, velocity: number | null, timeoutMs: number): Promise<RedriveRun> {
  const createStarted = performance.now();
  const created = await createRedriveJob({
    cluster: "local", topic: plan.topic, targetTopic: null, velocity, overrideBreakers: false, overrideLoopGuard: false, indexedBefore: null, confirmedCount: end - first,
    operator: { id: "bench", name: "bench", displayName: "bench", roles: ["viewer", "operator"] }, selection: {
      kind: "filter",
      input: { cluster: "local", topic: plan.topic, status: "pending", from: new Date(messageTime(plan, first)), to: new Date(messageTime(plan, end)) },
    },
  });
  const createSeconds = (performance.now() - createStarted) / 1000;
  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  for (;;) {
    await runRedriveExecutor(signal);
    const state = await jobState(created.jobId);
    if (state.status === "completed") {
      return { jobId: created.jobId, ...state, createSeconds, runSeconds: (performance.now() - started) / 1000 };
    }
    if (signal.aborted) throw new Error(`redrive job ${created.jobId} is still ${state.status} (${state.wait_reason ?? "moving"}) after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200)); // waiting on Kafka: the worker would come back on its next pass
  }
}
