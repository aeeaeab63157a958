// Runs the redrive executor in the test's process, as the worker's task does, until a job has settled.
import { setTimeout as sleep } from "node:timers/promises";
import { getRedriveJob } from "@/lib/dlq";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";

const signal = new AbortController().signal;

/** Runs the executor until the job is no longer running and nothing of it is in doubt (or the time is up). */
export async function runUntilSettled(jobId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runRedriveExecutor(signal);
    const job = await getRedriveJob(jobId);
    if (job && job.status !== "running" && !job.inDoubt) return;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job?.status} (${job?.waitReason ?? "no wait reason"})`);
    await sleep(200);
  }
}
