import type { PoolClient } from "pg";

/**
 * Span writers hold this advisory lock shared for their whole transaction; the projector takes it
 * exclusively for an instant. Once it has it, every ingest sequence number handed out so far belongs to
 * a committed (or rolled back) transaction, so reading up to the sequence's current value never skips a
 * span that commits later with a lower number.
 */
export const SPAN_WRITE_LOCK = 4_107_271_305;

export async function committedHorizon(client: PoolClient): Promise<bigint> {
  await client.query("SELECT pg_advisory_lock($1)", [SPAN_WRITE_LOCK]);
  try {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>("SELECT last_value::text, is_called FROM span_ingest_seq");
    const row = rows[0];
    return row?.is_called ? BigInt(row.last_value) : 0n;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SPAN_WRITE_LOCK]);
  }
}
