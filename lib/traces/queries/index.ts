import "server-only";

export { searchTraces, type TraceSearchPage } from "./search-traces";
export type { TraceSummary } from "./summarize-traces";
export { getSpan, getTrace, getTraceOutline, hasAnySpans, TRACE_SPAN_CAP, type OutlineSpan, type Trace, type TraceOutline } from "./get-trace";
export { spanDetail, type SpanDetail } from "./span-detail";
export * from "./search-filter";
