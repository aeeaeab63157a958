// The details panel's serialisable form of one span: bigints become text or microseconds, values text.
import type { AttributeValue, Attributes, SpanKind, SpanRecord, StatusCode } from "../span-record";

export type AttributeEntry = [key: string, value: string];

export type SpanDetail = {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKind;
  serviceName: string;
  scopeName: string | null;
  /** Unix nanoseconds as decimal text, exact. */
  startNs: string;
  /** ISO-8601, millisecond precision, for <Time>. */
  startTime: string;
  durationUs: number;
  statusCode: StatusCode;
  statusMessage: string | null;
  attributes: AttributeEntry[];
  resourceAttributes: AttributeEntry[];
  events: { name: string; offsetUs: number; time: string; attributes: AttributeEntry[] }[];
  links: { traceId: string; spanId: string; attributes: AttributeEntry[] }[];
};

export function spanDetail(span: SpanRecord): SpanDetail {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    serviceName: span.serviceName,
    scopeName: span.scopeName,
    startNs: span.startTimeUnixNano.toString(),
    startTime: nanosToIso(span.startTimeUnixNano),
    durationUs: nanosToMicros(span.endTimeUnixNano - span.startTimeUnixNano),
    statusCode: span.statusCode,
    statusMessage: span.statusMessage,
    attributes: attributeEntries(span.attributes),
    resourceAttributes: attributeEntries(span.resourceAttributes),
    events: [...span.events]
      .sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? -1 : a.timeUnixNano > b.timeUnixNano ? 1 : 0))
      .map((event) => ({
        name: event.name,
        offsetUs: nanosToMicros(event.timeUnixNano - span.startTimeUnixNano),
        time: nanosToIso(event.timeUnixNano),
        attributes: attributeEntries(event.attributes),
      })),
    links: span.links.map((link) => ({ traceId: link.traceId, spanId: link.spanId, attributes: attributeEntries(link.attributes) })),
  };
}

/** Sorted by key; strings as they are, anything else as JSON. */
export function attributeEntries(attributes: Attributes): AttributeEntry[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => [key, attributeText(value)]);
}

export function attributeText(value: AttributeValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function nanosToMicros(nanos: bigint): number {
  return Number(nanos) / 1_000;
}

function nanosToIso(nanos: bigint): string {
  return new Date(Number(nanos / 1_000_000n)).toISOString();
}
