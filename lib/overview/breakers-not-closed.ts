import "server-only";
import { getPool } from "@/lib/db";

export type BreakerNotClosed = {
  service: string;
  breaker: string;
  /** open or half_open (whatever the service reported that is not closed). */
  state: string;
  since: Date;
  /** Calls that failed, timed out or were rejected by this breaker in the window (resilience_minutes). */
  failedCalls: number;
};

export type BreakersOverview = { notClosed: BreakerNotClosed[]; open: number; halfOpen: number; total: number };

export const BREAKER_LIMIT = 10;

const FAILED_OUTCOMES = ["failure", "timeout", "rejected"];

/**
 * Breakers whose latest state is not closed, open ones first, longest in that state first. breaker_states
 * holds one row per breaker, and the failed calls are a primary-key range of minute buckets per breaker.
 */
export async function breakersNotClosed(window: { from: Date; to: Date }, limit = BREAKER_LIMIT): Promise<BreakersOverview> {
  const pool = getPool();
  const [rows, totals] = await Promise.all([
    pool.query<{ service: string; breaker: string; state: string; since: Date; failed: string }>(
      `SELECT s.service, s.breaker, s.state, s.since,
         (SELECT coalesce(sum(r.count), 0)::text FROM resilience_minutes r
           WHERE r.kind = 'breaker' AND r.service = s.service AND r.name = s.breaker
             AND r.minute >= date_trunc('minute', $1::timestamptz) AND r.minute < $2 AND r.outcome = ANY($3::text[])) AS failed
       FROM breaker_states s WHERE s.state <> 'closed'
       ORDER BY s.state = 'open' DESC, s.since, s.service, s.breaker LIMIT ${String(limit)}`,
      [window.from, window.to, FAILED_OUTCOMES]),
    pool.query<{ open: number; half_open: number; total: number }>(
      `SELECT count(*) FILTER (WHERE state = 'open')::int AS open, count(*) FILTER (WHERE state NOT IN ('open', 'closed'))::int AS half_open,
         count(*)::int AS total FROM breaker_states`),
  ]);
  return {
    notClosed: rows.rows.map((row) => ({ service: row.service, breaker: row.breaker, state: row.state, since: row.since, failedCalls: Number(row.failed) })),
    open: totals.rows[0]?.open ?? 0,
    halfOpen: totals.rows[0]?.half_open ?? 0,
    total: totals.rows[0]?.total ?? 0,
  };
}
