import "server-only";
import { getPool } from "@/lib/db";

/** What an operator may see of a token: never the token, nor its digest. */
export type IngestTokenRow = {
  id: string;
  name: string;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
};

export async function listIngestTokens(): Promise<IngestTokenRow[]> {
  const { rows } = await getPool().query<IngestTokenRow>(
    `SELECT id::text, name, created_at AS "createdAt", created_by AS "createdBy", revoked_at AS "revokedAt",
            revoked_by AS "revokedBy", last_used_at AS "lastUsedAt"
       FROM ingest_tokens ORDER BY revoked_at IS NOT NULL, name`);
  return rows;
}
