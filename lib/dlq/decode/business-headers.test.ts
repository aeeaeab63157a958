import { describe, expect, it } from "vitest";
import { businessHeaders, isDlqBookkeepingHeader } from "./business-headers";

describe("businessHeaders", () => {
  it("drops every convention's DLQ headers, trace context and redrive markers", () => {
    const raw = Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]);
    const kept = businessHeaders({
      "kafka_dlt-original-topic": Buffer.from("orders"),
      "kafka_dlt-exception-message": Buffer.from("boom"),
      kafka_deliveryAttempt: Buffer.alloc(4),
      "retry_topic-attempts": Buffer.alloc(4),
      "__connect.errors.topic": "orders",
      "dlq.error.type": "E",
      "dlq.original.topic": "orders",
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      tracestate: "vendor=1",
      "flowdeck.redrive.id": "rd-1",
      "flowdeck.redrive.count": "2",
      "event-id": Buffer.from("evt-1"),
      ce_id: "ce-1",
      "saga.id": "s-1",
      tenant: raw,
      "content-type": "application/json",
      skipped: undefined,
    });
    expect(Object.keys(kept)).toEqual(["event-id", "ce_id", "saga.id", "tenant", "content-type"]);
    expect(kept.tenant).toBe(raw); // the same bytes, not a re-encoded copy
    expect(kept.ce_id).toEqual(Buffer.from("ce-1"));
  });

  it("keeps the first value of a repeated header, and a header named __proto__ as a header", () => {
    const kept = businessHeaders(JSON.parse('{"__proto__":"p","x":["1","2"]}') as Record<string, string | string[]>);
    expect(Object.keys(kept)).toEqual(["__proto__", "x"]);
    expect(kept.x?.toString()).toBe("1");
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
  });

  it("matches names exactly: look-alikes of DLQ headers are business headers", () => {
    expect(isDlqBookkeepingHeader("dlq.anything")).toBe(true);
    expect(isDlqBookkeepingHeader("dlq_reason")).toBe(false);
    expect(isDlqBookkeepingHeader("Traceparent")).toBe(false);
    expect(isDlqBookkeepingHeader("retry_topic-backoff-timestamp")).toBe(false);
  });
});
