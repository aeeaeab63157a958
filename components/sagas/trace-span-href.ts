/** The trace view opened at one span (app/traces/[traceId] reads ?span=). */
export function traceSpanHref(traceId: string, spanId: string): string {
  return `/traces/${encodeURIComponent(traceId)}?span=${encodeURIComponent(spanId)}`;
}
