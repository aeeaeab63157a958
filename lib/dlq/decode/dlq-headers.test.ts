import { describe, expect, it } from "vitest";
import { hasDlqHeaders, readDlqMetadata } from "./dlq-headers";
import { int32, int64 } from "./testing/binary-headers";


const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

// As Spring Kafka's DeadLetterPublishingRecoverer writes them, read back by kafkajs (all Buffers).
const springHeaders = {
  "kafka_dlt-original-topic": utf8("orders.payment"),
  "kafka_dlt-original-partition": int32(3),
  "kafka_dlt-original-offset": int64(9_007_199_254_740_993n),
  "kafka_dlt-original-timestamp": int64(1_764_237_600_000n),
  "kafka_dlt-original-timestamp-type": utf8("CreateTime"),
  "kafka_dlt-original-consumer-group": utf8("payment-service"),
  "kafka_dlt-exception-fqcn": utf8("org.springframework.kafka.listener.ListenerExecutionFailedException"),
  "kafka_dlt-exception-cause-fqcn": utf8("com.acme.payment.GatewayUnavailableException"),
  "kafka_dlt-exception-message": utf8("Listener failed; gateway unavailable"),
  "kafka_dlt-exception-stacktrace": utf8("org.springframework...ListenerExecutionFailedException\n\tat com.acme.Payment.handle(Payment.java:42)"),
  kafka_deliveryAttempt: int32(4),
  traceparent: utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
  "event-id": utf8("evt-7f3a"),
  "saga.id": utf8("saga-123"),
};

const connectHeaders = {
  "__connect.errors.topic": utf8("inventory.changes"),
  "__connect.errors.partition": utf8("1"),
  "__connect.errors.offset": utf8("120045"),
  "__connect.errors.connector.name": utf8("jdbc-sink-inventory"),
  "__connect.errors.task.id": utf8("0"),
  "__connect.errors.stage": utf8("VALUE_CONVERTER"),
  "__connect.errors.class.name": utf8("org.apache.kafka.connect.json.JsonConverter"),
  "__connect.errors.exception.class.name": utf8("org.apache.kafka.connect.errors.DataException"),
  "__connect.errors.exception.message": utf8("Converting byte[] to Kafka Connect data failed due to serialization error"),
  "__connect.errors.exception.stacktrace": utf8("org.apache.kafka.connect.errors.DataException: Converting...\n\tat ..."),
  ce_id: utf8("ce-42"),
};

// As the demo services write them (strings on produce).
const flowdeckHeaders = {
  "dlq.original.topic": "orders.payment",
  "dlq.original.partition": "2",
  "dlq.original.offset": "41",
  "dlq.consumer.group": "payment-service",
  "dlq.error.type": "GatewayUnavailableError",
  "dlq.error.message": "gateway unavailable",
  "dlq.error.stack": "GatewayUnavailableError: gateway unavailable\n    at charge (payment.ts:10:5)",
  "dlq.failed.at": "2026-11-27T10:00:00.000Z",
  "dlq.attempts": "4",
  "event-id": "e-1",
  "saga-id": "saga-9",
};

describe("readDlqMetadata: Spring Kafka", () => {
  it("reads the binary partition, int64 offset and timestamp, and the exception headers", () => {
    expect(readDlqMetadata(springHeaders)).toEqual({
      convention: "spring",
      originalTopic: "orders.payment",
      originalPartition: 3,
      originalOffset: "9007199254740993", // above 2^53: kept exact as text
      originalTimestamp: new Date(1_764_237_600_000),
      consumerGroup: "payment-service",
      errorType: "org.springframework.kafka.listener.ListenerExecutionFailedException",
      errorMessage: "Listener failed; gateway unavailable",
      errorStack: "org.springframework...ListenerExecutionFailedException\n\tat com.acme.Payment.handle(Payment.java:42)",
      attempts: 4,
      failedAt: null,
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: "00f067aa0ba902b7",
      eventId: "evt-7f3a",
      sagaId: "saga-123",
      redrive: null,
    });
  });

  it("accepts decimal strings for the numeric headers", () => {
    const m = readDlqMetadata({
      "kafka_dlt-original-topic": "t",
      "kafka_dlt-original-partition": "7",
      "kafka_dlt-original-offset": "12345678",
      "kafka_dlt-original-timestamp": "1764237600000",
      kafka_deliveryAttempt: "2",
    });
    expect([m.originalPartition, m.originalOffset, m.originalTimestamp?.toISOString(), m.attempts]).toEqual([7, "12345678", "2025-11-27T10:00:00.000Z", 2]);
  });

  it("falls back to the cause class, and to retry_topic-attempts (4-byte and legacy 1-byte)", () => {
    const base = { "kafka_dlt-original-topic": "t", "kafka_dlt-exception-cause-fqcn": "com.acme.Boom" };
    expect(readDlqMetadata({ ...base, "retry_topic-attempts": int32(3) })).toMatchObject({ errorType: "com.acme.Boom", attempts: 3 });
    expect(readDlqMetadata({ ...base, "retry_topic-attempts": Buffer.from([5]) }).attempts).toBe(5);
    expect(readDlqMetadata({ ...base, "retry_topic-attempts": "6" }).attempts).toBe(6);
  });
});

