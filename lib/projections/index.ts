// Projections: pure functions from spans to the rows of sagas, saga_steps, breaker_transitions,
// breaker_states, resilience_minutes and flow_edge_minutes. No database here; the caller loads and stores.
export { deriveSaga, type DerivedSaga, type SagaRow } from "./saga";
export type { SagaStepKind, SagaStepRow, SagaStepStatus } from "./saga-steps";
export { SAGA_STATUSES, sagaDisplayStatus, type SagaDisplayStatus, type SagaStatus } from "./saga-status";
export {
  breakerStateOf,
  breakerTransitions,
  deriveBreaker,
  type BreakerStateRow,
  type BreakerTransitionRow,
  type DerivedBreaker,
  type RankedTransition,
} from "./breaker";
export { mergeSagaSpans, sagaRowOf, sharesSpanId, type SagaDelta, type SagaSummary } from "./saga-merge";
export { decodeSagaSummary, encodeSagaSummary } from "./saga-summary-json";
export { BREAKER_STATES, type BreakerStateName } from "./breaker-events";
export {
  BREAKER_OUTCOMES,
  BULKHEAD_OUTCOMES,
  mergeCounts,
  resilienceCounts,
  type ResilienceKind,
  type ResilienceMinuteRow,
} from "./resilience-counts";
export { flowEdgeCounts, mergeFlowEdges, type FlowDirection, type FlowEdgeMinuteRow, type ResolveCluster } from "./flow-edges";
export { indexColumns, type SpanIndexColumns } from "./index-columns";
export { projectionKeys, type BreakerKey, type ProjectionKeys } from "./projection-keys";
