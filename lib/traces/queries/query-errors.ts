import "server-only";

/** Postgres cancelled the statement (statement_timeout, SQLSTATE 57014). */
export function statementTimedOut(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "57014";
}
