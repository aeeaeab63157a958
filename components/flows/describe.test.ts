import { describe, expect, it } from "vitest";
import type { ConsumeEdge, DeadLetterEdge, ProduceEdge } from "@/lib/flows/graph/flow-graph";
import { edgeLabelLines, edgeName, errorShare } from "./describe";

const base = { id: "x", from: "a", to: "b", cluster: "local", topic: "orders", count: 1200, errors: 0, ratePerSecond: 2 };
const produce: ProduceEdge = { ...base, kind: "produce", service: "order" };
const consume: ConsumeEdge = { ...base, kind: "consume", service: "payment", group: "payment-group", errors: 30, lag: 1234 };
const deadLetter: DeadLetterEdge = { ...base, kind: "dead-letter", topic: "orders.DLQ", sourceTopic: "orders", count: 17 };

describe("edge words", () => {
  it("names edges for screen readers and tests", () => {
    expect(edgeName(produce)).toBe("order produces to orders");
    expect(edgeName(consume)).toBe("payment consumes orders as payment-group");
    expect(edgeName({ ...consume, group: "" })).toBe("payment consumes orders");
    expect(edgeName(deadLetter)).toBe("orders dead-letters to orders.DLQ");
  });

  it("labels rate, error share, lag (or lag unknown) and DLQ arrivals", () => {
    expect(edgeLabelLines(produce)).toEqual(["2/s"]);
    expect(edgeLabelLines(consume)).toEqual(["2/s · 2.5% err", "lag 1,234"]);
    expect(edgeLabelLines({ ...consume, lag: null })).toEqual(["2/s · 2.5% err", "lag unknown"]);
    expect(edgeLabelLines(deadLetter)).toEqual(["17 to DLQ"]);
  });

  it("says error shares plainly", () => {
    expect(errorShare(100, 0)).toBe("");
    expect(errorShare(100, 25)).toBe("25% errors");
    expect(errorShare(0, 3)).toBe("3 errors");
  });
});
