import "server-only";
import { errorCode } from "@/lib/db";

/** Postgres cancelled the statement (statement_timeout, SQLSTATE 57014). */
export function statementTimedOut(error: unknown): boolean {
  return errorCode(error) === "57014";
}
