import type { SpanIndexColumns } from "@/lib/projections";
import { safeString } from "./sanitize";

/** Postgres refuses btree index entries over about 2.7 KB; indexed text is kept well below that. */
export const MAX_INDEXED_LENGTH = 1024;

export function capIndexed(text: string): string;
export function capIndexed(text: string | null): string | null;
export function capIndexed(text: string | null): string | null {
  return text !== null && text.length > MAX_INDEXED_LENGTH ? safeString(text.slice(0, MAX_INDEXED_LENGTH)) : text;
}

/** The span's index columns with every text value short enough to index (the attributes keep the whole value). */
export function capIndexColumns(columns: SpanIndexColumns): SpanIndexColumns {
  return {
    ...columns,
    messaging_cluster: capIndexed(columns.messaging_cluster),
    messaging_destination: capIndexed(columns.messaging_destination),
    messaging_operation: capIndexed(columns.messaging_operation),
    messaging_consumer_group: capIndexed(columns.messaging_consumer_group),
    messaging_message_id: capIndexed(columns.messaging_message_id),
    saga_id: capIndexed(columns.saga_id),
    saga_key: capIndexed(columns.saga_key),
    breaker_name: capIndexed(columns.breaker_name),
  };
}
