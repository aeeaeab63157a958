import "server-only";
import { getPool } from "@/lib/db";
import { effectiveStatus, type ApprovalKind, type ApprovalStatus } from "../four-eyes-rule";
import { describeStoredSelection } from "../stored-selection";

export type ApprovalRequestView = {
  id: string;
  kind: ApprovalKind;
  cluster: string;
  topic: string;
  /** Awaiting requests past their time show as expired, whether or not the worker has marked them yet. */
  status: ApprovalStatus;
  count: number;
  /** Which messages, in words. */
  selection: string;
  reason: string | null;
  redriveJobId: string | null;
  requestedById: string;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** An approved discard: how many were discarded then. */
  discarded: number | null;
};

type Row = Omit<ApprovalRequestView, "selection" | "discarded"> & { storedSelection: unknown; result: { discarded?: number } | null };

const COLUMNS = `id, kind, cluster, topic, status, count, selection AS "storedSelection", reason, redrive_job_id AS "redriveJobId",
  requested_by_id AS "requestedById", requested_by AS "requestedBy", requested_at AS "requestedAt", expires_at AS "expiresAt",
  decided_by AS "decidedBy", decided_at AS "decidedAt", decision_reason AS "decisionReason", result`;

function toView({ storedSelection, result, ...row }: Row, now: Date): ApprovalRequestView {
  const selection = row.kind === "discard" ? describeStoredSelection(storedSelection) : `${row.count.toLocaleString("en-US")} messages of the job`;
  return { ...row, status: effectiveStatus(row, now), selection, discarded: result?.discarded ?? null };
}

/** The four-eyes request of a redrive job, if it was created awaiting approval. */
export async function getApprovalRequestForJob(jobId: string): Promise<ApprovalRequestView | null> {
  const { rows } = await getPool().query<Row>(`SELECT ${COLUMNS} FROM approval_requests WHERE redrive_job_id = $1`, [jobId]);
  return rows[0] ? toView(rows[0], new Date()) : null;
}

/** Requests of one DLQ topic still waiting for a decision (not expired), newest first. */
export async function listAwaitingApprovalRequests(filter: { cluster: string; topic: string; kind?: ApprovalKind; limit?: number }): Promise<ApprovalRequestView[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT ${COLUMNS} FROM approval_requests
      WHERE cluster = $1 AND topic = $2 AND status = 'awaiting' AND expires_at > now() AND ($3::text IS NULL OR kind = $3)
      ORDER BY requested_at DESC LIMIT $4`,
    [filter.cluster, filter.topic, filter.kind ?? null, filter.limit ?? 50]);
  const now = new Date();
  return rows.map((r) => toView(r, now));
}
