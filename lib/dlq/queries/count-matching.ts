import "server-only";
import { getPool } from "@/lib/db";
import { whereClause, type DlqBrowseInput } from "./browse-filter";

export const COUNT_CAP = 1_000_000;

/** How many pending messages match the filter, counted up to COUNT_CAP + 1 (shown as "over a million"). */
export async function countPendingMatching(input: DlqBrowseInput): Promise<number> {
  const where = whereClause({ ...input, status: "pending" }, false);
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM dlq_messages WHERE ${where.sql} LIMIT ${COUNT_CAP + 1}) capped`, where.params);
  return rows[0]?.n ?? 0;
}
