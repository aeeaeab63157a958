import { describe, expect, it } from "vitest";
import { projectionKeys } from "./projection-keys";
import { at, event, hexId, span } from "./testing/span-builder";

describe("projectionKeys", () => {
  it("lists each saga and (service, breaker) with a state change once, sorted", () => {
    const change = (name: string) => event("circuit_breaker.state_change", at(0), { "circuit_breaker.name": name, "circuit_breaker.state": "open" });
    const spans = [
      span({ spanId: hexId(1), attributes: { "saga.id": "s-2" }, events: [change("payments-api")] }),
      span({ spanId: hexId(2), attributes: { "saga.id": "s-1" }, serviceName: "billing", events: [change("payments-api"), change("ledger")] }),
      span({ spanId: hexId(3), attributes: { "saga.id": "s-2", "circuit_breaker.name": "calls-only" } }),
    ];
    expect(projectionKeys(spans)).toEqual({
      sagaIds: ["s-1", "s-2"],
      breakers: [
        { service: "billing", breaker: "ledger" },
        { service: "billing", breaker: "payments-api" },
        { service: "orders", breaker: "payments-api" },
      ],
    });
  });
});
