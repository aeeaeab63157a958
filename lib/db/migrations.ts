import "server-only";
import { getDbHandle } from "./client";
import { errorCode } from "./errors";

const UNDEFINED_TABLE = "42P01";

/** How many migrations `prisma migrate deploy` has applied here; 0 for a database never migrated. */
export async function countAppliedMigrations(): Promise<number> {
  const { pool, schema } = getDbHandle();
  const table = `"${schema.replace(/"/g, '""')}"._prisma_migrations`;
  try {
    const { rows } = await pool.query<{ applied: number }>(
      `SELECT count(*)::int AS applied FROM ${table} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows[0]?.applied ?? 0;
  } catch (error) {
    if (errorCode(error) === UNDEFINED_TABLE) return 0;
    throw error;
  }
}
