import type { Attributes, SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from "./span-record";

/** The select list that spanFromRow reads; ids come back as hex, nanosecond times as text. */
export const SPAN_SELECT = `encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id,
  encode(parent_span_id, 'hex') AS parent_span_id, start_ns::text AS start_ns, duration_ns::text AS duration_ns,
  name, kind, service_name, status_code, status_message, scope_name, resource_attrs, attrs, events, links`;

export type SpanRow = {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  start_ns: string;
  duration_ns: string;
  name: string;
  kind: number;
  service_name: string;
  status_code: number;
  status_message: string | null;
  scope_name: string | null;
  resource_attrs: Attributes;
  attrs: Attributes;
  events: { name: string; timeUnixNano: string; attributes: Attributes }[] | null;
  links: SpanLink[] | null;
};

export function spanFromRow(row: SpanRow): SpanRecord {
  const start = BigInt(row.start_ns);
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    kind: row.kind as SpanKind,
    serviceName: row.service_name,
    scopeName: row.scope_name,
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(row.duration_ns),
    statusCode: row.status_code as StatusCode,
    statusMessage: row.status_message,
    resourceAttributes: row.resource_attrs,
    attributes: row.attrs,
    events: (row.events ?? []).map((e): SpanEvent => ({ name: e.name, timeUnixNano: BigInt(e.timeUnixNano), attributes: e.attributes })),
    links: row.links ?? [],
  };
}
