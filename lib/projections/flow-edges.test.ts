import { describe, expect, it } from "vitest";
import type { Attributes, SpanKind, StatusCode } from "@/lib/traces";
import { flowEdgeCounts, mergeFlowEdges } from "./flow-edges";
import { at, dateAt, hexId, span } from "./testing/span-builder";

const resolveCluster = (address: string | undefined) => (address === "kafka-eu:9092" ? "eu" : "local");
const messaging = (id: number, serviceName: string, attributes: Attributes, kind: SpanKind = 1, statusCode: StatusCode = 0) =>
  span({ spanId: hexId(id), serviceName, kind, statusCode, startTimeUnixNano: at(id), attributes: { "messaging.system": "kafka", "messaging.destination.name": "orders", ...attributes } });

describe("flowEdgeCounts", () => {
  it("counts produce and consume edges with consumer groups, clusters and errors", () => {
    const spans = [
      messaging(1, "checkout", { "messaging.operation.type": "send" }),
      messaging(2, "checkout", { "messaging.operation.type": "send", "server.address": "kafka-eu:9092" }, 4, 2),
      messaging(3, "billing", { "messaging.operation.type": "process", "messaging.consumer.group.name": "billing" }, 5, 2),
      messaging(4, "billing", { "messaging.operation.type": "receive", "messaging.consumer.group.name": "billing" }),
      messaging(5, "audit", { "messaging.operation.type": "process" }),
    ];
    expect(flowEdgeCounts(spans, resolveCluster)).toEqual([
      { minute: dateAt(0), cluster: "eu", topic: "orders", direction: "produce", service: "checkout", consumerGroup: "", count: 1n, errors: 1n },
      { minute: dateAt(0), cluster: "local", topic: "orders", direction: "consume", service: "audit", consumerGroup: "", count: 1n, errors: 0n },
      { minute: dateAt(0), cluster: "local", topic: "orders", direction: "consume", service: "billing", consumerGroup: "billing", count: 2n, errors: 1n },
      { minute: dateAt(0), cluster: "local", topic: "orders", direction: "produce", service: "checkout", consumerGroup: "", count: 1n, errors: 0n },
    ]);
  });

  it("falls back to the span kind and skips settle, create and non-messaging spans", () => {
    const spans = [
      messaging(1, "checkout", {}, 4),
      messaging(2, "billing", { "messaging.consumer.group.name": "billing" }, 5),
      messaging(3, "billing", { "messaging.operation.type": "settle" }, 5),
      messaging(4, "checkout", { "messaging.operation.type": "create" }, 4),
      messaging(5, "checkout", { "messaging.system": "" }, 4),
      messaging(6, "checkout", { "messaging.destination.name": null }, 4),
      messaging(7, "checkout", {}, 3),
    ];
    expect(flowEdgeCounts(spans, resolveCluster).map((r) => [r.direction, r.service, r.consumerGroup])).toEqual([
      ["consume", "billing", "billing"], ["produce", "checkout", ""],
    ]);
  });
});

describe("mergeFlowEdges", () => {
  it("adds counts and errors of the same edge", () => {
    const a = flowEdgeCounts([messaging(1, "checkout", {}, 4, 2)], resolveCluster);
    const b = flowEdgeCounts([messaging(2, "checkout", {}, 4)], resolveCluster);
    expect(mergeFlowEdges(a, b)).toEqual([expect.objectContaining({ count: 2n, errors: 1n })]);
    expect(mergeFlowEdges(b, a)).toEqual(mergeFlowEdges(a, b));
  });
});
