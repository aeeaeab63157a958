import { describe, expect, it } from "vitest";
import { readDlqMetadata } from "./dlq-headers";
import { TEXT_CAPS } from "./header-values";
import { int32, int64 } from "./testing/binary-headers";


const topic = { "kafka_dlt-original-topic": "orders" };

describe("readDlqMetadata on bad input", () => {
  it("decodes invalid UTF-8 with replacement characters instead of throwing", () => {
    const m = readDlqMetadata({ ...topic, "kafka_dlt-exception-message": Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x21]) });
    expect(m.errorMessage).toBe("bad\uFFFD\uFFFD!");
  });

  it("strips NUL, which Postgres text refuses", () => {
    const m = readDlqMetadata({ "dlq.original.topic": "orders\u0000.payment", "dlq.error.message": Buffer.from("a\u0000b\u0000") });
    expect([m.originalTopic, m.errorMessage]).toEqual(["orders.payment", "ab"]);
  });

  it("reads binary ints of the wrong length as null, not garbage", () => {
    const m = readDlqMetadata({
      ...topic,
      "kafka_dlt-original-partition": Buffer.from([0, 0, 3]), // 3 bytes, not 4
      "kafka_dlt-original-offset": int32(41), // 4 bytes, not 8
      "kafka_dlt-original-timestamp": Buffer.alloc(9),
      kafka_deliveryAttempt: int64(2n),
    });
    expect([m.originalPartition, m.originalOffset, m.originalTimestamp, m.attempts]).toEqual([null, null, null, null]);
  });

  it("rejects negative and out-of-range partitions, offsets, timestamps and attempts", () => {
    const negative = readDlqMetadata({
      ...topic,
      "kafka_dlt-original-partition": int32(-1),
      "kafka_dlt-original-offset": int64(-5n),
      "kafka_dlt-original-timestamp": int64(-1n), // Kafka's "no timestamp"
      kafka_deliveryAttempt: int32(-3),
    });
    expect([negative.originalPartition, negative.originalOffset, negative.originalTimestamp, negative.attempts]).toEqual([null, null, null, null]);

    const tooBig = readDlqMetadata({
      "dlq.original.topic": "orders",
      "dlq.original.partition": "2147483648", // 2^31
      "dlq.original.offset": "9223372036854775808", // 2^63
      "dlq.attempts": "99999999999",
    });
    expect([tooBig.originalPartition, tooBig.originalOffset, tooBig.attempts]).toEqual([null, null, null]);

    const edges = readDlqMetadata({ "dlq.original.topic": "o", "dlq.original.partition": "2147483647", "dlq.original.offset": "9223372036854775807" });
    expect([edges.originalPartition, edges.originalOffset]).toEqual([2147483647, "9223372036854775807"]);
    expect(readDlqMetadata({ ...topic, "kafka_dlt-original-timestamp": int64(9_000_000_000_000_000n) }).originalTimestamp).toBeNull();
  });

  it("reads numbers that are not numbers as null", () => {
    const m = readDlqMetadata({ "dlq.original.topic": "o", "dlq.original.partition": "two", "dlq.original.offset": "4.5", "dlq.attempts": "" });
    expect([m.originalPartition, m.originalOffset, m.attempts]).toEqual([null, null, null]);
  });

  it("treats missing headers as null and never throws on an empty or sparse header set", () => {
    expect(readDlqMetadata({}).convention).toBeNull();
    const m = readDlqMetadata({ "kafka_dlt-original-topic": "orders", "kafka_dlt-original-partition": undefined, constructor: undefined });
    expect(m).toMatchObject({ convention: "spring", originalTopic: "orders", originalPartition: null, errorType: null, eventId: null });
  });

  it("reads the first value of an array-valued header", () => {
    const m = readDlqMetadata({ "kafka_dlt-original-topic": [Buffer.from("first"), Buffer.from("second")], "kafka_dlt-original-partition": [int32(4), int32(9)] });
    expect([m.originalTopic, m.originalPartition]).toEqual(["first", 4]);
  });

  it("caps huge values: message 4,000, stack 16,000, other text 1,000 characters, ending in …", () => {
    const m = readDlqMetadata({
      "dlq.original.topic": "t".repeat(5_000),
      "dlq.error.type": "E".repeat(1_000), // exactly at the cap: kept whole
      "dlq.error.message": "m".repeat(10_000),
      "dlq.error.stack": "s".repeat(50_000),
    });
    expect(m.originalTopic).toBe(`${"t".repeat(TEXT_CAPS.other - 1)}…`);
    expect(m.errorType).toBe("E".repeat(1_000));
    expect(m.errorMessage).toHaveLength(4_000);
    expect(m.errorMessage?.endsWith("m…")).toBe(true);
    expect(m.errorStack).toHaveLength(16_000);
    expect(m.errorStack?.endsWith("s…")).toBe(true);
  });

  it("does not leave half an emoji where it cuts", () => {
    // 999 code units would end on the high half of the 500th emoji; it goes rather than being split.
    const m = readDlqMetadata({ "dlq.error.type": "😀".repeat(600) });
    expect(m.errorType?.isWellFormed()).toBe(true);
    expect(m.errorType).toHaveLength(999);
    expect(m.errorType?.endsWith("😀…")).toBe(true);
  });

  it("keeps script-injection text verbatim: escaping is the renderer's job", () => {
    const attack = `<script>alert(1)</script><img src=x onerror="alert('x')">`;
    const m = readDlqMetadata({ "dlq.original.topic": attack, "dlq.error.message": attack, "event-id": attack });
    expect([m.originalTopic, m.errorMessage, m.eventId]).toEqual([attack, attack, attack]);
  });

  it("drops malformed and all-zero traceparents", () => {
    const trace = (value: string) => readDlqMetadata({ traceparent: value });
    expect(trace("00-00000000000000000000000000000000-00f067aa0ba902b7-01").traceId).toBeNull();
    expect(trace("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01").parentSpanId).toBeNull();
    expect(trace("00-abc-def-01").traceId).toBeNull();
    expect(trace("garbage").traceId).toBeNull();
  });
});
