import "server-only";

export { disconnectDb, getDb, getPool } from "./client";
export { databaseTarget, describeDatabaseError, errorCode } from "./errors";
export { countAppliedMigrations } from "./migrations";
export { pingDatabase, type PingResult } from "./ping";
