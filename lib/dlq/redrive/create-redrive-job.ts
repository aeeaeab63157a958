import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { recordAuditEvent, reserveAuditEventId } from "@/lib/audit";
import type { Operator } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { needsApproval } from "../approvals/four-eyes-rule";
import { insertApprovalRequest } from "../approvals/insert-request";
import { describeSelection, selectionWhere, type DlqSelection } from "../verbs/selection";
import { describeTargets } from "./target-topics";

export type RedriveRequest = {
  cluster: string;
  topic: string;
  selection: DlqSelection;
  /** null: each message goes back to the original topic named in its headers. */
  targetTopic: string | null;
  /** Messages per second at most; null for no limit. */
  velocity: number | null;
  overrideBreakers: boolean;
  overrideLoopGuard: boolean;
  /** For "all matching": only messages indexed by then, so the job holds what the operator counted. */
  indexedBefore: Date | null;
  /** The count the operator typed to confirm a large redrive; checked against the selection inside the transaction. */
  confirmedCount: number | null;
  /** Who asks: recorded by name, and by id for the four-eyes rule. */
  operator: Operator;
};

export type RedriveJobCreated = {
  jobId: string;
  total: number;
  conflicts: number;
  conflictingJobs: string[];
  auditEventId: string;
  /** Above FLOWDECK_FOUR_EYES_ABOVE the job is held until a second operator approves this request. */
  approval: { requestId: string; expiresAt: Date } | null;
};

/**
 * Creates a redrive job: the job row, one ledger item per selected pending message and the audit event, in
 * one transaction. A message already in another active job is left to that job (the partial unique index
 * decides, so two operators asking at once cannot both get it); if every selected message is taken, the
 * request is a CONFLICT. Above FLOWDECK_FOUR_EYES_ABOVE messages the job is created awaiting approval: its items
 * hold their messages, but the executor does not take it until a second operator approves.
 */
/** Jobs at least this large refresh the ledger's planner statistics once created. */
const ANALYZE_ABOVE = 5_000;

