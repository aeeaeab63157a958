import "server-only";
import { getPool } from "@/lib/db";

/** flowdeck_audit_purge deletes at most this many events a call. */
const PURGE_BATCH = 10_000;
const MAX_BATCHES = 100;

/**
 * Deletes audit events older than `retentionMs` through flowdeck_audit_purge, the one way rows leave
 * audit_events: it runs as the audit owner and refuses a retention shorter than the owner's policy.
 */
export async function applyAuditRetention(retentionMs: number): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { rows } = await getPool().query<{ n: string }>("SELECT flowdeck_audit_purge($1::bigint * interval '1 millisecond')::text AS n", [retentionMs]);
    const n = Number(rows[0]?.n ?? 0);
    deleted += n;
    if (n < PURGE_BATCH) break;
  }
  return deleted;
}
