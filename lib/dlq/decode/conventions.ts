// Pure: no I/O.
// The three DLQ header conventions Flowdeck reads: Spring Kafka, Kafka Connect and Flowdeck's own.
import { asCount, asOffset, asPartition, asTimestamp, parseDecimal, parseIsoDate, readInt32, readInt64, readVarBigEndian } from "./header-numbers";
import { TEXT_CAPS, capText, headerBytes, headerText, type RawHeaders } from "./header-values";

export type Convention = "spring" | "connect" | "flowdeck";

/** What a convention says about where a message came from and why it failed. */
export type FailureFields = {
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  originalTimestamp: Date | null;
  consumerGroup: string | null;
  errorType: string | null;
  errorMessage: string | null;
  errorStack: string | null;
  attempts: number | null;
  failedAt: Date | null;
};

/** Headers whose presence marks a message as dead-lettered under a convention: original topic or error. */
export const MARKER_HEADERS: Readonly<Record<Convention, readonly string[]>> = {
  spring: ["kafka_dlt-original-topic", "kafka_dlt-exception-fqcn", "kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-message", "kafka_dlt-exception-stacktrace"],
  connect: ["__connect.errors.topic", "__connect.errors.exception.class.name", "__connect.errors.exception.message", "__connect.errors.exception.stacktrace"],
  flowdeck: ["dlq.original.topic", "dlq.error.type", "dlq.error.message", "dlq.error.stack"],
};

// Spring's current retry-topic header is a 4-byte int; releases before 2.8 wrote a single byte.
function springRetryAttempts(headers: RawHeaders): number | null {
  const bytes = headerBytes(headers, "retry_topic-attempts");
  if (bytes?.byteLength === 1 && parseDecimal(bytes) === null) return asCount(readVarBigEndian(bytes));
  return asCount(readInt32(bytes));
}

function readSpring(h: RawHeaders): FailureFields {
  return {
    originalTopic: headerText(h, "kafka_dlt-original-topic"),
    originalPartition: asPartition(readInt32(headerBytes(h, "kafka_dlt-original-partition"))),
    originalOffset: asOffset(readInt64(headerBytes(h, "kafka_dlt-original-offset"))),
    originalTimestamp: asTimestamp(readInt64(headerBytes(h, "kafka_dlt-original-timestamp"))),
    consumerGroup: headerText(h, "kafka_dlt-original-consumer-group"),
    errorType: headerText(h, "kafka_dlt-exception-fqcn") ?? headerText(h, "kafka_dlt-exception-cause-fqcn"),
    errorMessage: headerText(h, "kafka_dlt-exception-message", TEXT_CAPS.errorMessage),
    errorStack: headerText(h, "kafka_dlt-exception-stacktrace", TEXT_CAPS.errorStack),
    attempts: asCount(readInt32(headerBytes(h, "kafka_deliveryAttempt"))) ?? springRetryAttempts(h),
    failedAt: null, // Spring records no failure time; the DLQ record's own timestamp is it
  };
}

function readConnect(h: RawHeaders): FailureFields {
  const connector = headerText(h, "__connect.errors.connector.name");
  return {
    originalTopic: headerText(h, "__connect.errors.topic"),
    originalPartition: asPartition(parseDecimal(headerBytes(h, "__connect.errors.partition"))),
    originalOffset: asOffset(parseDecimal(headerBytes(h, "__connect.errors.offset"))),
    originalTimestamp: null,
    // A sink connector consumes as the group connect-<connector name>.
    consumerGroup: connector === null ? null : capText(`connect-${connector}`, TEXT_CAPS.other),
    errorType: headerText(h, "__connect.errors.exception.class.name"),
    errorMessage: headerText(h, "__connect.errors.exception.message", TEXT_CAPS.errorMessage),
    errorStack: headerText(h, "__connect.errors.exception.stacktrace", TEXT_CAPS.errorStack),
    attempts: null,
    failedAt: null,
  };
}

function readFlowdeck(h: RawHeaders): FailureFields {
  return {
    originalTopic: headerText(h, "dlq.original.topic"),
    originalPartition: asPartition(parseDecimal(headerBytes(h, "dlq.original.partition"))),
    originalOffset: asOffset(parseDecimal(headerBytes(h, "dlq.original.offset"))),
    originalTimestamp: null,
    consumerGroup: headerText(h, "dlq.consumer.group"),
    errorType: headerText(h, "dlq.error.type"),
    errorMessage: headerText(h, "dlq.error.message", TEXT_CAPS.errorMessage),
    errorStack: headerText(h, "dlq.error.stack", TEXT_CAPS.errorStack),
    attempts: asCount(parseDecimal(headerBytes(h, "dlq.attempts"))),
    failedAt: parseIsoDate(headerText(h, "dlq.failed.at")),
  };
}

export const READERS: Readonly<Record<Convention, (headers: RawHeaders) => FailureFields>> = {
  spring: readSpring,
  connect: readConnect,
  flowdeck: readFlowdeck,
};

/** Conventions in precedence order: the first whose marker headers are present wins. */
export const PRECEDENCE: readonly Convention[] = ["spring", "connect", "flowdeck"];
