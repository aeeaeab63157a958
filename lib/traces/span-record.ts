// The one shape of a span inside Flowdeck: what ingest produces from OTLP, what is stored in `spans`,
// and what projections and pages read back. Ids are lower-case hex; times are Unix nanoseconds.

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

/** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export type SpanKind = 0 | 1 | 2 | 3 | 4 | 5;
/** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
export type StatusCode = 0 | 1 | 2;

export type SpanEvent = { name: string; timeUnixNano: bigint; attributes: Attributes };
export type SpanLink = { traceId: string; spanId: string; attributes: Attributes };

export type SpanRecord = {
  traceId: string; // 32 hex digits
  spanId: string; // 16 hex digits
  parentSpanId: string | null;
  name: string;
  kind: SpanKind;
  serviceName: string; // resource attribute service.name, "unknown_service" when missing
  scopeName: string | null;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  statusCode: StatusCode;
  statusMessage: string | null;
  resourceAttributes: Attributes;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
};