export async function createRedriveJob(request: RedriveRequest): Promise<RedriveJobCreated> {
  if (request.targetTopic === request.topic) throw new AppError("VALIDATION", "The target is the dead-letter topic itself; choose the original topic or another one.");
  if (request.velocity !== null && !(Number.isInteger(request.velocity) && request.velocity >= 1)) {
    throw new AppError("VALIDATION", "The velocity limit is a whole number of messages per second, at least 1.");
  }
  const { sql, params } = selectionWhere(request.cluster, request.topic, request.selection);
  const where = request.indexedBefore ? `${sql} AND indexed_at <= $${params.push(request.indexedBefore)}` : sql;
  const targets = await targetTopicsOf(request, where, params);
  await describeTargets(request.cluster, targets); // NOT_FOUND before anything is written

  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      const created = await insertJob(client, request, where, params);
      await client.query("COMMIT");
      // A large job changes the ledger's make-up at once, long before autovacuum notices: with the old
      // statistics the planner takes the job's pending items for a handful and reads all of them for every
      // batch it marks, instead of looking each item up by id.
      if (created.total >= ANALYZE_ABOVE) await client.query("ANALYZE redrive_items");
      return created;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/** The distinct topics the selection would go to; a VALIDATION error when a message names no original topic. */
async function targetTopicsOf(request: RedriveRequest, where: string, params: unknown[]): Promise<string[]> {
  if (request.targetTopic !== null) return [request.targetTopic];
  const { rows } = await getPool().query<{ original_topic: string | null; n: number }>(
    `SELECT original_topic, count(*)::int AS n FROM dlq_messages WHERE ${where} GROUP BY original_topic`, params);
  const unnamed = rows.find((r) => r.original_topic === null)?.n ?? 0;
  if (unnamed > 0) {
    throw new AppError("VALIDATION", `${unnamed.toLocaleString("en-US")} of the selected messages name no original topic in their headers; choose a target topic.`);
  }
  const looping = rows.find((r) => r.original_topic === request.topic);
  if (looping) throw new AppError("VALIDATION", `${looping.n.toLocaleString("en-US")} of the selected messages name the dead-letter topic itself as their original; choose a target topic.`);
  return rows.map((r) => r.original_topic ?? "");
}

async function insertJob(client: PoolClient, request: RedriveRequest, where: string, params: unknown[]): Promise<RedriveJobCreated> {
  const jobId = randomUUID();
  const target = `${request.cluster}/${request.topic}`;
  const details = {
    job: jobId, selection: describeSelection(request.selection), targetTopic: request.targetTopic ?? "(original topics)",
    velocity: request.velocity, overrideBreakers: request.overrideBreakers, overrideLoopGuard: request.overrideLoopGuard,
  };
  // The audit table is append-only: the event is written once, with the counts, at the end.
  const auditEventId = await reserveAuditEventId(client);
  await client.query(
    `INSERT INTO redrive_jobs (id, cluster, source_topic, target_topic, status, velocity, override_breakers, override_loop_guard,
                               max_redrives, selection, requested_by, audit_event_id, total)
     VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8, $9, $10, $11, 0)`,
    [jobId, request.cluster, request.topic, request.targetTopic, request.velocity, request.overrideBreakers, request.overrideLoopGuard,
      getConfig().redriveMaxCount, JSON.stringify(details.selection), request.operator.name, auditEventId]);
  const n = params.length;
  const { rows: [selected] } = await client.query<{ selected: number; inserted: number }>(
    `WITH chosen AS (
       SELECT partition, "offset", COALESCE($${n + 2}::text, original_topic) AS target_topic FROM dlq_messages WHERE ${where}),
     inserted AS (
       INSERT INTO redrive_items (job_id, cluster, topic, partition, "offset", target_topic, status)
       SELECT $${n + 1}, $1, $2, partition, "offset", target_topic, 'pending' FROM chosen ORDER BY partition, "offset"
       ON CONFLICT (cluster, topic, partition, "offset") WHERE status IN ('pending', 'sending') DO NOTHING
       RETURNING 1)
     SELECT (SELECT count(*) FROM chosen)::int AS selected, (SELECT count(*) FROM inserted)::int AS inserted`,
    [...params, jobId, request.targetTopic]);
  const total = selected?.inserted ?? 0;
  const conflicts = (selected?.selected ?? 0) - total;
  const confirmAbove = getConfig().redriveConfirmAbove;
  if ((selected?.selected ?? 0) > confirmAbove && request.confirmedCount !== selected?.selected) {
    throw new AppError("VALIDATION", request.confirmedCount === null
      ? `A redrive of more than ${confirmAbove.toLocaleString("en-US")} messages needs its count typed to confirm: ${(selected?.selected ?? 0).toLocaleString("en-US")}.`
      : `The typed count ${request.confirmedCount.toLocaleString("en-US")} is not the ${(selected?.selected ?? 0).toLocaleString("en-US")} messages selected now; nothing was started.`);
  }
  const conflictingJobs = conflicts > 0 ? await jobsHolding(client, jobId, where, params) : [];
  if (total === 0) {
    throw conflicts > 0
      ? new AppError("CONFLICT", `${plural(conflicts, "selected message is", "selected messages are")} already being redriven by job ${conflictingJobs.join(", ")}.`, { conflictingJobs })
      : new AppError("VALIDATION", "No pending message matches the selection; nothing to redrive.");
  }
  const held = needsApproval(total, getConfig().fourEyesAbove);
  await client.query("UPDATE redrive_jobs SET total = $2, status = $3 WHERE id = $1", [jobId, total, held ? "awaiting_approval" : "running"]);
  const approval = held
    ? await insertApprovalRequest(client, {
      kind: "redrive", cluster: request.cluster, topic: request.topic, count: total, selection: details.selection, reason: null,
      indexedBefore: null, redriveJobId: jobId, requester: request.operator, auditEventId,
    })
    : null;
  await recordAuditEvent({
    actor: request.operator.name, action: "dlq.redrive", target, outcome: "ok",
    details: {
      ...details, count: total, conflicts, actorId: request.operator.id,
      ...(approval ? { awaitingApproval: { request: approval.id, expiresAt: approval.expiresAt.toISOString(), above: getConfig().fourEyesAbove } } : {}),
    },
  }, client, auditEventId);
  return { jobId, total, conflicts, conflictingJobs, auditEventId, approval: approval ? { requestId: approval.id, expiresAt: approval.expiresAt } : null };
}

/** The other active jobs holding some of the selected messages (at most five, for the message). */
async function jobsHolding(client: PoolClient, jobId: string, where: string, params: unknown[]): Promise<string[]> {
  const n = params.length;
  const { rows } = await client.query<{ job_id: string }>(
    `SELECT DISTINCT i.job_id FROM redrive_items i
       JOIN (SELECT partition, "offset" FROM dlq_messages WHERE ${where}) m ON m.partition = i.partition AND m."offset" = i."offset"
      WHERE i.cluster = $1 AND i.topic = $2 AND i.status IN ('pending', 'sending') AND i.job_id <> $${n + 1}
      LIMIT 5`,
    [...params, jobId]);
  return rows.map((r) => r.job_id);
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
