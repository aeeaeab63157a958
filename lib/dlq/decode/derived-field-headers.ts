// Pure: no I/O.
// Which headers each indexed text field is read from, under every convention: a masking rule that hides a
// header must hide the field read from it too, or the value would show in the list and the drawer anyway.

export const DERIVED_FIELD_HEADERS = {
  errorType: ["kafka_dlt-exception-fqcn", "kafka_dlt-exception-cause-fqcn", "__connect.errors.exception.class.name", "dlq.error.type"],
  errorMessage: ["kafka_dlt-exception-message", "__connect.errors.exception.message", "dlq.error.message"],
  originalTopic: ["kafka_dlt-original-topic", "__connect.errors.topic", "dlq.original.topic"],
  consumerGroup: ["kafka_dlt-original-consumer-group", "__connect.errors.connector.name", "dlq.consumer.group"],
  eventId: ["event-id", "ce_id"],
  sagaId: ["saga.id", "saga-id"],
} as const satisfies Record<string, readonly string[]>;

export type DerivedField = keyof typeof DERIVED_FIELD_HEADERS;
