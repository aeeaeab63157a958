import "server-only";

const MAX_LENGTH = 200;

// Node's socket error codes say more to an operator than pg's wording of them.
const NETWORK_ERRORS: Record<string, (target: string) => string> = {
  ECONNREFUSED: (target) => `connection refused at ${target}`,
  ECONNRESET: (target) => `connection reset by ${target}`,
  ETIMEDOUT: (target) => `connection to ${target} timed out`,
  EHOSTUNREACH: (target) => `host unreachable: ${target}`,
  ENETUNREACH: (target) => `network unreachable: ${target}`,
  ENOTFOUND: (target) => `host not found: ${target}`,
  EAI_AGAIN: (target) => `host lookup failed: ${target}`,
};

/** The Postgres SQLSTATE (or Node socket code) an error carries, if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/** One short line for a failed database call, e.g. "connection refused at 127.0.0.1:5999". */
export function describeDatabaseError(error: unknown, target: string): string {
  const code = errorCode(error);
  const network = code === undefined ? undefined : NETWORK_ERRORS[code];
  if (network) return network(target);
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n").map((line) => line.trim()).find((line) => line.length > 0) ?? "unknown error";
  const line = firstLine.includes(target) ? firstLine : `${firstLine} (${target})`;
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

/** "host:port" of a database URL, for messages; never includes the password. */
export function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${decodeURIComponent(url.hostname) || "localhost"}:${url.port || "5432"}`;
  } catch {
    return "the database";
  }
}
