import "server-only";
import { errorCode, getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { inTransaction, recordTokenEvent, refuse } from "./token-audit";
import { resetIngestTokenCache } from "./token-cache";
import { generateIngestToken, hashIngestToken } from "./token-format";
import { IngestTokenName } from "./token-name";

/** `token` is the only copy there will ever be: hand it to the caller once, never log or store it. */
export type CreatedIngestToken = { id: string; name: string; token: string };

const UNIQUE_VIOLATION = "23505";

/** Mints a token named `name` and stores its digest, with an audit event by `actor`, in one transaction. */
export async function createIngestToken(name: string, actor: string): Promise<CreatedIngestToken> {
  const parsed = IngestTokenName.safeParse(name);
  if (!parsed.success) return refuse(actor, "ingest-token.create", name, new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "invalid token name"));
  const token = generateIngestToken();
  const client = await getPool().connect();
  try {
    const id = await inTransaction(client, async () => {
      const { rows } = await client.query<{ id: string }>(
        "INSERT INTO ingest_tokens (name, token_hash, created_by) VALUES ($1, $2, $3) RETURNING id::text", [name, hashIngestToken(token), actor]);
      const created = rows[0]?.id ?? "";
      await recordTokenEvent(client, actor, "ingest-token.create", name, { id: created });
      return created;
    });
    // This process knows at once; others re-read on the first export with it (at most once a second).
    resetIngestTokenCache();
    log.info("ingest token created", { token: name, actor });
    return { id, name, token };
  } catch (error) {
    if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
    return await refuse(actor, "ingest-token.create", name,
      new AppError("CONFLICT", `an ingest token named "${name}" already exists (a revoked token keeps its name); pick another name`));
  } finally {
    client.release();
  }
}
