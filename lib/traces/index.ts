export type { AttributeValue, Attributes, SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from "./span-record";
