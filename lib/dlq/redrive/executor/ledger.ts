import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { countLeavingPending } from "../../indexer/count-changes";
import type { InDoubtFrom } from "./in-doubt-offsets";
import type { ItemFailure, LedgerItem } from "./plan-batch";

export type { InDoubtFrom } from "./in-doubt-offsets";

// The redrive ledger as the executor writes it, always on the connection that holds the job's lock: if that
// connection is lost, so is the right to write, and the next worker starts by resolving what is in doubt.

/** Who the audit log names for what the worker does on its own. */
export const SYSTEM_ACTOR = "flowdeck-worker";

export type JobRow = {
  id: string;
  cluster: string;
  sourceTopic: string;
  status: "awaiting_approval" | "running" | "paused" | "cancelled" | "completed";
  velocity: number | null;
  overrideBreakers: boolean;
  overrideLoopGuard: boolean;
  maxRedrives: number;
  requestedBy: string;
  auditEventId: string;
  inDoubtFrom: InDoubtFrom | null;
  /** The highest ledger id of the batches produced and not yet marked: pending items up to it are in doubt. */
  inDoubtUpto: string | null;
};
/** Where a produced item landed, and the redrive span it was sent under (empty when unknown). */
export type SentItem = { id: string; partition: number; offset: bigint; traceId: string; spanId: string };

/**
 * The lowest and highest of a batch's ledger ids. Statements that touch a batch's items also bound them to
 * this range: the planner otherwise reads every pending item of the job (its index leads with job and
 * status) to find the batch's few thousand, once per batch.
 */
function idRange(ids: readonly string[]): [string, string] {
  let low = BigInt(ids[0] ?? "0");
  let high = low;
  for (const id of ids) {
    const n = BigInt(id);
    if (n < low) low = n;
    if (n > high) high = n;
  }
  return [low.toString(), high.toString()];
}

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
            audit_event_id::text AS "auditEventId", in_doubt_from AS "inDoubtFrom",
            in_doubt_upto::text AS "inDoubtUpto"
       FROM redrive_jobs WHERE id = $1`, [jobId]);
  return rows[0] ?? null;
}

/**
 * The next pending items in ledger order, leaving out `inFlight` (produced or being produced, not marked
 * yet), and those whose message is no longer pending in the index (discarded or expired since the job was
 * created): those are skipped, not sent.
 */
export async function nextItems(client: PoolClient, jobId: string, limit: number, inFlight: readonly string[] = []): Promise<{ items: LedgerItem[]; notPending: ItemFailure[] }> {
  const { rows } = await client.query<{ id: string; partition: number; offset: string; target_topic: string; message_status: string | null }>(
    `SELECT i.id::text, i.partition, i."offset"::text, i.target_topic, m.status AS message_status
       FROM (SELECT * FROM redrive_items WHERE job_id = $1 AND status = 'pending' AND id <> ALL($3::bigint[]) ORDER BY id LIMIT $2) i
       LEFT JOIN dlq_messages m ON m.cluster = i.cluster AND m.topic = i.topic AND m.partition = i.partition AND m."offset" = i."offset"
      ORDER BY i.id`, [jobId, limit, inFlight]);
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
      WHERE i.id = f.id AND i.id BETWEEN $3 AND $4 AND i.job_id = $1 AND i.status = 'pending'`,
    [jobId, JSON.stringify(failures.map((f) => ({ id: f.item.id, status: f.status, code: f.code, error: f.error }))), ...idRange(failures.map((f) => f.item.id))]);
  const failed = failures.filter((f) => f.status === "failed").length;
  await client.query("UPDATE redrive_jobs SET failed = failed + $2, skipped = skipped + $3, updated_at = now() WHERE id = $1",
    [jobId, failed, failures.length - failed]);
}

/**
 * Written before a batch is produced: from here until it is marked, the job's pending items up to `upto` are
 * in doubt, and `inDoubtFrom` says where to look for them (it covers any batch produced earlier and not
 * marked yet). The job's row is locked first, so a cancel either came before (its items are no longer
 * pending and are not produced) or comes after and leaves the items in doubt alone. Returns the items that
 * may be produced: still pending, their message still pending; the others are skipped here.
 */
export async function markInDoubt(client: PoolClient, jobId: string, itemIds: string[], inDoubtFrom: InDoubtFrom, upto: string): Promise<Set<string>> {
  await client.query(
    `UPDATE redrive_jobs SET in_doubt_from = $2::jsonb, in_doubt_upto = GREATEST(COALESCE(in_doubt_upto, 0), $3::bigint),
       started_at = COALESCE(started_at, now()), wait_reason = NULL, updated_at = now() WHERE id = $1`,
    [jobId, JSON.stringify(inDoubtFrom), upto]);
  const { rows } = await client.query<{ id: string; partition: number; offset: string; target_topic: string; message_status: string | null }>(
    `SELECT i.id::text, i.partition, i."offset"::text, i.target_topic, m.status AS message_status
       FROM redrive_items i
       LEFT JOIN dlq_messages m ON m.cluster = i.cluster AND m.topic = i.topic AND m.partition = i.partition AND m."offset" = i."offset"
      WHERE i.id BETWEEN $3 AND $4 AND i.id = ANY($2::bigint[]) AND i.job_id = $1 AND i.status = 'pending'`, [jobId, itemIds, ...idRange(itemIds)]);
  const producible = new Set<string>();
  const gone: ItemFailure[] = [];
  for (const r of rows) {
    if (r.message_status === "pending") producible.add(r.id);
    else gone.push({ item: { id: r.id, partition: r.partition, offset: BigInt(r.offset), targetTopic: r.target_topic }, status: "skipped", code: "NOT_PENDING", error: `The message was ${r.message_status ?? "removed from the index"} after the job was created.` });
  }
  await recordFailures(client, jobId, gone);
  return producible;
}

