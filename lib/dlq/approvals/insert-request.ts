import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import type { Operator } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import type { ApprovalKind } from "./four-eyes-rule";

export type NewApprovalRequest = {
  kind: ApprovalKind;
  cluster: string;
  topic: string;
  count: number;
  selection: unknown;
  reason: string | null;
  indexedBefore: Date | null;
  redriveJobId: string | null;
  requester: Operator;
  auditEventId: string;
};

/** Records a request awaiting a second operator, in the caller's transaction; it expires after FLOWDECK_FOUR_EYES_EXPIRY. */
export async function insertApprovalRequest(client: PoolClient, request: NewApprovalRequest): Promise<{ id: string; expiresAt: Date }> {
  const id = randomUUID();
  const { rows: [row] } = await client.query<{ expires_at: Date }>(
    `INSERT INTO approval_requests (id, kind, cluster, topic, status, count, selection, reason, indexed_before, redrive_job_id,
                                    requested_by_id, requested_by, expires_at, audit_event_id)
     VALUES ($1, $2, $3, $4, 'awaiting', $5, $6, $7, $8, $9, $10, $11, now() + $12::bigint * interval '1 millisecond', $13)
     RETURNING expires_at`,
    [id, request.kind, request.cluster, request.topic, request.count, JSON.stringify(request.selection), request.reason, request.indexedBefore,
      request.redriveJobId, request.requester.id, request.requester.name, getConfig().fourEyesExpiryMs, request.auditEventId]);
  if (!row) throw new Error("the approval request was not recorded");
  return { id, expiresAt: row.expires_at };
}
