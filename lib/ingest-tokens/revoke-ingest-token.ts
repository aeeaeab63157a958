import "server-only";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { inTransaction, recordTokenEvent, refuse } from "./token-audit";
import { resetIngestTokenCache } from "./token-cache";

export type RevokedIngestToken = { id: string; name: string; revokedAt: Date };

/**
 * Revokes the token named `name`, with an audit event by `actor`. This process refuses it at once; other
 * processes within FLOWDECK_INGEST_TOKEN_CACHE_TTL, when their copy of the tokens expires.
 */
export async function revokeIngestToken(name: string, actor: string): Promise<RevokedIngestToken> {
  const client = await getPool().connect();
  let refusal: AppError | undefined;
  try {
    const revoked = await inTransaction(client, async () => {
      const { rows } = await client.query<{ id: string; revoked_at: Date }>(
        "UPDATE ingest_tokens SET revoked_at = now(), revoked_by = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING id::text, revoked_at",
        [name, actor]);
      const row = rows[0];
      if (!row) {
        const { rows: existing } = await client.query<{ revoked_at: Date }>("SELECT revoked_at FROM ingest_tokens WHERE name = $1", [name]);
        const at = existing[0]?.revoked_at;
        refusal = at
          ? new AppError("CONFLICT", `the ingest token "${name}" was already revoked at ${at.toISOString()}`)
          : new AppError("NOT_FOUND", `no ingest token is named "${name}"`);
        return undefined;
      }
      await recordTokenEvent(client, actor, "ingest-token.revoke", name, { id: row.id });
      return { id: row.id, name, revokedAt: row.revoked_at };
    });
    if (!revoked) return await refuse(actor, "ingest-token.revoke", name, refusal ?? new AppError("NOT_FOUND", `no ingest token is named "${name}"`));
    resetIngestTokenCache();
    log.info("ingest token revoked", { token: name, actor });
    return revoked;
  } finally {
    client.release();
  }
}
