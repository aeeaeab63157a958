import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { countLeavingPending } from "../../indexer/count-changes";
import type { ItemFailure, LedgerItem } from "./plan-batch";

// The redrive ledger as the executor writes it, always on the connection that holds the job's lock: if that
// connection is lost, so is the right to write, and the next worker starts by resolving what is in doubt.

/** Who the audit log names for what the worker does on its own. */
export const SYSTEM_ACTOR = "flowdeck-worker";

export type JobRow = {
  id: string;
  cluster: string;
  sourceTopic: string;
  status: "running" | "paused" | "cancelled" | "completed";
  velocity: number | null;
  overrideBreakers: boolean;
  overrideLoopGuard: boolean;
  maxRedrives: number;
  requestedBy: string;
  auditEventId: string;
  inDoubtFrom: InDoubtFrom | null;
};
/** Per target topic and partition, the end offset recorded before a batch was produced. */
export type InDoubtFrom = Record<string, Record<string, string>>;
export type SentItem = { id: string; partition: number; offset: bigint };
export type SendingItem = { id: string; traceId: string; spanId: string };

export async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function loadJob(client: PoolClient, jobId: string): Promise<JobRow | null> {
  const { rows } = await client.query<JobRow>(
    `SELECT id, cluster, source_topic AS "sourceTopic", status, velocity, override_breakers AS "overrideBreakers",
            override_loop_guard AS "overrideLoopGuard", max_redrives AS "maxRedrives", requested_by AS "requestedBy",
            audit_event_id::text AS "auditEventId", in_doubt_from AS "inDoubtFrom"
       FROM redrive_jobs WHERE id = $1`, [jobId]);
  return rows[0] ?? null;
}

/**
 * The next pending items in ledger order, and those whose message is no longer pending in the index
 * (discarded or expired since the job was created): those are skipped, not sent.
 */
export async function nextItems(client: PoolClient, jobId: string, limit: number): Promise<{ items: LedgerItem[]; notPending: ItemFailure[] }> {
  const { rows } = await client.query<{ id: string; partition: number; offset: string; target_topic: string; message_status: string | null }>(
    `SELECT i.id::text, i.partition, i."offset"::text, i.target_topic, m.status AS message_status
       FROM (SELECT * FROM redrive_items WHERE job_id = $1 AND status = 'pending' ORDER BY id LIMIT $2) i
       LEFT JOIN dlq_messages m ON m.cluster = i.cluster AND m.topic = i.topic AND m.partition = i.partition AND m."offset" = i."offset"
      ORDER BY i.id`, [jobId, limit]);
  const items: LedgerItem[] = [];
  const notPending: ItemFailure[] = [];
  for (const r of rows) {
    const item = { id: r.id, partition: r.partition, offset: BigInt(r.offset), targetTopic: r.target_topic };
    if (r.message_status === "pending") items.push(item);
    else notPending.push({ item, status: "skipped", code: "NOT_PENDING", error: `The message was ${r.message_status ?? "removed from the index"} after the job was created.` });
  }
  return { items, notPending };
}

/** Records items that will not be sent (loop guard, too large, expired, no longer pending) and counts them. */
export async function recordFailures(client: PoolClient, jobId: string, failures: ItemFailure[]): Promise<void> {
  if (failures.length === 0) return;
  await client.query(
    `UPDATE redrive_items i SET status = f.status, error_code = f.code, error = f.error
       FROM jsonb_to_recordset($2::jsonb) AS f(id bigint, status text, code text, error text)
      WHERE i.id = f.id AND i.job_id = $1 AND i.status = 'pending'`,
    [jobId, JSON.stringify(failures.map((f) => ({ id: f.item.id, status: f.status, code: f.code, error: f.error })))]);
  const failed = failures.filter((f) => f.status === "failed").length;
  await client.query("UPDATE redrive_jobs SET failed = failed + $2, skipped = skipped + $3, updated_at = now() WHERE id = $1",
    [jobId, failed, failures.length - failed]);
}

/**
 * Written before the batch is produced: its items are in doubt from here until marked, and where to look for
 * them. A batch produced earlier and not marked yet keeps its own (lower) offsets for the topics both go to,
 * so one scan from there finds either. Only items still pending whose message is still pending are marked (a
 * cancel or a discard may have come since they were read); their ids are returned, and only those may be produced.
 */
