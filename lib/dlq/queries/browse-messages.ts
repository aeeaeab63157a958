import "server-only";
import type { Operator } from "@/lib/auth";
import { getPool } from "@/lib/db";
import { guardFilter } from "../masking/guard-filter";
import { maskFields, type MaskedFields } from "../masking/mask-fields";
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
  /** Fields hidden from this operator by masking rules, with the rules. */
  masked: MaskedFields;
};

export type DlqMessagePage = { items: DlqMessageListItem[]; nextCursor: string | null };

type Row = {
  partition: number; offset: string; timestamp: Date; key_text: string | null; key_hex: string | null; original_topic: string | null;
  error_type: string; error_message: string | null; attempts: number | null; status: string;
};

const ERROR_MESSAGE_SHOWN = 300;

/**
 * One page of a DLQ's messages, newest first, by keyset on (time, partition, offset): every page costs the same.
 * FORBIDDEN for a filter that could find messages by a value masked from this operator.
 */
export async function browseMessages(filter: DlqBrowseInput, operator: Operator): Promise<DlqMessagePage> {
  const { input, masking } = guardFilter(filter, operator);
  const where = whereClause(input, true);
  const { rows } = await getPool().query<Row>(
    `SELECT partition, "offset"::text AS offset, timestamp, key_text, CASE WHEN key_text IS NULL THEN encode(key, 'hex') END AS key_hex,
       original_topic, error_type, left(error_message, $${where.params.length + 1}) AS error_message, attempts, status
     FROM dlq_messages WHERE ${where.sql}
     ORDER BY timestamp DESC, partition DESC, "offset" DESC LIMIT ${PAGE_SIZE + 1}`,
    // Masked before it is cut, so a cut cannot leave part of a hidden value behind.
    [...where.params, masking === null ? ERROR_MESSAGE_SHOWN : 100_000]);
  const items = rows.slice(0, PAGE_SIZE).map((row) => {
    const { row: shown, masked } = maskFields(
      { originalTopic: row.original_topic, errorType: row.error_type, errorMessage: row.error_message }, ["originalTopic", "errorType", "errorMessage"], masking);
    return {
      partition: row.partition, offset: row.offset, timestamp: row.timestamp, keyText: row.key_text, keyHex: row.key_hex,
      originalTopic: shown.originalTopic, errorType: shown.errorType, errorMessage: shown.errorMessage?.slice(0, ERROR_MESSAGE_SHOWN) ?? null,
      attempts: row.attempts, status: row.status, masked,
    };
  });
  const last = items.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last
    ? encodeCursor({ timeMs: last.timestamp.getTime(), partition: last.partition, offset: BigInt(last.offset) })
    : null;
  return { items, nextCursor };
}
