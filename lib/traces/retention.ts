import "server-only";
import { getPool } from "@/lib/db";

const DAY_MS = 86_400_000;
/** Partitions exist this many days ahead, so a clock slightly ahead or a late night never finds none. */
export const DAYS_AHEAD = 3;

export type RetentionResult = { partitionsCreated: number; partitionsDropped: number; projectionRowsDeleted: number };

/**
 * Keeps the spans table's day partitions from the retention horizon to a few days ahead, drops the
 * ones wholly past retention, and deletes projection rows as old (they are derived from those spans).
 */
export async function applySpanRetention(now: Date, retentionMs: number): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - retentionMs);
  const first = isoDay(cutoff);
  const last = isoDay(new Date(now.getTime() + DAYS_AHEAD * DAY_MS));
  const pool = getPool();
  const created = await pool.query<{ n: number }>("SELECT flowdeck_ensure_span_partitions($1::date, $2::date) AS n", [first, last]);
  const dropped = await pool.query<{ n: number }>("SELECT flowdeck_drop_span_partitions($1) AS n", [cutoff]);
  let deleted = 0;
  for (const statement of [
    "DELETE FROM sagas WHERE last_progress_at < $1",
    "DELETE FROM breaker_transitions WHERE at < $1",
    "DELETE FROM resilience_minutes WHERE minute < $1",
    "DELETE FROM flow_edge_minutes WHERE minute < $1",
  ]) {
    deleted += (await pool.query(statement, [cutoff])).rowCount ?? 0;
  }
  return { partitionsCreated: created.rows[0]?.n ?? 0, partitionsDropped: dropped.rows[0]?.n ?? 0, projectionRowsDeleted: deleted };
}

/** How far ahead of this server's clock a span may start: exporters' clocks drift, but not by days. */
export const FUTURE_TOLERANCE_MS = DAY_MS;

/** The oldest and newest start time a span may have to be stored now. */
export function acceptedSpanWindow(now: Date, retentionMs: number): { earliest: Date; latest: Date } {
  return { earliest: new Date(now.getTime() - retentionMs), latest: new Date(now.getTime() + FUTURE_TOLERANCE_MS) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
