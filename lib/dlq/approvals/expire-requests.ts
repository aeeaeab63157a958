import "server-only";
import { getPool } from "@/lib/db";
import { EXPIRY_SETTLER } from "./decide-request";
import { lockRequest, settleRequest } from "./settle-request";

/**
 * Marks awaiting requests past FLOWDECK_FOUR_EYES_EXPIRY expired, each in its own transaction with an audit
 * event, releasing a held redrive job's messages. A request being decided right now is skipped (its lock is
 * taken) and looked at on the next pass; the decision finds it expired itself. Returns how many expired.
 */
export async function expireApprovalRequests(limit = 500): Promise<number> {
  const { rows } = await getPool().query<{ id: string }>(
    "SELECT id FROM approval_requests WHERE status = 'awaiting' AND expires_at <= now() ORDER BY expires_at LIMIT $1", [limit]);
  let expired = 0;
  for (const { id } of rows) {
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      try {
        const locked = await lockRequest(client, id, true);
        if (locked && locked.row.status === "awaiting" && locked.row.expiresAt.getTime() <= locked.now.getTime()) {
          await settleRequest(client, locked.row, "expire", EXPIRY_SETTLER, null);
          expired++;
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    } finally {
      client.release();
    }
  }
  return expired;
}
