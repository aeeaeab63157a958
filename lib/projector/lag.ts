import "server-only";
import { getPool } from "@/lib/db";

/** Seconds since the oldest span the projector has not read yet was stored; 0 when it is caught up. */
export async function projectionLagSeconds(): Promise<number> {
  const { rows } = await getPool().query<{ lag: number | null }>(
    `SELECT extract(epoch FROM now() - min(ingested_at))::float8 AS lag FROM spans
     WHERE ingest_seq > coalesce((SELECT last_seq FROM projector_state WHERE name = 'spans'), 0)`);
  return Math.max(0, rows[0]?.lag ?? 0);
}
