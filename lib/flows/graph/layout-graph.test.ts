import { describe, expect, it } from "vitest";
import type { DlqTopicInfo, EdgeTotal } from "../model";
import { buildFlowGraph, serviceNodeId, topicNodeId } from "./flow-graph";
import { layoutFlowGraph, type Box } from "./layout-graph";

const produce = (service: string, topic: string, count: number): EdgeTotal =>
  ({ cluster: "local", topic, direction: "produce", service, consumerGroup: "", count, errors: 0 });
const consume = (topic: string, service: string, count: number, errors = 0): EdgeTotal =>
  ({ cluster: "local", topic, direction: "consume", service, consumerGroup: `${service}-group`, count, errors });
const dlqTopics: DlqTopicInfo[] = [{ cluster: "local", topic: "orders.payment.DLQ", sourceTopic: "orders.payment", arrived: 4, pending: 4 }];

const edges = [
  produce("order", "orders.payment", 600), consume("orders.payment", "payment", 590, 12), produce("payment", "orders.payment.DLQ", 4),
  produce("payment", "orders.replies", 580), consume("orders.replies", "order", 580),
  produce("order", "orders.shipping", 500), consume("orders.shipping", "shipping", 500),
];
const graphOf = (rows: EdgeTotal[], dlq = dlqTopics) => buildFlowGraph({ edges: rows, dlqTopics: dlq, breakers: [], lags: new Map(), windowSeconds: 3600 });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutFlowGraph", () => {
  it("places every node and routes every edge, with no two nodes overlapping", () => {
    const graph = graphOf(edges);
    const layout = layoutFlowGraph(graph);
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(Object.keys(layout.edges).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const boxes = Object.values(layout.nodes);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    for (const box of boxes) {
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
    for (const route of Object.values(layout.edges)) expect(route.path).toMatch(/^M[\d.-]+,[\d.-]+ C/);
  });

  it("reads left to right: a producer before its topic, the topic before its consumer", () => {
    const layout = layoutFlowGraph(graphOf(edges));
    const x = (id: string) => layout.nodes[id]?.x ?? Number.NaN;
    expect(x(serviceNodeId("order"))).toBeLessThan(x(topicNodeId("local", "orders.payment")));
    expect(x(topicNodeId("local", "orders.payment"))).toBeLessThan(x(serviceNodeId("payment")));
    expect(x(topicNodeId("local", "orders.shipping"))).toBeLessThan(x(serviceNodeId("shipping")));
  });

  it("puts a DLQ topic right below its source topic", () => {
    const layout = layoutFlowGraph(graphOf(edges));
    const source = layout.nodes[topicNodeId("local", "orders.payment")];
    const dlq = layout.nodes[topicNodeId("local", "orders.payment.DLQ")];
    expect(dlq?.x).toBe(source?.x);
    expect(dlq && source && dlq.y - (source.y + source.height)).toBeGreaterThan(0);
    expect(dlq && source && dlq.y - (source.y + source.height)).toBeLessThan(60);
  });

  it("is stable: the same graph with other counts, or rows in another order, lands on the same positions", () => {
    const busier = edges.map((e) => ({ ...e, count: e.count * 37 + 1, errors: e.errors + 5 }));
    const first = layoutFlowGraph(graphOf(edges));
    expect(layoutFlowGraph(graphOf(busier, [{ ...dlqTopics[0] as DlqTopicInfo, arrived: 900, pending: 2 }]))).toEqual(first);
    expect(layoutFlowGraph(graphOf([...edges].reverse()))).toEqual(first);
  });

  it("lays out an empty graph as an empty canvas", () => {
    expect(layoutFlowGraph(graphOf([], []))).toMatchObject({ nodes: {}, edges: {} });
  });
});
