import "server-only";
import type { ReadMessage } from "@/lib/kafka";
import { describePayload, headersForDisplay, readDlqMetadata } from "./decode";

/** One dlq_messages row as the indexer writes it (JSON for jsonb_to_recordset; bytes as base64). */
export type DlqMessageRow = {
  partition: number;
  offset: string;
  timestamp: string;
  key_b64: string | null;
  key_text: string | null;
  headers: unknown;
  original_topic: string | null;
  original_partition: number | null;
  original_offset: string | null;
  consumer_group: string | null;
  error_type: string;
  error_message: string | null;
  attempts: number | null;
  failed_at: string | null;
  trace_id: string | null;
  parent_span_id: string | null;
  saga_id: string | null;
  event_id: string | null;
  redrive_count: number;
  size: number;
  format: string;
  schema_id: number | null;
  preview: string;
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function keyText(key: Buffer | null): string | null {
  if (key === null) return null;
  try {
    const text = strictUtf8.decode(key);
    // Postgres text cannot hold NUL; such a key is shown from its bytes instead.
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}

export function toDlqMessageRow(message: ReadMessage): DlqMessageRow {
  const meta = readDlqMetadata(message.headers);
  const payload = describePayload(message.value);
  return {
    partition: message.partition,
    offset: message.offset.toString(),
    timestamp: message.timestamp.toISOString(),
    key_b64: message.key === null ? null : message.key.toString("base64"),
    key_text: keyText(message.key),
    headers: headersForDisplay(message.headers),
    original_topic: meta.originalTopic,
    original_partition: meta.originalPartition,
    original_offset: meta.originalOffset,
    consumer_group: meta.consumerGroup,
    error_type: meta.errorType ?? "",
    error_message: meta.errorMessage,
    attempts: meta.attempts,
    failed_at: meta.failedAt?.toISOString() ?? null,
    trace_id: meta.traceId,
    parent_span_id: meta.parentSpanId,
    saga_id: meta.sagaId,
    event_id: meta.eventId,
    redrive_count: meta.redrive?.count ?? 0,
    size: payload.size,
    format: payload.format,
    schema_id: payload.schemaId,
    preview: payload.preview,
  };
}
