import { describe, expect, it } from "vitest";
import { BulkheadRejectedError } from "cockatiel";
import { deadLetterHeaders, errorType } from "./dead-letter";

describe("deadLetterHeaders", () => {
  const cause = {
    topic: "orders.payment",
    partition: 2,
    offset: "41",
    consumerGroup: "payment-service",
    error: Object.assign(new Error("gateway unavailable"), { name: "GatewayUnavailableError" }),
    attempts: 4,
    failedAt: new Date("2026-11-27T10:00:00.000Z"),
  };

  it("keeps the business headers and event-id, and adds Flowdeck's dlq.* headers", () => {
    const headers = deadLetterHeaders({ "event-id": "e-1", traceparent: "00-abc-def-01", tenant: "eu" }, cause);
    expect(headers).toMatchObject({
      "event-id": "e-1",
      traceparent: "00-abc-def-01",
      tenant: "eu",
      "dlq.original.topic": "orders.payment",
      "dlq.original.partition": "2",
      "dlq.original.offset": "41",
      "dlq.consumer.group": "payment-service",
      "dlq.error.type": "GatewayUnavailableError",
      "dlq.error.message": "gateway unavailable",
      "dlq.failed.at": "2026-11-27T10:00:00.000Z",
      "dlq.attempts": "4",
    });
    expect(headers["dlq.error.stack"]).toContain("gateway unavailable");
  });

  it("replaces the error headers of an earlier failure instead of keeping both", () => {
    const headers = deadLetterHeaders({ "event-id": "e-1", "dlq.error.message": "old", "dlq.attempts": "9" }, cause);
    expect(headers["dlq.error.message"]).toBe("gateway unavailable");
    expect(headers["dlq.attempts"]).toBe("4");
  });
});

describe("errorType", () => {
  it("names an error by its name, its class, or its code when it is a plain Error", () => {
    expect(errorType(Object.assign(new Error("x"), { name: "PoisonMessageError" }))).toBe("PoisonMessageError");
    expect(errorType(new BulkheadRejectedError(2, 0))).toBe("BulkheadRejectedError");
    expect(errorType(Object.assign(new Error("Breaker is open"), { code: "EOPENBREAKER" }))).toBe("EOPENBREAKER");
    expect(errorType(new Error("plain"))).toBe("Error");
  });
});
