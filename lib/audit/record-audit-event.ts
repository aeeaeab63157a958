import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";

export type AuditEventInput = {
  actor: string;
  /** "domain.verb", e.g. "dlq.discard". */
  action: string;
  target: string;
  details: Record<string, unknown>;
  outcome: "ok" | "denied" | "failed";
};

/** Writes one audit event, in the caller's transaction when given one (so it commits with the change it records). */
export async function recordAuditEvent(event: AuditEventInput, client?: PoolClient): Promise<string> {
  const { rows } = await (client ?? getPool()).query<{ id: string }>(
    "INSERT INTO audit_events (actor, action, target, details, outcome) VALUES ($1, $2, $3, $4, $5) RETURNING id::text",
    [event.actor, event.action, event.target, JSON.stringify(event.details), event.outcome]);
  return rows[0]?.id ?? "";
}
