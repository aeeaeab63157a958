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

/**
 * Writes one audit event, in the caller's transaction when given one (so it commits with the change it
 * records). The table is append-only: a caller that must point other rows at the event before its
 * details are known reserves the id first (reserveAuditEventId) and records the whole event at the end.
 */
export async function recordAuditEvent(event: AuditEventInput, client?: PoolClient, reservedId?: string): Promise<string> {
  const values = [event.actor, event.action, event.target, JSON.stringify(event.details), event.outcome];
  const { rows } = await (client ?? getPool()).query<{ id: string }>(
    reservedId === undefined
      ? "INSERT INTO audit_events (actor, action, target, details, outcome) VALUES ($1, $2, $3, $4, $5) RETURNING id::text"
      : "INSERT INTO audit_events (id, actor, action, target, details, outcome) VALUES ($6, $1, $2, $3, $4, $5) RETURNING id::text",
    reservedId === undefined ? values : [...values, reservedId]);
  return rows[0]?.id ?? "";
}

/** Draws the id of an audit event to be recorded later in the same session (its transaction, usually). */
export async function reserveAuditEventId(client: PoolClient): Promise<string> {
  const { rows } = await client.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))::text AS id");
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("the audit event sequence returned no id");
  return id;
}
