import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";
import { databaseTarget } from "./errors";
import { createPool } from "./pool";

type DbHandle = { db: PrismaClient; pool: Pool; schema: string; target: string };

// On globalThis so that Next's dev reloads reuse one pool instead of opening another per edit.
const globalForDb = globalThis as typeof globalThis & { flowdeckDb?: DbHandle };

function openDb(databaseUrl: string): DbHandle {
  const pool = createPool(databaseUrl);
  // Same `?schema=` convention as the migrations (scripts/prisma/pg-adapter-factory.mjs).
  const schema = new URL(databaseUrl).searchParams.get("schema") || "public";
  const adapter = new PrismaPg(pool, schema === "public" ? undefined : { schema });
  return { db: new PrismaClient({ adapter }), pool, schema, target: databaseTarget(databaseUrl) };
}

/** The process's one database handle, opened on first use; connections are made lazily. */
export function getDbHandle(): DbHandle {
  globalForDb.flowdeckDb ??= openDb(getConfig().databaseUrl);
  return globalForDb.flowdeckDb;
}

export function getDb(): PrismaClient {
  return getDbHandle().db;
}

/** The pool under Prisma, for the few paths that need pg directly (COPY in lib/ingest). */
export function getPool(): Pool {
  return getDbHandle().pool;
}

/** Closes the pool (worker shutdown, tests); the next getDb() opens a fresh one. */
export async function disconnectDb(): Promise<void> {
  const handle = globalForDb.flowdeckDb;
  globalForDb.flowdeckDb = undefined;
  if (!handle) return;
  await handle.db.$disconnect();
  await handle.pool.end();
}
