import "server-only";
import pg from "pg";
import { log } from "@/lib/log";
import { databaseTarget, describeDatabaseError } from "./errors";

/** Limits that make Flowdeck fail fast, rather than queue up, when Postgres is down or slow. */
export const POOL_OPTIONS = {
  max: 10,
  // A connection not established within 3 s counts as Postgres being down.
  connectionTimeoutMillis: 3_000,
  // Postgres cancels any statement running longer than 10 s (a session may raise it, e.g. for COPY).
  statement_timeout: 10_000,
  // The client gives up too, for when the server never answers at all.
  query_timeout: 12_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
} satisfies pg.PoolConfig;

export function createPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, ...POOL_OPTIONS });
  // An idle connection that dies (Postgres stopped or restarted) is reported here; unhandled, it would end the process.
  pool.on("error", (error) => {
    log.warn("idle Postgres connection lost", { error: describeDatabaseError(error, databaseTarget(databaseUrl)) });
  });
  return pool;
}
