import { describe, expect, it } from "vitest";
import { lagKey, type DlqTopicInfo, type EdgeTotal } from "../model";
import { buildFlowGraph, findSelected, selectionOf, serviceNodeId, topicNodeId, totalsOf, type ConsumeEdge, type FlowNode } from "./flow-graph";

const produce = (service: string, topic: string, count: number, errors = 0): EdgeTotal =>
  ({ cluster: "local", topic, direction: "produce", service, consumerGroup: "", count, errors });
const consume = (topic: string, service: string, group: string, count: number, errors = 0): EdgeTotal =>
  ({ cluster: "local", topic, direction: "consume", service, consumerGroup: group, count, errors });
const dlq = (topic: string, sourceTopic: string | null, arrived: number, pending = arrived): DlqTopicInfo =>
  ({ cluster: "local", topic, sourceTopic, arrived, pending });

const edges = [
  produce("order", "orders.payment", 600),
  consume("orders.payment", "payment", "payment-group", 590, 30),
  produce("payment", "orders.payment.DLQ", 12),
  produce("order", "orders.shipping", 500),
  consume("orders.shipping", "shipping", "shipping-group", 500),
];
const input = { edges, dlqTopics: [dlq("orders.payment.DLQ", "orders.payment", 12, 40)], breakers: [], lags: new Map(), windowSeconds: 600 };

describe("buildFlowGraph", () => {
  it("joins producers, topics and consumer services, with rates over the window", () => {
    const graph = buildFlowGraph(input);
    expect(graph.nodes.map((n) => n.id)).toEqual([
      serviceNodeId("order"), serviceNodeId("payment"), serviceNodeId("shipping"),
      topicNodeId("local", "orders.payment"), topicNodeId("local", "orders.payment.DLQ"), topicNodeId("local", "orders.shipping"),
    ].sort());
    const pay = graph.edges.find((e) => e.kind === "consume" && e.topic === "orders.payment");
    expect(pay).toMatchObject({ from: topicNodeId("local", "orders.payment"), to: serviceNodeId("payment"), count: 590, errors: 30, ratePerSecond: 590 / 600 });
    expect(graph.clusters).toEqual(["local"]);
  });

  it("turns a known DLQ topic into a DLQ node beside its source, with a dead-letter edge counting arrivals", () => {
    const graph = buildFlowGraph(input);
    expect(graph.nodes.find((n) => n.id === topicNodeId("local", "orders.payment.DLQ"))).toMatchObject({
      kind: "dlq", sourceId: topicNodeId("local", "orders.payment"), pending: 40,
    });
    expect(graph.edges.filter((e) => e.kind === "dead-letter")).toEqual([expect.objectContaining({
      from: topicNodeId("local", "orders.payment"), to: topicNodeId("local", "orders.payment.DLQ"), count: 12, sourceTopic: "orders.payment",
    })]);
  });

  it("adds a DLQ with no traffic of its own when its source is on the map and it holds messages, and leaves out idle ones", () => {
    const graph = buildFlowGraph({ ...input, dlqTopics: [dlq("orders.shipping.DLQ", "orders.shipping", 0, 3), dlq("orders.idle.DLQ", "orders.shipping", 0, 0), dlq("other.DLQ", "other", 5)] });
    const dlqs = graph.nodes.filter((n) => n.kind === "dlq").map((n) => n.topic);
    expect(dlqs).toEqual(["orders.shipping.DLQ"]);
    // orders.payment.DLQ is produced to, so it stays on the map as a plain topic when dlq_topics does not know it.
    expect(graph.nodes.find((n) => n.kind !== "service" && n.topic === "orders.payment.DLQ")?.kind).toBe("topic");
  });

  it("draws a DLQ whose source is not on the map as a DLQ node of its own, with no dead-letter edge", () => {
    const graph = buildFlowGraph({ ...input, dlqTopics: [dlq("orders.payment.DLQ", null, 12)] });
    expect(graph.nodes.find((n) => n.kind === "dlq")).toMatchObject({ topic: "orders.payment.DLQ", sourceId: null });
    expect(graph.edges.some((e) => e.kind === "dead-letter")).toBe(false);
  });

  it("puts lag on consume edges, and null (unknown) when the broker did not say or the consumer names no group", () => {
    const lags = new Map([[lagKey("local", "orders.payment", "payment-group"), 42]]);
    const graph = buildFlowGraph({ ...input, edges: [...edges, consume("orders.payment", "audit", "", 7)], lags });
    const lagOf = (service: string) => (graph.edges.find((e) => e.kind === "consume" && e.service === service) as ConsumeEdge).lag;
    expect(lagOf("payment")).toBe(42);
    expect(lagOf("shipping")).toBeNull();
    expect(lagOf("audit")).toBeNull();
  });

  it("puts breaker states on service nodes", () => {
    const graph = buildFlowGraph({ ...input, breakers: [{ service: "payment", breaker: "payment-gateway", state: "open", since: new Date() }] });
    expect(graph.nodes.find((n) => n.id === serviceNodeId("payment"))).toMatchObject({ breakers: [{ name: "payment-gateway", state: "open" }] });
    expect(graph.nodes.find((n) => n.id === serviceNodeId("order"))).toMatchObject({ breakers: [] });
  });

  it("gives the same graph whatever order the rows arrive in", () => {
    expect(buildFlowGraph({ ...input, edges: [...edges].reverse() })).toEqual(buildFlowGraph(input));
  });

  it("finds what a selection names, round-trips selections, and finds nothing for unknown names", () => {
    const graph = buildFlowGraph(input);
    for (const item of [...graph.nodes, ...graph.edges]) {
      const found = findSelected(graph, selectionOf(item));
      // A DLQ node is selected as its topic.
      expect(found?.id).toBe(item.id);
    }
    expect(findSelected(graph, { kind: "service", service: "nope" })).toBeNull();
    expect(findSelected(graph, { kind: "consume", cluster: "local", topic: "orders.payment", service: "payment", group: "other" })).toBeNull();
    expect(findSelected(graph, { kind: "dead-letter", cluster: "local", topic: "orders.shipping" })).toBeNull();
  });

  it("totals a service over what it produced and consumed, and a topic over what was produced to it", () => {
    const graph = buildFlowGraph(input);
    const node = (id: string) => graph.nodes.find((n) => n.id === id) as FlowNode;
    expect(totalsOf(graph, node(serviceNodeId("payment")), 600)).toEqual({ count: 602, errors: 30, ratePerSecond: 602 / 600 });
    expect(totalsOf(graph, node(topicNodeId("local", "orders.payment")), 600)).toEqual({ count: 600, errors: 30, ratePerSecond: 1 });
    // A topic nobody is seen producing to counts what its consumers read.
    const consumedOnly = buildFlowGraph({ ...input, edges: [consume("orders.x", "payment", "g", 9, 1)] });
    expect(totalsOf(consumedOnly, consumedOnly.nodes.find((n) => n.kind === "topic") as FlowNode, 600)).toMatchObject({ count: 9, errors: 1 });
  });
});
