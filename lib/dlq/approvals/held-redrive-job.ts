import "server-only";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors";

// A redrive job held for approval: its items are pending (so they hold their messages against other jobs) but
// the executor claims only running jobs, so nothing is sent until it is approved.

/** Approval: the job becomes running, and the executor takes it on its next pass. */
export async function startHeldJob(client: PoolClient, jobId: string): Promise<void> {
  const result = await client.query("UPDATE redrive_jobs SET status = 'running', updated_at = now() WHERE id = $1 AND status = 'awaiting_approval'", [jobId]);
  if (result.rowCount !== 1) throw new AppError("CONFLICT", `Redrive job ${jobId} is no longer awaiting approval; nothing changed.`);
}

/** Rejection, withdrawal or expiry: the job is cancelled and its items let go, so the messages can be redriven again. */
export async function releaseHeldJob(client: PoolClient, jobId: string): Promise<number> {
  const { rows: [job] } = await client.query<{ status: string }>("SELECT status FROM redrive_jobs WHERE id = $1 FOR UPDATE", [jobId]);
  if (job?.status !== "awaiting_approval") throw new AppError("CONFLICT", `Redrive job ${jobId} is no longer awaiting approval; nothing changed.`);
  const released = await client.query("UPDATE redrive_items SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending'", [jobId]);
  const cancelled = released.rowCount ?? 0;
  await client.query(
    `UPDATE redrive_jobs SET status = 'cancelled', cancelled = cancelled + $2, finished_at = now(), updated_at = now() WHERE id = $1`,
    [jobId, cancelled]);
  return cancelled;
}
