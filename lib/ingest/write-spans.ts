import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getPool } from "@/lib/db";
import { SPAN_WRITE_LOCK } from "@/lib/projector/ingest-horizon";
import { SPAN_COLUMNS } from "./span-row";

const NO_PARTITION = "23514"; // "no partition of relation spans found for row"
const COLUMNS = SPAN_COLUMNS.join(", ");

export type WriteResult = { stored: number; duplicates: number; firstSeq: bigint | null; lastSeq: bigint | null };

/**
 * Stores COPY lines of spans in one transaction: COPY into a session-local staging table, then one
 * INSERT … ON CONFLICT DO NOTHING, so a span sent twice is stored once (COPY alone cannot skip
 * duplicates). Resolves only after COMMIT: the caller acknowledges the export after that.
 */
export async function writeSpanLines(lines: string[]): Promise<WriteResult> {
  if (lines.length === 0) return { stored: 0, duplicates: 0, firstSeq: null, lastSeq: null };
  const client = await getPool().connect();
  try {
    return await insertOnce(client, lines);
  } catch (error) {
    if (!isMissingPartition(error)) throw error;
    // The worker keeps partitions ahead; if it has not run for days, make today's and tomorrow's here.
    await client.query("SELECT flowdeck_ensure_span_partitions(current_date - 1, current_date + 2)");
    return await insertOnce(client, lines);
  } finally {
    client.release();
  }
}

async function insertOnce(client: PoolClient, lines: string[]): Promise<WriteResult> {
  await client.query("BEGIN");
  try {
    // Held until COMMIT; see lib/projector/ingest-horizon.ts for why.
    await client.query("SELECT pg_advisory_xact_lock_shared($1)", [SPAN_WRITE_LOCK]);
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS spans_incoming AS SELECT ${COLUMNS} FROM spans WITH NO DATA`);
    await client.query("TRUNCATE spans_incoming");
    await pipeline(Readable.from(lines), client.query(copyFrom(`COPY spans_incoming (${COLUMNS}) FROM STDIN`)));
    const { rows } = await client.query<{ stored: string; first_seq: string | null; last_seq: string | null }>(
      `WITH inserted AS (
         INSERT INTO spans (${COLUMNS}) SELECT ${COLUMNS} FROM spans_incoming ON CONFLICT DO NOTHING RETURNING ingest_seq)
       SELECT count(*) AS stored, min(ingest_seq) AS first_seq, max(ingest_seq) AS last_seq FROM inserted`,
    );
    await client.query("COMMIT");
    const row = rows[0];
    const stored = Number(row?.stored ?? 0);
    return {
      stored,
      duplicates: lines.length - stored,
      firstSeq: row?.first_seq ? BigInt(row.first_seq) : null,
      lastSeq: row?.last_seq ? BigInt(row.last_seq) : null,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function isMissingPartition(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === NO_PARTITION;
}
