// Pure: no I/O.
// W3C Trace Context: the traceparent header links a DLQ message to the trace of the failed attempt.

export type TraceContext = { traceId: string; parentSpanId: string; flags: string };

// version-traceid-parentid-flags, lowercase hex as the spec requires.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_SPAN_ID = "0".repeat(16);

/** The trace and parent span ids of a traceparent value, or null when it is malformed or all-zero. */
export function parseTraceparent(value: string | null): TraceContext | null {
  if (value === null) return null;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return null;
  const [, version, traceId, parentSpanId, flags, rest] = match;
  if (version === undefined || traceId === undefined || parentSpanId === undefined || flags === undefined) return null;
  if (version === "ff") return null; // ff is forbidden by the spec
  if (version === "00" && rest !== undefined) return null; // version 00 has exactly four fields; later versions may add more
  if (traceId === ZERO_TRACE_ID || parentSpanId === ZERO_SPAN_ID) return null;
  return { traceId, parentSpanId, flags };
}
