import "server-only";
import { getPool } from "@/lib/db";
import { readIngestCounters } from "./ingest-counters";
import { spansPerSecond } from "./ingest-rate";

export type IngestHealth = {
  /** Spans stored per second lately (see spansPerSecond); 0 when none arrived in the last minute. */
  spansPerSecond: number;
  /** When the newest span was stored; null when the store holds none. */
  lastSpanAt: Date | null;
  /** Seconds the projections (sagas, breakers, flows) are behind the stored spans; 0 when caught up. */
  projectionLagSeconds: number;
  /** Spans this web process refused (invalid), since it started and in about the last ten minutes. */
  rejected: { sinceStart: number; received: number; recent: number | null; startedAt: Date };
};

/** How many of the newest spans the rate reads at most: bounded work whatever the ingest rate. */
export const RATE_SAMPLE = 5_000;
export const RATE_WINDOW_MS = 60_000;

/**
 * Ingest at a glance. The rate reads the newest spans by ingest sequence (an index walk, at most
 * RATE_SAMPLE rows); the lag reads the first unprojected span by that index, not all of them, so a
 * projector that is hours behind costs the same as one that is caught up.
 */
export async function ingestHealth(now: Date): Promise<IngestHealth> {
  const pool = getPool();
  const [recent, lag] = await Promise.all([
    pool.query<{ n: number; oldest: Date | null; newest: Date | null }>(
      `SELECT count(*) FILTER (WHERE ingested_at >= $1)::int AS n, min(ingested_at) FILTER (WHERE ingested_at >= $1) AS oldest, max(ingested_at) AS newest
       FROM (SELECT ingested_at FROM spans ORDER BY ingest_seq DESC LIMIT ${String(RATE_SAMPLE)}) AS newest_spans`,
      [new Date(now.getTime() - RATE_WINDOW_MS)]),
    pool.query<{ lag: number | null }>(
      `SELECT extract(epoch FROM $1::timestamptz - ingested_at)::float8 AS lag FROM spans
       WHERE ingest_seq > coalesce((SELECT last_seq FROM projector_state WHERE name = 'spans'), 0)
       ORDER BY ingest_seq LIMIT 1`,
      [now]),
  ]);
  const row = recent.rows[0];
  return {
    spansPerSecond: spansPerSecond({ count: row?.n ?? 0, oldest: row?.oldest ?? null, sampleCap: RATE_SAMPLE, windowMs: RATE_WINDOW_MS }, now),
    lastSpanAt: row?.newest ?? null,
    projectionLagSeconds: Math.max(0, lag.rows[0]?.lag ?? 0),
    rejected: await readIngestCounters(now),
  };
}

/** Whether any span was ever stored: the overview then explains how to send some instead of showing zeros. */
export async function hasAnySpans(): Promise<boolean> {
  const { rows } = await getPool().query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM spans) AS any");
  return rows[0]?.any ?? false;
}
