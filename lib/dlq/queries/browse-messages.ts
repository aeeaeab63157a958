import "server-only";
import { getPool } from "@/lib/db";
import { encodeCursor, PAGE_SIZE, whereClause, type DlqBrowseInput } from "./browse-filter";

export type DlqMessageListItem = {
  partition: number;
  offset: string;
  timestamp: Date;
  keyText: string | null;
  keyHex: string | null;
  originalTopic: string | null;
  errorType: string;
  errorMessage: string | null;
  attempts: number | null;
  status: string;
};

export type DlqMessagePage = { items: DlqMessageListItem[]; nextCursor: string | null };

type Row = {
  partition: number; offset: string; timestamp: Date; key_text: string | null; key_hex: string | null; original_topic: string | null;
  error_type: string; error_message: string | null; attempts: number | null; status: string;
};

/** One page of a DLQ's messages, newest first, by keyset on (time, partition, offset): every page costs the same. */
export async function browseMessages(input: DlqBrowseInput): Promise<DlqMessagePage> {
  const where = whereClause(input, true);
  const { rows } = await getPool().query<Row>(
    `SELECT partition, "offset"::text AS offset, timestamp, key_text, CASE WHEN key_text IS NULL THEN encode(key, 'hex') END AS key_hex,
       original_topic, error_type, left(error_message, 300) AS error_message, attempts, status
     FROM dlq_messages WHERE ${where.sql}
     ORDER BY timestamp DESC, partition DESC, "offset" DESC LIMIT ${PAGE_SIZE + 1}`,
    where.params);
  const items = rows.slice(0, PAGE_SIZE).map((row) => ({
    partition: row.partition, offset: row.offset, timestamp: row.timestamp, keyText: row.key_text, keyHex: row.key_hex,
    originalTopic: row.original_topic, errorType: row.error_type, errorMessage: row.error_message, attempts: row.attempts, status: row.status,
  }));
  const last = items.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last
    ? encodeCursor({ timeMs: last.timestamp.getTime(), partition: last.partition, offset: BigInt(last.offset) })
    : null;
  return { items, nextCursor };
}
