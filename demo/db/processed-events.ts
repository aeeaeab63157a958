import type pg from "pg";

/**
 * Records that `consumer` handled `eventId`, in the caller's transaction. False when it already had: the
 * message is a redelivery and its effect must not happen again. A concurrent duplicate waits on the row
 * lock and then sees the conflict, so the two can never both apply.
 */
export async function markProcessed(client: pg.PoolClient, consumer: string, eventId: string): Promise<boolean> {
  const inserted = await client.query(
    "INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [consumer, eventId]);
  return inserted.rowCount === 1;
}
