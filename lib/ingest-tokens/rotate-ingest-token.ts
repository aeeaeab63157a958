import "server-only";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { inTransaction, recordTokenEvent, refuse } from "./token-audit";
import { resetIngestTokenCache } from "./token-cache";
import { generateIngestToken, hashIngestToken } from "./token-format";
import { IngestTokenName } from "./token-name";
import type { CreatedIngestToken } from "./create-ingest-token";

/**
 * Gives the name `name` a new token, creating it if missing: the old token (revoked or not) stops
 * working, within FLOWDECK_INGEST_TOKEN_CACHE_TTL elsewhere. For holders that can take a new token at
 * once (Flowdeck's own self-tracing, the demo); exporters elsewhere rotate without a gap by creating a
 * second token, switching to it and revoking the first.
 */
export async function rotateIngestToken(name: string, actor: string): Promise<CreatedIngestToken> {
  const parsed = IngestTokenName.safeParse(name);
  if (!parsed.success) return refuse(actor, "ingest-token.rotate", name, new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "invalid token name"));
  const token = generateIngestToken();
  const client = await getPool().connect();
  try {
    const { id, replaced } = await inTransaction(client, async () => {
      // xmax = 0 only on a freshly inserted row: tells a new name from a replaced token.
      const { rows } = await client.query<{ id: string; inserted: boolean }>(
        `INSERT INTO ingest_tokens (name, token_hash, created_by) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), created_by = EXCLUDED.created_by,
           revoked_at = NULL, revoked_by = NULL, last_used_at = NULL
         RETURNING id::text, (xmax = 0) AS inserted`,
        [name, hashIngestToken(token), actor]);
      const row = rows[0];
      const result = { id: row?.id ?? "", replaced: row ? !row.inserted : false };
      await recordTokenEvent(client, actor, "ingest-token.rotate", name, result);
      return result;
    });
    resetIngestTokenCache();
    log.info(replaced ? "ingest token rotated" : "ingest token created", { token: name, actor });
    return { id, name, token };
  } finally {
    client.release();
  }
}
