import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent, reserveAuditEventId } from "@/lib/audit";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countLeavingPending } from "../indexer/count-changes";
import { describeSelection, selectionWhere, type DlqSelection } from "./selection";

export type DiscardRequest = {
  cluster: string;
  topic: string;
  selection: DlqSelection;
  reason: string;
  actor: string;
  /** For a filter: only messages indexed by then (a request approved later covers what was counted, not newcomers). */
  indexedBefore?: Date | null;
  /** Added to the audit event's details (an approved request names itself and its approver). */
  auditDetails?: Record<string, unknown>;
};
export type DiscardResult = { discarded: number; requested: number | null; auditEventId: string };

/**
 * Discards pending messages: each gets a disposition with the reason and the actor, its status becomes
 * discarded, the kept counts move, and one audit event records the request — all in one transaction.
 * Messages no longer pending (already discarded, redriven or expired) are left as they are.
 */
export async function discardMessages(request: DiscardRequest): Promise<DiscardResult> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      const result = await discardWithin(client, request);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/** The discard in the caller's transaction, so a request's approval and its discard commit together. */
export async function discardWithin(client: PoolClient, request: DiscardRequest): Promise<DiscardResult> {
  if (request.reason.trim() === "") throw new AppError("VALIDATION", "A discard needs a reason.");
  const target = `${request.cluster}/${request.topic}`;
  const requested = request.selection.kind === "messages" ? request.selection.positions.length : null;
  // The audit table is append-only: the event is written once, with the count, at the end.
  const auditEventId = await reserveAuditEventId(client);
  const { sql, params } = selectionWhere(request.cluster, request.topic, request.selection);
  const where = request.indexedBefore ? `${sql} AND indexed_at <= $${params.push(request.indexedBefore)}` : sql;
  params.push(request.reason, request.actor, auditEventId);
  const n = params.length;
  const { rows } = await client.query<{ error_type: string; n: number }>(
    `WITH discarded AS (
       UPDATE dlq_messages SET status = 'discarded' WHERE ${where} RETURNING partition, "offset", error_type),
     recorded AS (
       INSERT INTO dlq_dispositions (cluster, topic, partition, "offset", kind, reason, actor, audit_event_id)
       SELECT $1, $2, partition, "offset", 'discarded', $${n - 2}, $${n - 1}, $${n}::bigint FROM discarded)
     SELECT error_type, count(*)::int AS n FROM discarded GROUP BY error_type`,
    params);
  const discarded = await countLeavingPending(client, request.cluster, request.topic, "discarded", rows.map((r) => ({ errorType: r.error_type, n: r.n })));
  await recordAuditEvent({
    actor: request.actor, action: "dlq.discard", target, outcome: "ok",
    details: { reason: request.reason, selection: describeSelection(request.selection), requested, discarded, ...request.auditDetails },
  }, client, auditEventId);
  return { discarded, requested, auditEventId };
}
