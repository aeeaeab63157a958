import type { AttributeValue, Attributes, SpanKind, SpanRecord, StatusCode } from "@/lib/traces";
import type { LongLike, PAnyValue, PKeyValue, PRequest, PSpan } from "./schema";

const hex = (b: Uint8Array | undefined): string => (b && b.length > 0 ? Buffer.from(b.buffer, b.byteOffset, b.length).toString("hex") : "");

/** Unsigned 64-bit nanoseconds; protobufjs gives int64 as Long, and a Number would round them. */
function u64(l: LongLike | undefined): bigint {
  if (l === undefined) return 0n;
  return typeof l === "number" ? BigInt(Math.trunc(l)) : (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
}

/** An int64 attribute as a number when exact, else as decimal text (jsonb numbers are doubles to readers). */
function i64(l: LongLike): number | string {
  if (typeof l === "number") return l;
  const n = (l.high | 0) * 4294967296 + (l.low >>> 0);
  return Number.isSafeInteger(n) ? n : BigInt.asIntN(64, (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0)).toString();
}

function anyValue(v: PAnyValue | null | undefined): AttributeValue {
  if (!v) return null;
  // Decoded messages name the set member in `value`; objects built by fromObject carry only that key.
  const which = typeof v.value === "string" ? v.value : Object.keys(v)[0];
  switch (which) {
    case "stringValue": return v.stringValue ?? "";
    case "boolValue": return v.boolValue ?? false;
    case "intValue": return v.intValue === undefined ? 0 : i64(v.intValue);
    case "doubleValue": return v.doubleValue ?? 0;
    case "arrayValue": return (v.arrayValue?.values ?? []).map(anyValue);
    case "kvlistValue": return attributes(v.kvlistValue?.values);
    case "bytesValue": return Buffer.from(v.bytesValue ?? []).toString("base64");
    default: return null;
  }
}

function attributes(list: PKeyValue[] | undefined): Attributes {
  // No prototype: an attribute named __proto__ stays an attribute.
  const out = Object.create(null) as Attributes;
  for (const kv of list ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

const kind = (k: number | undefined): SpanKind => (k !== undefined && k >= 0 && k <= 5 ? (k as SpanKind) : 0);
const statusCode = (c: number | undefined): StatusCode => (c === 1 || c === 2 ? c : 0);

function toRecord(s: PSpan, serviceName: string, scopeName: string | null, resourceAttributes: Attributes): SpanRecord {
  return {
    traceId: hex(s.traceId),
    spanId: hex(s.spanId),
    parentSpanId: s.parentSpanId && s.parentSpanId.length > 0 ? hex(s.parentSpanId) : null,
    name: s.name ?? "",
    kind: kind(s.kind),
    serviceName,
    scopeName,
    startTimeUnixNano: u64(s.startTimeUnixNano),
    endTimeUnixNano: u64(s.endTimeUnixNano),
    statusCode: statusCode(s.status?.code),
    statusMessage: s.status?.message ? s.status.message : null,
    resourceAttributes,
    attributes: attributes(s.attributes),
    events: (s.events ?? []).map((e) => ({ name: e.name ?? "", timeUnixNano: u64(e.timeUnixNano), attributes: attributes(e.attributes) })),
    links: (s.links ?? []).map((l) => ({ traceId: hex(l.traceId), spanId: hex(l.spanId), attributes: attributes(l.attributes) })),
  };
}

/** Every span of the request in Flowdeck's shape; ids and times are checked later, span by span. */
export function toSpanRecords(request: PRequest): SpanRecord[] {
  const spans: SpanRecord[] = [];
  for (const rs of request.resourceSpans ?? []) {
    const resourceAttributes = attributes(rs.resource?.attributes);
    const service = resourceAttributes["service.name"];
    const serviceName = typeof service === "string" && service !== "" ? service : "unknown_service";
    for (const ss of rs.scopeSpans ?? []) {
      const scopeName = ss.scope?.name ? ss.scope.name : null;
      for (const s of ss.spans ?? []) spans.push(toRecord(s, serviceName, scopeName, resourceAttributes));
    }
  }
  return spans;
}
