import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNMODELLED_TABLES } from "@/prisma/unmodelled-tables";

const SERVER_URL = "postgresql://postgres@127.0.0.1:5432";
const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const DRIFT = 2; // `migrate diff --exit-code`: 0 no difference, 1 error, 2 difference

const run = promisify(execFile);
const database = `flowdeck_migrations_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const databaseUrl = `${SERVER_URL}/${database}`;

type Outcome = { code: number; output: string };

/** The real Prisma CLI, configured by prisma.config.ts (so through scripts/prisma/schema-engine.mjs). */
async function prisma(...args: string[]): Promise<Outcome> {
  const options = { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 };
  try {
    const { stdout, stderr } = await run("npx", ["prisma", ...args], options);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

async function sql<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function migrationFolders(): Promise<string[]> {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await sql<{ datname: string }>(`${SERVER_URL}/postgres`, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
  return rows.map((row) => row.datname);
}

// Tables in prisma/unmodelled-tables.ts reach this through prisma.config.ts (`tables.external`), so it skips them.
const driftCheck = ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"];

describe("prisma/migrations", () => {
  beforeAll(async () => {
    await sql(`${SERVER_URL}/postgres`, `CREATE DATABASE "${database}"`);
  });

  afterAll(async () => {
    await sql(`${SERVER_URL}/postgres`, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it("apply every migration folder to an empty database", async () => {
    const deploy = await prisma("migrate", "deploy");
    expect(deploy.code, deploy.output).toBe(0);
    const applied = await sql<{ migration_name: string }>(
      databaseUrl,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(applied.map((row) => row.migration_name)).toEqual(folders);
  });

  it("are a no-op when deployed again", async () => {
    const again = await prisma("migrate", "deploy");
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("No pending migrations to apply");
  });

  it("leave no drift from schema.prisma, apart from the unmodelled tables", async () => {
    const diff = await prisma(...driftCheck);
    expect(diff.code, diff.output).toBe(0);
    expect(diff.output).toContain("No difference detected");
  });

  it("replay on a shadow database to exactly schema.prisma, and drop that database after", async () => {
    const shadowsBefore = await shadowDatabases();
    const diff = await prisma("migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code");
    expect(diff.code, diff.output).toBe(0);
    const leftOver = (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
    expect(leftOver).toEqual([]);
  });

  it("create every table listed as unmodelled, so the list hides nothing by mistake", async () => {
    for (const table of UNMODELLED_TABLES) {
      const [row] = await sql<{ found: string | null }>(databaseUrl, "SELECT to_regclass($1)::text AS found", [table]);
      expect(row?.found, `${table} is in prisma/unmodelled-tables.ts but no migration creates it`).not.toBeNull();
    }
  });

  it("report drift when a table appears outside the migrations (the check is live)", async () => {
    await sql(databaseUrl, "CREATE TABLE flowdeck_drift_probe (id int PRIMARY KEY)");
    const diff = await prisma(...driftCheck);
    expect(diff.code, diff.output).toBe(DRIFT);
    expect(diff.output).toContain("flowdeck_drift_probe");
  });
});
