import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { discardWithin } from "../verbs/discard-messages";
import type { ApprovalKind, ApprovalSettlement, ApprovalStatus, RequestState } from "./four-eyes-rule";
import { SETTLED_STATUS } from "./four-eyes-rule";
import { releaseHeldJob, startHeldJob } from "./held-redrive-job";
import { restoreSelection } from "./stored-selection";

export type RequestRow = RequestState & {
  id: string;
  kind: ApprovalKind;
  cluster: string;
  topic: string;
  count: number;
  selection: unknown;
  reason: string | null;
  indexedBefore: Date | null;
  redriveJobId: string | null;
};

export type ApprovalOutcome = {
  requestId: string;
  kind: ApprovalKind;
  status: Exclude<ApprovalStatus, "awaiting">;
  /** The redrive job, now running (approved) or cancelled. */
  jobId: string | null;
  /** An approved discard: how many of the request's messages were still pending and were discarded. */
  discarded: number | null;
};

/** Who settles a request: an operator, or the worker when it expires. */
export type Settler = { id: string; name: string };

/**
 * Locks the request's row for the rest of the caller's transaction, with the database's clock: two approvers
 * at once queue here, and the second finds it decided.
 */
export async function lockRequest(client: PoolClient, requestId: string, skipLocked = false): Promise<{ row: RequestRow; now: Date } | null> {
  const { rows: [row] } = await client.query<RequestRow & { now: Date }>(
    `SELECT id, kind, cluster, topic, status, count, selection, reason, indexed_before AS "indexedBefore", redrive_job_id AS "redriveJobId",
            requested_by_id AS "requestedById", requested_by AS "requestedBy", expires_at AS "expiresAt",
            decided_by AS "decidedBy", decided_at AS "decidedAt", clock_timestamp() AS now
       FROM approval_requests WHERE id = $1 FOR UPDATE${skipLocked ? " SKIP LOCKED" : ""}`, [requestId]);
  if (!row) return null;
  const { now, ...request } = row;
  return { row: request, now };
}

/**
 * Carries out a decision on a locked, awaiting request, in the caller's transaction: an approved redrive job
 * starts, an approved discard is performed on its selection as it is now (messages no longer pending are left),
 * anything else cancels the held job and lets its messages go. The request is marked and one audit event says so.
 */
export async function settleRequest(client: PoolClient, row: RequestRow, settlement: ApprovalSettlement, by: Settler, reason: string | null): Promise<ApprovalOutcome> {
  let discarded: number | null = null;
  let cancelled: number | null = null;
  if (row.kind === "redrive" && row.redriveJobId) {
    if (settlement === "approve") await startHeldJob(client, row.redriveJobId);
    else cancelled = await releaseHeldJob(client, row.redriveJobId);
  } else if (row.kind === "discard" && settlement === "approve") {
    const result = await discardWithin(client, {
      cluster: row.cluster, topic: row.topic, selection: restoreSelection(row.cluster, row.topic, row.selection),
      reason: row.reason ?? "", actor: row.requestedBy, indexedBefore: row.indexedBefore,
      auditDetails: { approvalRequest: row.id, approvedBy: by.name, approvedById: by.id },
    });
    discarded = result.discarded;
  }
  const status = SETTLED_STATUS[settlement];
  const result = discarded === null ? null : { discarded, requested: row.count };
  const updated = await client.query(
    `UPDATE approval_requests SET status = $2, decided_by_id = $3, decided_by = $4, decided_at = now(), decision_reason = $5, result = $6::jsonb
      WHERE id = $1 AND status = 'awaiting'`,
    [row.id, status, by.id, by.name, reason, result === null ? null : JSON.stringify(result)]);
  if (updated.rowCount !== 1) throw new Error(`approval request ${row.id} was not awaiting under its lock`);
  await recordAuditEvent({
    actor: by.name, action: `dlq.${row.kind}.${settlement}`, target: `${row.cluster}/${row.topic}`, outcome: "ok",
    details: {
      request: row.id, ...(row.redriveJobId ? { job: row.redriveJobId } : {}), count: row.count, requestedBy: row.requestedBy,
      requestedById: row.requestedById, actorId: by.id, ...(reason ? { reason } : {}),
      ...(discarded === null ? {} : { discarded }), ...(cancelled === null ? {} : { cancelled }),
    },
  }, client);
  return { requestId: row.id, kind: row.kind, status, jobId: row.redriveJobId, discarded };
}
