import "server-only";
import { getPool } from "@/lib/db";

/** Seconds since the oldest span the projector has not read yet was stored; 0 when it is caught up. */
export async function projectionLagSeconds(): Promise<number> {
  const pool = getPool();
  const state = await pool.query<{ last_seq: string }>("SELECT last_seq::text AS last_seq FROM projector_state WHERE name = 'spans'");
  // The position as a value, not a subquery: the planner then sees that few spans lie past it and walks the
  // ingest_seq index, where a subquery's unknown value made it plan a parallel scan of the whole table.
  const { rows } = await pool.query<{ lag: number | null }>(
    "SELECT extract(epoch FROM now() - min(ingested_at))::float8 AS lag FROM spans WHERE ingest_seq > $1::bigint",
    [state.rows[0]?.last_seq ?? "0"]);
  return Math.max(0, rows[0]?.lag ?? 0);
}
