// Per-minute counts of breaker call outcomes, bulkhead admissions and retry attempts (resilience_minutes).
// Counts are additive: count newly stored spans and add them to the stored rows with mergeCounts.
import type { SpanRecord } from "@/lib/traces";
import { readFlag, readInteger, readOneOf, readText } from "./attributes";
import { keyOf, sumByKey } from "./count-table";
import { minuteOf } from "./order";

export const BREAKER_OUTCOMES = ["success", "failure", "timeout", "rejected", "fallback"] as const;
export const BULKHEAD_OUTCOMES = ["admitted", "rejected"] as const;

export type ResilienceKind = "breaker" | "bulkhead" | "retry";

export type ResilienceMinuteRow = {
  kind: ResilienceKind;
  service: string;
  /** The breaker or bulkhead name; for retries, the topic the consumer read (else the span name). */
  name: string;
  minute: Date;
  outcome: string;
  count: bigint;
};

/** The counts the spans add, one row per (kind, service, name, minute, outcome), sorted by that key. */
export function resilienceCounts(spans: readonly SpanRecord[]): ResilienceMinuteRow[] {
  return sumByKey(spans.flatMap(countsOfSpan), rowKey, addRows);
}

/** a + b by key: commutative and associative, so batches can be merged in any order. */
export function mergeCounts(a: readonly ResilienceMinuteRow[], b: readonly ResilienceMinuteRow[]): ResilienceMinuteRow[] {
  return sumByKey([...a, ...b], rowKey, addRows);
}

function countsOfSpan(span: SpanRecord): ResilienceMinuteRow[] {
  const rows: ResilienceMinuteRow[] = [];
  const unit = (kind: ResilienceKind, name: string, outcome: string): void => {
    rows.push({ kind, service: span.serviceName, name, minute: minuteOf(span.startTimeUnixNano), outcome, count: 1n });
  };
  const attributes = span.attributes;

  const breaker = readText(attributes, "circuit_breaker.name");
  const breakerOutcome = readOneOf(attributes, "circuit_breaker.outcome", BREAKER_OUTCOMES);
  if (breaker !== null && breakerOutcome !== null) unit("breaker", breaker, breakerOutcome);

  const bulkhead = readText(attributes, "bulkhead.name");
  const bulkheadOutcome = readOneOf(attributes, "bulkhead.outcome", BULKHEAD_OUTCOMES);
  if (bulkhead !== null && bulkheadOutcome !== null) unit("bulkhead", bulkhead, bulkheadOutcome);

  const retryName = readText(attributes, "messaging.destination.name") ?? span.name;
  const attempt = readInteger(attributes, "retry.attempt");
  if (attempt !== null && attempt >= 1) unit("retry", retryName, "attempt");
  // Counted on its own: the span that gives up is the fact, whether or not it also numbered its attempt.
  if (readFlag(attributes, "retry.exhausted")) unit("retry", retryName, "exhausted");
  return rows;
}

function rowKey(row: ResilienceMinuteRow): string {
  return keyOf([row.kind, row.service, row.name, row.minute.getTime(), row.outcome]);
}

function addRows(a: ResilienceMinuteRow, b: ResilienceMinuteRow): ResilienceMinuteRow {
  return { ...a, count: a.count + b.count };
}