describe("readDlqMetadata: Kafka Connect", () => {
  it("reads the string headers and names the sink connector's consumer group", () => {
    expect(readDlqMetadata(connectHeaders)).toMatchObject({
      convention: "connect",
      originalTopic: "inventory.changes",
      originalPartition: 1,
      originalOffset: "120045",
      originalTimestamp: null,
      consumerGroup: "connect-jdbc-sink-inventory",
      errorType: "org.apache.kafka.connect.errors.DataException",
      errorMessage: "Converting byte[] to Kafka Connect data failed due to serialization error",
      errorStack: "org.apache.kafka.connect.errors.DataException: Converting...\n\tat ...",
      attempts: null,
      eventId: "ce-42",
    });
  });

  it("has no consumer group without a connector name", () => {
    const withoutConnector = Object.fromEntries(Object.entries(connectHeaders).filter(([name]) => name !== "__connect.errors.connector.name"));
    expect(readDlqMetadata(withoutConnector)).toMatchObject({ convention: "connect", consumerGroup: null });
  });
});

describe("readDlqMetadata: Flowdeck's own headers", () => {
  it("reads the dlq.* headers, failure time and attempts, and saga-id", () => {
    expect(readDlqMetadata(flowdeckHeaders)).toMatchObject({
      convention: "flowdeck",
      originalTopic: "orders.payment",
      originalPartition: 2,
      originalOffset: "41",
      consumerGroup: "payment-service",
      errorType: "GatewayUnavailableError",
      errorMessage: "gateway unavailable",
      errorStack: "GatewayUnavailableError: gateway unavailable\n    at charge (payment.ts:10:5)",
      attempts: 4,
      failedAt: new Date("2026-11-27T10:00:00.000Z"),
      eventId: "e-1",
      sagaId: "saga-9",
    });
  });

  it("leaves a failure time that is not ISO-8601 null", () => {
    expect(readDlqMetadata({ ...flowdeckHeaders, "dlq.failed.at": "yesterday" }).failedAt).toBeNull();
    expect(readDlqMetadata({ ...flowdeckHeaders, "dlq.failed.at": "2026-13-45T99:00:00Z" }).failedAt).toBeNull();
  });
});

describe("readDlqMetadata: precedence and shared headers", () => {
  it("takes every failure field from Spring when Spring and Flowdeck headers are both present", () => {
    const m = readDlqMetadata({ ...flowdeckHeaders, ...springHeaders });
    expect(m.convention).toBe("spring");
    expect([m.originalPartition, m.originalOffset, m.failedAt]).toEqual([3, "9007199254740993", null]);
  });

  it("prefers Connect over Flowdeck, and event-id over ce_id, saga.id over saga-id", () => {
    const m = readDlqMetadata({ ...flowdeckHeaders, ...connectHeaders, "saga.id": "s-dot" });
    expect([m.convention, m.originalTopic, m.eventId, m.sagaId]).toEqual(["connect", "inventory.changes", "e-1", "s-dot"]);
  });

  it("returns no convention and empty failure fields for a message without DLQ headers", () => {
    const m = readDlqMetadata({ "event-id": "e-5", kafka_deliveryAttempt: int32(2) });
    expect(m).toMatchObject({ convention: null, originalTopic: null, attempts: null, eventId: "e-5", redrive: null });
  });

  it("reads redrive markers, counting one redrive when the count is missing", () => {
    const marked = { ...flowdeckHeaders, "flowdeck.redrive.job": "job-1", "flowdeck.redrive.id": "rd-9", "flowdeck.redrive.count": "3" };
    expect(readDlqMetadata(marked).redrive).toEqual({ jobId: "job-1", id: "rd-9", count: 3 });
    expect(readDlqMetadata({ ...flowdeckHeaders, "flowdeck.redrive.id": "rd-9" }).redrive).toEqual({ jobId: null, id: "rd-9", count: 1 });
    expect(readDlqMetadata({ ...flowdeckHeaders, "flowdeck.redrive.count": "-2" }).redrive).toEqual({ jobId: null, id: null, count: 1 });
  });
});

describe("hasDlqHeaders", () => {
  it("recognises each convention by its original-topic or error headers", () => {
    expect(hasDlqHeaders(springHeaders)).toBe(true);
    expect(hasDlqHeaders(connectHeaders)).toBe(true);
    expect(hasDlqHeaders(flowdeckHeaders)).toBe(true);
    expect(hasDlqHeaders({ "kafka_dlt-exception-message": utf8("boom") })).toBe(true);
    expect(hasDlqHeaders({ "__connect.errors.exception.class.name": "X" })).toBe(true);
    expect(hasDlqHeaders({ "dlq.error.type": "X" })).toBe(true);
  });

  it("is false for ordinary messages, delivery-attempt counters and undefined values", () => {
    expect(hasDlqHeaders({})).toBe(false);
    expect(hasDlqHeaders({ "event-id": "e", traceparent: "00-x", kafka_deliveryAttempt: int32(1), "dlq.attempts": "3" })).toBe(false);
    expect(hasDlqHeaders({ "dlq.original.topic": undefined, "kafka_dlt-original-topic": [] })).toBe(false);
  });
});
