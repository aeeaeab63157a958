import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";

/** Runs `work` in one transaction, so a user change and its audit event commit together or not at all. */
export async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    try {
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}
