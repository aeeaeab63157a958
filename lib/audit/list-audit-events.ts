import "server-only";
import { getPool } from "@/lib/db";
import { containsPattern, type AuditCursor, type AuditFilter } from "./audit-filter";

export type AuditEventRow = { id: string; at: Date; actor: string; action: string; target: string; details: Record<string, unknown>; outcome: string };
export type AuditEventPage = { events: AuditEventRow[]; nextCursor: AuditCursor | null };

type Row = AuditEventRow & { at_micros: string };

/**
 * The newest events matching the filter, older than the cursor. Actor and action have indexes that
 * end with `at`; the target (contains, case-insensitive) is checked within the window, which bounds
 * every read (audit events are operator actions: thousands a day, not millions).
 */
export async function listAuditEvents(filter: AuditFilter, limit = 100): Promise<AuditEventPage> {
  const { rows } = await getPool().query<Row>(
    `SELECT id::text AS id, at, (extract(epoch FROM at) * 1000000)::bigint::text AS at_micros, actor, action, target, details, outcome
       FROM audit_events
      WHERE at >= $1 AND at < $2
        AND ($3::text IS NULL OR actor = $3)
        AND ($4::text IS NULL OR action = $4)
        AND ($5::text IS NULL OR target ILIKE $5)
        AND ($6::text IS NULL OR outcome = $6)
        AND ($7::bigint IS NULL OR (at <= timestamptz 'epoch' + $7::bigint * interval '1 microsecond'
             AND (at, id) < (timestamptz 'epoch' + $7::bigint * interval '1 microsecond', $8::bigint)))
      ORDER BY at DESC, id DESC
      LIMIT $9`,
    [filter.from, filter.to, filter.actor ?? null, filter.action ?? null, filter.target === undefined ? null : containsPattern(filter.target),
      filter.outcome ?? null, filter.cursor?.atMicros ?? null, filter.cursor?.id ?? null, limit + 1]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    events: page.map(({ at_micros: _, ...event }) => event),
    nextCursor: more && last ? { atMicros: last.at_micros, id: last.id } : null,
  };
}

/** The actions recorded so far, read by skipping through the (action, at) index: one probe per action. */
export async function listRecordedActions(): Promise<string[]> {
  const { rows } = await getPool().query<{ action: string }>(
    `WITH RECURSIVE actions(action) AS (
       (SELECT action FROM audit_events ORDER BY action LIMIT 1)
       UNION ALL
       SELECT (SELECT a.action FROM audit_events a WHERE a.action > actions.action ORDER BY a.action LIMIT 1)
         FROM actions WHERE actions.action IS NOT NULL)
     SELECT action FROM actions WHERE action IS NOT NULL LIMIT 200`);
  return rows.map((r) => r.action);
}

/** Whether any event was ever recorded: the empty state differs from "no match". */
export async function hasAnyAuditEvents(): Promise<boolean> {
  const { rows } = await getPool().query("SELECT 1 FROM audit_events LIMIT 1");
  return rows.length > 0;
}
