import "server-only";

// The breakers pages' reads, exported for the pages and for benchmarks (scripts/bench).
export { BOARD_BINS_SQL, breakerBoard, SPARKLINE_BINS, type BoardBreaker } from "./breaker-board";
export { breakerHistory, findBreaker, TRANSITION_CAP, type BreakerHistory, type BreakerIdentity, type Transition } from "./breaker-history";
export { breakerMinutes, CHART_BINS, type BreakerMinutes, type OutcomePoint } from "./breaker-minutes";
export {
  FAILING_CALLS_SQL, failingCallsAround, FAILING_CALLS_AFTER_MS, FAILING_CALLS_BEFORE_MS, FAILING_CALLS_AFTER_COUNT, FAILING_CALLS_BEFORE_COUNT, FAILING_CALLS_TRANSITIONS, type FailingCall,
} from "./failing-calls";
export { resilienceSummary, type BulkheadSummary, type ResilienceSummary, type RetrySummary } from "./resilience-summary";
