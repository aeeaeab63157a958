import type { SpanIndexColumns } from "@/lib/projections";
import type { SpanRecord } from "@/lib/traces";
import { copyBytea, copyJson, copyNumber, copyText, copyTimestamp } from "./copy-format";

/** The columns written, in COPY order; ingest_seq and ingested_at take their defaults on insert. */
export const SPAN_COLUMNS = [
  "trace_id", "span_id", "parent_span_id", "start_time", "start_ns", "duration_ns", "name", "kind", "service_name",
  "status_code", "status_message", "scope_name", "resource_attrs", "attrs", "events", "links",
  "messaging_cluster", "messaging_destination", "messaging_operation", "messaging_consumer_group", "messaging_message_id",
  "messaging_partition", "messaging_offset", "saga_id", "saga_key", "breaker_name",
] as const;

/** One line of COPY text for a span that has already been validated and sanitised. */
export function spanCopyLine(span: SpanRecord, index: SpanIndexColumns): string {
  return [
    copyBytea(span.traceId),
    copyBytea(span.spanId),
    copyBytea(span.parentSpanId),
    copyTimestamp(span.startTimeUnixNano),
    copyNumber(span.startTimeUnixNano),
    copyNumber(span.endTimeUnixNano - span.startTimeUnixNano),
    copyText(span.name),
    copyNumber(span.kind),
    copyText(span.serviceName),
    copyNumber(span.statusCode),
    copyText(span.statusMessage),
    copyText(span.scopeName),
    copyJson(span.resourceAttributes),
    copyJson(span.attributes),
    span.events.length > 0 ? copyJson(span.events) : "\\N",
    span.links.length > 0 ? copyJson(span.links) : "\\N",
    copyText(index.messaging_cluster),
    copyText(index.messaging_destination),
    copyText(index.messaging_operation),
    copyText(index.messaging_consumer_group),
    copyText(index.messaging_message_id),
    copyNumber(index.messaging_partition),
    copyNumber(index.messaging_offset),
    copyText(index.saga_id),
    copyText(index.saga_key),
    copyText(index.breaker_name),
  ].join("\t") + "\n";
}
