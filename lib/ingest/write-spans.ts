import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { errorCode, getPool } from "@/lib/db";
import { SPAN_WRITE_LOCK } from "@/lib/projector/ingest-horizon";
import { SPAN_COLUMNS } from "./span-row";

const NO_PARTITION = "23514"; // "no partition of relation spans found for row"
const DUPLICATE = "23505";
const COLUMNS = SPAN_COLUMNS.join(", ");

export type WriteResult = { stored: number; duplicates: number };

/**
 * Stores COPY lines of spans in one transaction and resolves only after COMMIT, so the caller can
 * acknowledge the export. The usual batch is new and goes straight in with COPY; a batch holding a
 * span already stored (an exporter's retry) is redone through a staging table and INSERT … ON CONFLICT
 * DO NOTHING, so each span is stored once.
 */
export async function writeSpanLines(lines: string[]): Promise<WriteResult> {
  if (lines.length === 0) return { stored: 0, duplicates: 0 };
  const client = await getPool().connect();
  try {
    return await writeOnce(client, lines);
  } catch (error) {
    if (errorCode(error) !== NO_PARTITION) throw error;
    // The worker keeps partitions ahead; if it has not run for days, make today's and tomorrow's here.
    await client.query("SELECT flowdeck_ensure_span_partitions(current_date - 1, current_date + 2)");
    return await writeOnce(client, lines);
  } finally {
    client.release();
  }
}

async function writeOnce(client: PoolClient, lines: string[]): Promise<WriteResult> {
  try {
    const stored = await inTransaction(client, () => copy(client, "spans", lines));
    return { stored, duplicates: 0 };
  } catch (error) {
    if (errorCode(error) !== DUPLICATE) throw error;
  }
  const stored = await inTransaction(client, async () => {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS spans_incoming AS SELECT ${COLUMNS} FROM spans WITH NO DATA`);
    await client.query("TRUNCATE spans_incoming");
    await copy(client, "spans_incoming", lines);
    const inserted = await client.query(`INSERT INTO spans (${COLUMNS}) SELECT ${COLUMNS} FROM spans_incoming ON CONFLICT DO NOTHING`);
    return inserted.rowCount ?? 0;
  });
  return { stored, duplicates: lines.length - stored };
}

async function copy(client: PoolClient, table: string, lines: string[]): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN`));
  // One chunk: each chunk becomes a CopyData message, and one per span costs more than the COPY itself.
  await pipeline(Readable.from([lines.join("")]), stream);
  return stream.rowCount;
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    // Held until COMMIT; see lib/projector/ingest-horizon.ts for why.
    await client.query("SELECT pg_advisory_xact_lock_shared($1)", [SPAN_WRITE_LOCK]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
