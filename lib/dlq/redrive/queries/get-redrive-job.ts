import "server-only";
import { getPool } from "@/lib/db";

export type RedriveJobStatus = "awaiting_approval" | "running" | "paused" | "cancelled" | "completed";
export type RedriveJobView = {
  id: string;
  cluster: string;
  sourceTopic: string;
  targetTopic: string | null;
  status: RedriveJobStatus;
  waitReason: string | null;
  velocity: number | null;
  overrideBreakers: boolean;
  overrideLoopGuard: boolean;
  requestedBy: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Items sent and not yet marked: they are settled before anything else is sent. */
  inDoubt: boolean;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Messages per second since the job started, and the time left at that rate (or the limit). */
  rate: number | null;
  etaSeconds: number | null;
};

const COLUMNS = `id, cluster, source_topic AS "sourceTopic", target_topic AS "targetTopic", status, wait_reason AS "waitReason", velocity,
  override_breakers AS "overrideBreakers", override_loop_guard AS "overrideLoopGuard", requested_by AS "requestedBy",
  total, sent, failed, skipped, cancelled, in_doubt_from IS NOT NULL AS "inDoubt",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

type Row = Omit<RedriveJobView, "rate" | "etaSeconds">;

function withProgress(row: Row, now = Date.now()): RedriveJobView {
  const done = row.sent + row.failed + row.skipped + row.cancelled;
  const remaining = Math.max(0, row.total - done);
  const elapsed = row.startedAt ? ((row.finishedAt?.getTime() ?? now) - row.startedAt.getTime()) / 1_000 : 0;
  const rate = elapsed > 0 ? row.sent / elapsed : null;
  const expected = rate !== null && rate > 0 ? (row.velocity === null ? rate : Math.min(rate, row.velocity)) : row.velocity;
  const etaSeconds = row.status !== "running" && row.status !== "paused" ? null : remaining === 0 ? 0 : expected ? Math.ceil(remaining / expected) : null;
  return { ...row, rate, etaSeconds };
}

export async function getRedriveJob(jobId: string): Promise<RedriveJobView | null> {
  if (!/^[0-9a-f-]{36}$/.test(jobId)) return null;
  const { rows } = await getPool().query<Row>(`SELECT ${COLUMNS} FROM redrive_jobs WHERE id = $1`, [jobId]);
  return rows[0] ? withProgress(rows[0]) : null;
}

/** The newest jobs, optionally of one DLQ topic. */
export async function listRedriveJobs(filter: { cluster?: string; topic?: string; limit?: number } = {}): Promise<RedriveJobView[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT ${COLUMNS} FROM redrive_jobs
      WHERE ($1::text IS NULL OR cluster = $1) AND ($2::text IS NULL OR source_topic = $2)
      ORDER BY created_at DESC LIMIT $3`,
    [filter.cluster ?? null, filter.topic ?? null, filter.limit ?? 50]);
  return rows.map((r) => withProgress(r));
}
