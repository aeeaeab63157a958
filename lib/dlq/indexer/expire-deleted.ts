import "server-only";
import type { PoolClient } from "pg";
import { countLeavingPending } from "./count-changes";

/**
 * Pending messages below the partition's log start were deleted by retention: they can no longer be
 * redriven, so they show as expired rather than pending. Redriven and discarded ones keep their disposition.
 */
export async function expireDeleted(client: PoolClient, cluster: string, topic: string, partition: number, lowWatermark: bigint): Promise<number> {
  const { rows } = await client.query<{ error_type: string; n: number }>(
    `WITH expired AS (
       UPDATE dlq_messages SET status = 'expired'
       WHERE cluster = $1 AND topic = $2 AND partition = $3 AND "offset" < $4 AND status = 'pending'
       RETURNING error_type)
     SELECT error_type, count(*)::int AS n FROM expired GROUP BY error_type`,
    [cluster, topic, partition, lowWatermark.toString()]);
  return countLeavingPending(client, cluster, topic, "expired", rows.map((row) => ({ errorType: row.error_type, n: row.n })));
}
