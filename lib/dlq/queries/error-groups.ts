import "server-only";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { guardFilter } from "../masking/guard-filter";
import { maskField } from "../masking/mask-fields";
import { whereClause, type DlqBrowseInput } from "./browse-filter";

/** maskedBy: the rules that hide (part of) the error type from this operator; such a group is not a link. */
export type DlqErrorGroupRow = { errorType: string; count: number; firstSeen: Date; lastSeen: Date; maskedBy: string[] };

/**
 * The messages matching the filter, grouped by error type. With no filter but the status and the error type,
 * the kept counts answer (pending or all); otherwise the index is grouped. Error types hidden from the operator
 * by masking rules are masked (the counts stay, the values do not).
 */
export async function errorGroups(filter: DlqBrowseInput, operator: Operator): Promise<DlqErrorGroupRow[]> {
  const { input, masking } = guardFilter(filter, operator);
  const shown = (row: { error_type: string; n: string; first_seen: Date; last_seen: Date }): DlqErrorGroupRow => {
    const errorType = row.error_type === "" ? { value: "", maskedBy: [] } : maskField("errorType", row.error_type, masking);
    return { errorType: errorType.value, count: Number(row.n), firstSeen: row.first_seen, lastSeen: row.last_seen, maskedBy: errorType.maskedBy };
  };
  const kept = input.from === undefined && input.to === undefined && input.originalTopic === undefined
    && input.key === undefined && input.header === undefined && input.text === undefined;
  if (kept && (input.status === "pending" || input.status === "any")) {
    const column = input.status === "pending" ? "pending_count" : "total_count";
    const { rows } = await getPool().query<{ error_type: string; n: string; first_seen: Date; last_seen: Date }>(
      `SELECT error_type, ${column}::text AS n, first_seen, last_seen FROM dlq_error_groups
       WHERE cluster = $1 AND topic = $2 AND ($3::text IS NULL OR error_type = $3) AND ${column} > 0
       ORDER BY ${column} DESC, error_type`, [input.cluster, input.topic, input.errorType ?? null]);
    return rows.map(shown);
  }
  const where = whereClause(input, false);
  const { rows } = await getPool().query<{ error_type: string; n: string; first_seen: Date; last_seen: Date }>(
    `SELECT error_type, count(*)::text AS n, min(timestamp) AS first_seen, max(timestamp) AS last_seen
     FROM dlq_messages WHERE ${where.sql} GROUP BY error_type ORDER BY count(*) DESC, error_type LIMIT 200`, where.params);
  return rows.map(shown);
}
