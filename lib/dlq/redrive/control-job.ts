import "server-only";
import { recordAuditEvent } from "@/lib/audit";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type JobControl = "pause" | "resume" | "cancel";

const FROM: Record<JobControl, string[]> = { pause: ["running"], resume: ["paused"], cancel: ["running", "paused"] };
const TO: Record<JobControl, string> = { pause: "paused", resume: "running", cancel: "cancelled" };

/**
 * Pauses, resumes or cancels a job, audited. A batch already being produced still finishes and is marked
 * (it cannot be called back from Kafka); a cancel releases the pending items, so their messages can be
 * redriven or discarded again.
 */
export async function controlRedriveJob(jobId: string, control: JobControl, actor: string): Promise<{ status: string; cancelled: number }> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      // The row lock orders this against the executor recording a batch in doubt (it locks the row first).
      const { rows: [job] } = await client.query<{ status: string; cluster: string; source_topic: string; in_doubt_upto: string | null }>(
        "SELECT status, cluster, source_topic, in_doubt_upto::text FROM redrive_jobs WHERE id = $1 FOR UPDATE", [jobId]);
      if (!job) throw new AppError("NOT_FOUND", `No redrive job ${jobId}.`);
      if (job.status === "awaiting_approval") {
        throw new AppError("CONFLICT", "The job is awaiting a second operator's approval; it can be approved or rejected, or withdrawn by its requester.");
      }
      if (!FROM[control].includes(job.status)) throw new AppError("CONFLICT", `The job is ${job.status}; it cannot be ${control === "cancel" ? "cancelled" : `${control}d`}.`);
      let cancelled = 0;
      if (control === "cancel") {
        // Items in doubt may be in Kafka already: the executor settles them (sent, or cancelled if not found).
        const result = await client.query("UPDATE redrive_items SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending' AND id > $2::bigint",
          [jobId, job.in_doubt_upto ?? "0"]);
        cancelled = result.rowCount ?? 0;
      }
      await client.query(
        `UPDATE redrive_jobs SET status = $2, cancelled = cancelled + $3, wait_reason = NULL, updated_at = now(),
                finished_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE finished_at END
          WHERE id = $1`, [jobId, TO[control], cancelled]);
      await recordAuditEvent({
        actor, action: `dlq.redrive.${control}`, target: `${job.cluster}/${job.source_topic}`, outcome: "ok",
        details: { job: jobId, ...(control === "cancel" ? { cancelled } : {}) },
      }, client);
      await client.query("COMMIT");
      return { status: TO[control], cancelled };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}
