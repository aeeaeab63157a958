import "server-only";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { guardFilter } from "../masking/guard-filter";
import { DLQ_STATUSES, whereClause, type DlqBrowseInput } from "./browse-filter";

export const COUNT_CAP = 1_000_000;

const MINUTE_MS = 60_000;
const NOT_PENDING = DLQ_STATUSES.filter((s) => s !== "pending");

/**
 * How many pending messages match the filter, up to COUNT_CAP + 1 (shown as "over a million"). The filters
 * the browser opens with cost the same at any size: with none, or only an error type, the kept counts answer;
 * with a time range (and an error type or not), the kept arrivals per minute less the messages no longer
 * pending. Other filters count the rows.
 * A count is an answer to a search too: FORBIDDEN for a filter on a value masked from this operator.
 */
export async function countPendingMatching(filter: DlqBrowseInput, operator: Operator): Promise<number> {
  const { input } = guardFilter(filter, operator);
  const timeAndType = input.originalTopic === undefined && input.key === undefined && input.header === undefined && input.text === undefined;
  const untimed = input.from === undefined && input.to === undefined;
  let n: number;
  if (timeAndType && untimed) n = await keptPending(input.cluster, input.topic, input.errorType);
  else if (timeAndType) n = await pendingInTimeRange(input);
  else n = await countedPending(input);
  return Math.min(n, COUNT_CAP + 1);
}

async function keptPending(cluster: string, topic: string, errorType: string | undefined): Promise<number> {
  const { rows } = errorType === undefined
    ? await getPool().query<{ n: string }>("SELECT pending_count::text AS n FROM dlq_topics WHERE cluster = $1 AND topic = $2", [cluster, topic])
    : await getPool().query<{ n: string }>("SELECT pending_count::text AS n FROM dlq_error_groups WHERE cluster = $1 AND topic = $2 AND error_type = $3",
      [cluster, topic, errorType]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Pending messages in [from, to), of one error type when the filter names one: the arrivals kept per minute
 * (by message time, in the rows' own transaction; per error type in dlq_error_minutes) for the whole minutes
 * inside, the rows of the partial minutes at either end, less the rows in the range no longer pending.
 */
async function pendingInTimeRange(input: DlqBrowseInput): Promise<number> {
  const from = input.from?.getTime() ?? null;
  const to = input.to?.getTime() ?? null;
  const firstMinute = from === null ? null : Math.ceil(from / MINUTE_MS) * MINUTE_MS;
  const endMinute = to === null ? null : Math.floor(to / MINUTE_MS) * MINUTE_MS;
  // A range inside a minute or two holds few rows: counting them is as cheap.
  if (firstMinute !== null && endMinute !== null && firstMinute >= endMinute) return countedPending(input);
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  const minutes = input.errorType === undefined ? "dlq_minutes" : "dlq_error_minutes";
  // $8 is the error type or null; "$8 IS NULL OR error_type = $8" lets one statement serve both.
  const ofType = "($8::text IS NULL OR error_type = $8)";
  const { rows } = await getPool().query<{ n: string }>(
    `SELECT ((SELECT coalesce(sum(count), 0) FROM ${minutes} WHERE cluster = $1 AND topic = $2
                ${input.errorType === undefined ? "" : "AND error_type = $8"}
                AND ($5::timestamptz IS NULL OR minute >= $5) AND ($6::timestamptz IS NULL OR minute < $6))
           + (SELECT count(*) FROM dlq_messages WHERE cluster = $1 AND topic = $2 AND ${ofType} AND $3::timestamptz IS NOT NULL AND timestamp >= $3 AND timestamp < $5)
           + (SELECT count(*) FROM dlq_messages WHERE cluster = $1 AND topic = $2 AND ${ofType} AND $4::timestamptz IS NOT NULL AND timestamp >= $6 AND timestamp < $4)
           - (SELECT count(*) FROM dlq_messages WHERE cluster = $1 AND topic = $2 AND ${ofType} AND status = ANY($7::text[])
                AND ($3::timestamptz IS NULL OR timestamp >= $3) AND ($4::timestamptz IS NULL OR timestamp < $4)))::text AS n`,
    [input.cluster, input.topic, date(from), date(to), date(firstMinute), date(endMinute), NOT_PENDING, input.errorType ?? null]);
  return Number(rows[0]?.n ?? 0);
}

async function countedPending(input: DlqBrowseInput): Promise<number> {
  const where = whereClause({ ...input, status: "pending" }, false);
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM dlq_messages WHERE ${where.sql} LIMIT ${COUNT_CAP + 1}) capped`, where.params);
  return rows[0]?.n ?? 0;
}
