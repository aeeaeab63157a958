import "server-only";
import { getPool } from "@/lib/db";
import { whereClause, type DlqBrowseInput } from "./browse-filter";

export type DlqErrorGroupRow = { errorType: string; count: number; firstSeen: Date; lastSeen: Date };

/**
 * The messages matching the filter, grouped by error type. With no filter but the status and the error type,
 * the kept counts answer (pending or all); otherwise the index is grouped.
 */
export async function errorGroups(input: DlqBrowseInput): Promise<DlqErrorGroupRow[]> {
  const kept = input.from === undefined && input.to === undefined && input.originalTopic === undefined
    && input.key === undefined && input.header === undefined && input.text === undefined;
  if (kept && (input.status === "pending" || input.status === "any")) {
    const column = input.status === "pending" ? "pending_count" : "total_count";
    const { rows } = await getPool().query<{ error_type: string; n: string; first_seen: Date; last_seen: Date }>(
      `SELECT error_type, ${column}::text AS n, first_seen, last_seen FROM dlq_error_groups
       WHERE cluster = $1 AND topic = $2 AND ($3::text IS NULL OR error_type = $3) AND ${column} > 0
       ORDER BY ${column} DESC, error_type`, [input.cluster, input.topic, input.errorType ?? null]);
    return rows.map((row) => ({ errorType: row.error_type, count: Number(row.n), firstSeen: row.first_seen, lastSeen: row.last_seen }));
  }
  const where = whereClause(input, false);
  const { rows } = await getPool().query<{ error_type: string; n: string; first_seen: Date; last_seen: Date }>(
    `SELECT error_type, count(*)::text AS n, min(timestamp) AS first_seen, max(timestamp) AS last_seen
     FROM dlq_messages WHERE ${where.sql} GROUP BY error_type ORDER BY count(*) DESC, error_type LIMIT 200`, where.params);
  return rows.map((row) => ({ errorType: row.error_type, count: Number(row.n), firstSeen: row.first_seen, lastSeen: row.last_seen }));
}
