import { describe, expect, it } from "vitest";
import { mergeCounts, resilienceCounts } from "./resilience-counts";
import { at, dateAt, hexId, span } from "./testing/span-builder";

const MINUTE = 60_000;
const guarded = (id: number, ms: number, attributes: Record<string, string | number | boolean>) =>
  span({ spanId: hexId(id), serviceName: "checkout", startTimeUnixNano: at(ms), attributes });

describe("resilienceCounts", () => {
  it("counts breaker and bulkhead outcomes per UTC minute", () => {
    const spans = [
      guarded(1, 1_000, { "circuit_breaker.name": "payments-api", "circuit_breaker.outcome": "success" }),
      guarded(2, 59_999, { "circuit_breaker.name": "payments-api", "circuit_breaker.outcome": "success" }),
      guarded(3, MINUTE, { "circuit_breaker.name": "payments-api", "circuit_breaker.outcome": "rejected", "bulkhead.name": "pool", "bulkhead.outcome": "rejected" }),
      guarded(4, 5, { "circuit_breaker.name": "payments-api", "circuit_breaker.outcome": "exploded" }),
      guarded(5, 5, { "bulkhead.outcome": "admitted" }),
    ];
    expect(resilienceCounts(spans)).toEqual([
      { kind: "breaker", service: "checkout", name: "payments-api", minute: dateAt(0), outcome: "success", count: 2n },
      { kind: "breaker", service: "checkout", name: "payments-api", minute: dateAt(MINUTE), outcome: "rejected", count: 1n },
      { kind: "bulkhead", service: "checkout", name: "pool", minute: dateAt(MINUTE), outcome: "rejected", count: 1n },
    ]);
  });

  it("counts retry attempts and exhaustion by topic, else by span name, reading strings too", () => {
    const spans = [
      guarded(1, 0, { "retry.attempt": 1, "messaging.destination.name": "orders" }),
      guarded(2, 1, { "retry.attempt": "2", "messaging.destination.name": "orders" }),
      guarded(3, 2, { "retry.attempt": "3", "retry.exhausted": "true", "messaging.destination.name": "orders" }),
      guarded(4, 3, { "retry.attempt": 0 }),
      guarded(5, 4, { "retry.attempt": "two", "retry.exhausted": "no" }),
      { ...guarded(6, 5, { "retry.attempt": 1 }), name: "poll inventory" },
    ];
    expect(resilienceCounts(spans).map((r) => [r.name, r.outcome, r.count])).toEqual([
      ["orders", "attempt", 3n], ["orders", "exhausted", 1n], ["poll inventory", "attempt", 1n],
    ]);
  });
});

describe("mergeCounts", () => {
  it("adds batches to the same rows as counting them together, in either order", () => {
    const first = [guarded(1, 0, { "bulkhead.name": "pool", "bulkhead.outcome": "admitted" })];
    const second = [guarded(2, 10, { "bulkhead.name": "pool", "bulkhead.outcome": "admitted" }), guarded(3, MINUTE, { "bulkhead.name": "pool", "bulkhead.outcome": "admitted" })];
    const together = resilienceCounts([...first, ...second]);
    expect(mergeCounts(resilienceCounts(first), resilienceCounts(second))).toEqual(together);
    expect(mergeCounts(resilienceCounts(second), resilienceCounts(first))).toEqual(together);
    expect(together.map((r) => r.count)).toEqual([2n, 1n]);
    expect(mergeCounts([], [])).toEqual([]);
  });
});
