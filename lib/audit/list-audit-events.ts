import "server-only";
import { getPool } from "@/lib/db";

export type AuditEventRow = { id: string; at: Date; actor: string; action: string; target: string; details: Record<string, unknown>; outcome: string };

/** The newest audit events, optionally of one action, before a given id (keyset paging). */
export async function listAuditEvents(options: { action?: string; beforeId?: bigint; limit?: number } = {}): Promise<AuditEventRow[]> {
  const { rows } = await getPool().query<AuditEventRow>(
    `SELECT id::text AS id, at, actor, action, target, details, outcome FROM audit_events
     WHERE ($1::text IS NULL OR action = $1) AND ($2::bigint IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [options.action ?? null, options.beforeId?.toString() ?? null, options.limit ?? 100]);
  return rows;
}
