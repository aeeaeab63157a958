import "server-only";

// The flow map's reads, exported for the page and for benchmark scripts.
export { flowEdgeTotals } from "./edge-totals";
export { flowDlqTopics } from "./dlq-topics";
export { serviceBreakerStates } from "./breaker-states";
export { flowSeries, MAX_POINTS, type FlowSeries, type SeriesPoint } from "./flow-series";
export type { FlowWindow } from "./window";
