#!/usr/bin/env node
// Creates the database DATABASE_URL names if it does not exist yet (`prisma migrate deploy` will not).
// With --fresh it drops it first: the tests use that for a clean store.
import pg from "pg";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("db: FAILED: DATABASE_URL is not set (copy .env.example to .env)");
  process.exit(1);
}
const target = new URL(url);
const database = decodeURIComponent(target.pathname.slice(1));
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const quoted = `"${database.replace(/"/g, '""')}"`;
  if (process.argv.includes("--fresh")) await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE ${quoted}`);
    console.log(`db: created database ${database} on ${target.hostname}:${target.port || 5432}`);
  } else {
    console.log(`db: database ${database} exists on ${target.hostname}:${target.port || 5432}`);
  }
} catch (error) {
  console.error(`db: FAILED: cannot prepare database ${database} at ${target.hostname}:${target.port || 5432}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
