// Pure: no I/O.
// The headers a redrive sends again: the message's own, without the DLQ's error and trace bookkeeping.
import { headerBytes, type RawHeaders } from "./header-values";

// Error headers of all three conventions, trace context (a redrive starts its own) and redrive markers.
const DROPPED_PREFIXES = ["kafka_dlt-", "__connect.errors.", "dlq.", "flowdeck.redrive."];
const DROPPED_NAMES = new Set(["kafka_deliveryAttempt", "retry_topic-attempts", "traceparent", "tracestate"]);

/** True for a header a redrive leaves out. */
export function isDlqBookkeepingHeader(name: string): boolean {
  return DROPPED_NAMES.has(name) || DROPPED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Every other header as raw bytes, unchanged, so a redrive re-sends them byte for byte (event-id included). */
export function businessHeaders(headers: RawHeaders): Record<string, Buffer> {
  const kept: [string, Buffer][] = [];
  for (const name of Object.keys(headers)) {
    if (isDlqBookkeepingHeader(name)) continue;
    const bytes = headerBytes(headers, name);
    if (bytes !== null) kept.push([name, bytes]);
  }
  return Object.fromEntries(kept); // fromEntries defines keys, so a header named __proto__ stays a header
}
