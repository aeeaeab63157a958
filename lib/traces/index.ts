export type { AttributeValue, Attributes, SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from "./span-record";
export { SPAN_SELECT, spanFromRow, type SpanRow } from "./span-from-row";
