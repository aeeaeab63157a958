// Creates the demo database when missing, applies its schema (idempotent) and stocks the warehouse.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { CATALOG } from "../catalog";
import { withAdminConnection } from "./admin-database";

export async function migrateDemoDatabase(databaseUrl: string): Promise<void> {
  await createDatabaseIfMissing(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Several services may start at once: one migrates, the others wait for it.
    await client.query("SELECT pg_advisory_lock(7401)");
    await client.query(await readFile(new URL("./schema.sql", import.meta.url), "utf8"));
    for (const item of CATALOG) {
      await client.query("INSERT INTO inventory_stock (sku, available) VALUES ($1, $2) ON CONFLICT (sku) DO NOTHING", [item.sku, item.stock]);
    }
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  await withAdminConnection(databaseUrl, async (admin, name) => {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount !== 0) return;
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: unknown) => {
      // Another process created it between the check and here.
      const code = (error as { code?: string }).code;
      if (code !== "42P04" && code !== "23505") throw error;
    });
  });
}
