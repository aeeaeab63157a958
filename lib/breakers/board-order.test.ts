import { describe, expect, it } from "vitest";
import { groupByService, sortBoard } from "./board-order";

const b = (service: string, name: string, state: "open" | "half_open" | "closed" | null) => ({ service, name, state });

describe("the breakers board order", () => {
  it("puts services with an open, then a half-open breaker first, and those breakers first inside them", () => {
    const sorted = sortBoard([
      b("billing", "tax-api", "closed"),
      b("shipping", "carrier", "half_open"),
      b("payment", "fraud", "closed"),
      b("payment", "gateway", "open"),
      b("analytics", "events", null),
      b("shipping", "address", "closed"),
    ]);
    expect(sorted.map((x) => `${x.service}/${x.name}`)).toEqual([
      "payment/gateway", "payment/fraud", "shipping/carrier", "shipping/address", "billing/tax-api", "analytics/events",
    ]);
  });

  it("groups consecutive breakers of a service", () => {
    const groups = groupByService(sortBoard([b("a", "x", "closed"), b("b", "y", "open"), b("a", "z", "closed")]));
    expect(groups.map((g) => [g.service, g.breakers.map((x) => x.name)])).toEqual([["b", ["y"]], ["a", ["x", "z"]]]);
  });
});
