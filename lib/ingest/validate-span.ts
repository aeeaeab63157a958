import type { SpanRecord } from "@/lib/traces";

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const NS_PER_MS = 1_000_000n;
const INT64_MAX = 2n ** 63n - 1n; // the store's bigint columns

export type SpanWindow = { earliest: Date; latest: Date };

/** Why this span cannot be stored (one short reason), or null when it can. */
export function rejectionReason(span: SpanRecord, window: SpanWindow): string | null {
  if (!TRACE_ID.test(span.traceId) || /^0+$/.test(span.traceId)) return "invalid trace id";
  if (!SPAN_ID.test(span.spanId) || /^0+$/.test(span.spanId)) return "invalid span id";
  if (span.parentSpanId !== null && !SPAN_ID.test(span.parentSpanId)) return "invalid parent span id";
  const startMs = span.startTimeUnixNano / NS_PER_MS;
  if (startMs < BigInt(window.earliest.getTime())) return "start time older than retention";
  if (startMs > BigInt(window.latest.getTime())) return "start time too far in the future";
  if (span.endTimeUnixNano < span.startTimeUnixNano) return "end time before start time";
  if (span.endTimeUnixNano > INT64_MAX) return "end time out of range";
  if (span.events.some((e) => e.timeUnixNano > INT64_MAX)) return "event time out of range";
  return null;
}
