import "server-only";

export { readOverview, type Overview, type StoreReadings } from "./read-overview";
export type { BrokerHealth } from "./broker-health";
export type { BreakerNotClosed, BreakersOverview } from "./breakers-not-closed";
export type { DlqOverview, DlqTopicPending } from "./dlq-pending";
export { FAILING_SAGA_STATUSES, type FailingSagas, type FailingSagaStatus } from "./failing-sagas";
export type { IngestHealth } from "./ingest-health";
