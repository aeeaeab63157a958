import "server-only";

export * from "./saga-filter";
export { listSagas, type SagaListPage, type SagaListRow } from "./list-sagas";
export { countSagasByStatus, type SagaStatusCounts } from "./count-sagas";
export { getSagaDetail, SAGA_STEP_CAP, type SagaDetail, type SagaStepView } from "./get-saga";
export { sagaDlqMessages, SAGA_DLQ_LIMIT, type SagaDlqMessage } from "./saga-dlq-messages";
export { sagaBreakerEvents, BREAKER_MARGIN_MS, type SagaBreakerEvent } from "./saga-breaker-events";
export { listSagaNames, hasAnySagas } from "./saga-names";