export async function markSending(client: PoolClient, jobId: string, sending: SendingItem[], inDoubtFrom: InDoubtFrom): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>(
    `UPDATE redrive_items i SET status = 'sending', trace_id = s.trace_id, span_id = s.span_id
       FROM jsonb_to_recordset($2::jsonb) AS s(id bigint, trace_id text, span_id text)
      WHERE i.id = s.id AND i.job_id = $1 AND i.status = 'pending'
        AND EXISTS (SELECT 1 FROM dlq_messages m WHERE m.cluster = i.cluster AND m.topic = i.topic AND m.partition = i.partition
                      AND m."offset" = i."offset" AND m.status = 'pending')
      RETURNING i.id::text`,
    [jobId, JSON.stringify(sending.map((s) => ({ id: s.id, trace_id: s.traceId, span_id: s.spanId })))]);
  await client.query(
    `UPDATE redrive_jobs SET in_doubt_from = $2::jsonb || COALESCE(in_doubt_from, '{}'::jsonb), started_at = COALESCE(started_at, now()),
       wait_reason = NULL, updated_at = now() WHERE id = $1`,
    [jobId, JSON.stringify(inDoubtFrom)]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Marks produced items sent with where they landed, moves their DLQ messages to redriven with a disposition
 * each (tied to the job's audit event), and updates the kept counts and the job's: one transaction.
 * `stillInDoubt` is what the job records after: the offsets of a batch being produced meanwhile, or nothing.
 */
export async function markSent(client: PoolClient, job: JobRow, sent: SentItem[], stillInDoubt: InDoubtFrom | null = null): Promise<void> {
  if (sent.length > 0) {
    const { rows } = await client.query<{ error_type: string; n: number }>(
      `WITH sent AS (
         UPDATE redrive_items i SET status = 'sent', target_partition = s.partition, target_offset = s.offset, sent_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS s(id bigint, partition int, "offset" bigint)
          WHERE i.id = s.id AND i.job_id = $1 AND i.status = 'sending'
          RETURNING i.cluster, i.topic, i.partition, i."offset"),
       moved AS (
         UPDATE dlq_messages m SET status = 'redriven' FROM sent s
          WHERE m.cluster = s.cluster AND m.topic = s.topic AND m.partition = s.partition AND m."offset" = s."offset" AND m.status = 'pending'
          RETURNING m.cluster, m.topic, m.partition, m."offset", m.error_type),
       recorded AS (
         INSERT INTO dlq_dispositions (cluster, topic, partition, "offset", kind, reason, actor, audit_event_id)
         SELECT cluster, topic, partition, "offset", 'redriven', $3, $4, $5::bigint FROM moved)
       SELECT error_type, count(*)::int AS n FROM moved GROUP BY error_type`,
      [job.id, JSON.stringify(sent.map((s) => ({ id: s.id, partition: s.partition, offset: s.offset.toString() }))),
        `redrive job ${job.id}`, job.requestedBy, job.auditEventId]);
    await countLeavingPending(client, job.cluster, job.sourceTopic, "redriven", rows.map((r) => ({ errorType: r.error_type, n: r.n })));
  }
  await client.query("UPDATE redrive_jobs SET sent = sent + $2, in_doubt_from = $3, updated_at = now() WHERE id = $1",
    [job.id, sent.length, stillInDoubt === null ? null : JSON.stringify(stillInDoubt)]);
}

/**
 * Items in doubt that were not found in the target: they were never written. They go back to pending, or,
 * if the job was cancelled meanwhile, they are cancelled too (nothing else would ever release them).
 */
export async function returnToPending(client: PoolClient, job: JobRow, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const cancelled = job.status === "cancelled";
  const result = await client.query(
    "UPDATE redrive_items SET status = $3, trace_id = NULL, span_id = NULL WHERE job_id = $1 AND status = 'sending' AND id = ANY($2::bigint[])",
    [job.id, itemIds, cancelled ? "cancelled" : "pending"]);
  if (cancelled) await client.query("UPDATE redrive_jobs SET cancelled = cancelled + $2 WHERE id = $1", [job.id, result.rowCount ?? 0]);
}

export async function sendingItems(client: PoolClient, jobId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>("SELECT id::text FROM redrive_items WHERE job_id = $1 AND status = 'sending'", [jobId]);
  return rows.map((r) => r.id);
}

export async function setWaitReason(client: PoolClient, jobId: string, reason: string | null): Promise<void> {
  await client.query("UPDATE redrive_jobs SET wait_reason = $2, updated_at = now() WHERE id = $1 AND wait_reason IS DISTINCT FROM $2", [jobId, reason]);
}

/** Ends a running job with nothing left pending or in doubt; an audit event of its own records the outcome. */
export async function completeJob(client: PoolClient, job: JobRow): Promise<void> {
  await inTransaction(client, async () => {
    const { rows } = await client.query<{ sent: number; failed: number; skipped: number; total: number }>(
      `UPDATE redrive_jobs SET status = 'completed', finished_at = now(), wait_reason = NULL, updated_at = now()
        WHERE id = $1 AND status = 'running' RETURNING sent, failed, skipped, total`, [job.id]);
    const counts = rows[0];
    if (counts) {
      await recordAuditEvent({
        actor: SYSTEM_ACTOR, action: "dlq.redrive.finished", target: `${job.cluster}/${job.sourceTopic}`,
        outcome: counts.failed > 0 ? "failed" : "ok", details: { job: job.id, requestedBy: job.requestedBy, status: "completed", ...counts },
      }, client);
    }
  });
}

/** A message the broker refused as too large on its own: it was not written, so it fails without a scan. */
export async function failSending(client: PoolClient, jobId: string, itemId: string, code: string, error: string): Promise<void> {
  await inTransaction(client, async () => {
    await client.query("UPDATE redrive_items SET status = 'failed', error_code = $3, error = $4 WHERE job_id = $1 AND id = $2 AND status = 'sending'", [jobId, itemId, code, error]);
    await client.query("UPDATE redrive_jobs SET failed = failed + 1, in_doubt_from = NULL, updated_at = now() WHERE id = $1", [jobId]);
  });
}