/** Nothing in doubt any more (every batch produced is marked), or only what `still` names. */
export async function setInDoubt(client: PoolClient, jobId: string, still: { from: InDoubtFrom; upto: string } | null): Promise<void> {
  await client.query("UPDATE redrive_jobs SET in_doubt_from = $2::jsonb, in_doubt_upto = $3::bigint, updated_at = now() WHERE id = $1",
    [jobId, still === null ? null : JSON.stringify(still.from), still?.upto ?? null]);
}

/**
 * Marks produced items sent with where they landed, moves their DLQ messages to redriven with a disposition
 * each (tied to the job's audit event), and updates the kept counts and the job's: one transaction. Only
 * items still pending are marked (so two writers marking the same items, a worker that lost its lock and
 * the one settling its batch, count each once). The job's in-doubt record is left to the job's owner.
 */
export async function markSent(client: PoolClient, job: JobRow, sent: SentItem[]): Promise<void> {
  if (sent.length === 0) return;
  const { rows: [result] } = await client.query<{ marked: number; moved: { errorType: string; n: number }[] }>(
    `WITH sent AS (
       UPDATE redrive_items i SET status = 'sent', target_partition = s.partition, target_offset = s.offset, sent_at = now(),
              trace_id = NULLIF(s.trace_id, ''), span_id = NULLIF(s.span_id, '')
         FROM jsonb_to_recordset($2::jsonb) AS s(id bigint, partition int, "offset" bigint, trace_id text, span_id text)
        WHERE i.id = s.id AND i.id BETWEEN $6 AND $7 AND i.job_id = $1 AND i.status = 'pending'
        RETURNING i.cluster, i.topic, i.partition, i."offset"),
     moved AS (
       UPDATE dlq_messages m SET status = 'redriven' FROM sent s
        WHERE m.cluster = s.cluster AND m.topic = s.topic AND m.partition = s.partition AND m."offset" = s."offset" AND m.status = 'pending'
        RETURNING m.cluster, m.topic, m.partition, m."offset", m.error_type),
     recorded AS (
       INSERT INTO dlq_dispositions (cluster, topic, partition, "offset", kind, reason, actor, audit_event_id)
       SELECT cluster, topic, partition, "offset", 'redriven', $3, $4, $5::bigint FROM moved)
     SELECT (SELECT count(*)::int FROM sent) AS marked,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('errorType', error_type, 'n', n))
                        FROM (SELECT error_type, count(*)::int AS n FROM moved GROUP BY error_type) g), '[]'::jsonb) AS moved`,
    [job.id, JSON.stringify(sent.map((s) => ({ id: s.id, partition: s.partition, offset: s.offset.toString(), trace_id: s.traceId, span_id: s.spanId }))),
      `redrive job ${job.id}`, job.requestedBy, job.auditEventId, ...idRange(sent.map((s) => s.id))]);
  await countLeavingPending(client, job.cluster, job.sourceTopic, "redriven", result?.moved ?? []);
  await client.query("UPDATE redrive_jobs SET sent = sent + $2, updated_at = now() WHERE id = $1", [job.id, result?.marked ?? 0]);
}

/**
 * Items in doubt that were not found in the target were never written: they stay pending and are sent
 * again, unless the job was cancelled meanwhile; then they are cancelled (nothing else would release them).
 */
export async function settleNotFound(client: PoolClient, job: JobRow, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0 || job.status !== "cancelled") return;
  const result = await client.query(
    "UPDATE redrive_items SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending' AND id = ANY($2::bigint[])", [job.id, itemIds]);
  await client.query("UPDATE redrive_jobs SET cancelled = cancelled + $2 WHERE id = $1", [job.id, result.rowCount ?? 0]);
}

/** The items in doubt: pending, at or below the highest id of the batches produced and not marked. */
export async function inDoubtItems(client: PoolClient, job: JobRow): Promise<string[]> {
  if (job.inDoubtUpto === null) return [];
  const { rows } = await client.query<{ id: string }>(
    "SELECT id::text FROM redrive_items WHERE job_id = $1 AND status = 'pending' AND id <= $2::bigint", [job.id, job.inDoubtUpto]);
  return rows.map((r) => r.id);
}

/**
 * A cancelled job with nothing in doubt: items a cancel left pending because they were in doubt then, and
 * were neither sent nor found, are cancelled now.
 */
export async function cancelLeftovers(client: PoolClient, jobId: string): Promise<void> {
  const result = await client.query("UPDATE redrive_items SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending'", [jobId]);
  if (result.rowCount) await client.query("UPDATE redrive_jobs SET cancelled = cancelled + $2 WHERE id = $1", [jobId, result.rowCount]);
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
    await client.query("UPDATE redrive_items SET status = 'failed', error_code = $3, error = $4 WHERE job_id = $1 AND id = $2 AND status = 'pending'", [jobId, itemId, code, error]);
    await client.query("UPDATE redrive_jobs SET failed = failed + 1, in_doubt_from = NULL, in_doubt_upto = NULL, updated_at = now() WHERE id = $1", [jobId]);
  });
}
