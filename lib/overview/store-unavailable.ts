// Tells "Postgres is not answering" from other failures, so the overview can say the store is down (and
// still show the brokers) instead of a generic error. Pure; unit tested.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
// SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, crash, cannot connect now).
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
// What node-postgres says when the pool gives up connecting or the server goes away mid-query.
const MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated/i, /Connection terminated unexpectedly/i, /the database system is (starting up|shutting down)/i];

export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError && error.errors.some(isStoreUnavailable)) return true;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  if (code !== undefined && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  const message = error instanceof Error ? error.message : "";
  return MESSAGES.some((pattern) => pattern.test(message));
}
