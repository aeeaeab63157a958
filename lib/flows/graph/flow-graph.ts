// The flow map as a graph: services and (cluster, topic) nodes joined by produce and consume edges, and
// each DLQ topic hung off the topic whose failures it holds by a dead-letter edge.
import type { BreakerStateName, DlqTopicInfo, EdgeTotal, LagByGroup, ServiceBreaker } from "../model";
import { lagKey } from "../model";
import type { FlowSelection } from "../selection";

export type ServiceNode = { id: string; kind: "service"; service: string; breakers: { name: string; state: BreakerStateName }[] };
export type TopicNode = { id: string; kind: "topic"; cluster: string; topic: string };
export type DlqNode = {
  id: string; kind: "dlq"; cluster: string; topic: string;
  /** The node of the topic it holds failures of, when that topic is on the map: the DLQ is drawn beside it. */
  sourceId: string | null;
  pending: number;
};
export type FlowNode = ServiceNode | TopicNode | DlqNode;

type EdgeBase = { id: string; from: string; to: string; cluster: string; topic: string; count: number; errors: number; ratePerSecond: number };
export type ProduceEdge = EdgeBase & { kind: "produce"; service: string };
/** lag: messages behind; null when the broker did not answer in time ("lag unknown"). */
export type ConsumeEdge = EdgeBase & { kind: "consume"; service: string; group: string; lag: number | null };
/** count: messages that arrived in the DLQ topic `topic` during the window. */
export type DeadLetterEdge = EdgeBase & { kind: "dead-letter"; sourceTopic: string };
export type FlowEdge = ProduceEdge | ConsumeEdge | DeadLetterEdge;

export type FlowGraph = { nodes: FlowNode[]; edges: FlowEdge[]; clusters: string[] };

export const serviceNodeId = (service: string) => `service:${service}`;
export const topicNodeId = (cluster: string, topic: string) => `topic:${JSON.stringify([cluster, topic])}`;

export type GraphInput = {
  edges: readonly EdgeTotal[];
  dlqTopics: readonly DlqTopicInfo[];
  breakers: readonly ServiceBreaker[];
  lags: LagByGroup;
  windowSeconds: number;
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the graph; nodes and edges come out sorted by id, so the same data always gives the same graph. */
export function buildFlowGraph(input: GraphInput): FlowGraph {
  const seconds = Math.max(1, input.windowSeconds);
  const dlqByKey = new Map(input.dlqTopics.map((d) => [topicNodeId(d.cluster, d.topic), d]));
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const breakersOf = new Map<string, { name: string; state: BreakerStateName }[]>();
  for (const b of input.breakers) breakersOf.set(b.service, [...(breakersOf.get(b.service) ?? []), { name: b.breaker, state: b.state }]);

  const addService = (service: string) => {
    const id = serviceNodeId(service);
    if (!nodes.has(id)) nodes.set(id, { id, kind: "service", service, breakers: (breakersOf.get(service) ?? []).sort((a, b) => a.name.localeCompare(b.name)) });
    return id;
  };
  const addTopic = (cluster: string, topic: string) => {
    const id = topicNodeId(cluster, topic);
    if (!nodes.has(id)) nodes.set(id, { id, kind: "topic", cluster, topic });
    return id;
  };

  for (const e of input.edges) {
    const serviceId = addService(e.service);
    const topicId = addTopic(e.cluster, e.topic);
    const base = { cluster: e.cluster, topic: e.topic, count: e.count, errors: e.errors, ratePerSecond: e.count / seconds };
    if (e.direction === "produce") {
      edges.push({ ...base, id: `produce:${JSON.stringify([e.cluster, e.topic, e.service])}`, kind: "produce", from: serviceId, to: topicId, service: e.service });
    } else {
      const lag = e.consumerGroup === "" ? null : (input.lags.get(lagKey(e.cluster, e.topic, e.consumerGroup)) ?? null);
      edges.push({
        ...base, id: `consume:${JSON.stringify([e.cluster, e.topic, e.consumerGroup, e.service])}`, kind: "consume",
        from: topicId, to: serviceId, service: e.service, group: e.consumerGroup, lag,
      });
    }
  }

  // DLQ topics: those already on the map become DLQ nodes; others join when their source topic is on the
  // map and they received or still hold messages.
  for (const dlq of input.dlqTopics) {
    const id = topicNodeId(dlq.cluster, dlq.topic);
    const sourceId = dlq.sourceTopic === null ? null : topicNodeId(dlq.cluster, dlq.sourceTopic);
    const sourceOnMap = sourceId !== null && nodes.has(sourceId) && !dlqByKey.has(sourceId);
    if (!nodes.has(id) && !(sourceOnMap && (dlq.arrived > 0 || dlq.pending > 0))) continue;
    nodes.set(id, { id, kind: "dlq", cluster: dlq.cluster, topic: dlq.topic, sourceId: sourceOnMap ? sourceId : null, pending: dlq.pending });
    if (sourceOnMap && dlq.sourceTopic !== null) {
      edges.push({
        id: `dead-letter:${JSON.stringify([dlq.cluster, dlq.topic])}`, kind: "dead-letter", from: sourceId, to: id,
        cluster: dlq.cluster, topic: dlq.topic, sourceTopic: dlq.sourceTopic, count: dlq.arrived, errors: 0, ratePerSecond: dlq.arrived / seconds,
      });
    }
  }

  const clusters = [...new Set([...nodes.values()].flatMap((n) => (n.kind === "service" ? [] : [n.cluster])))].sort();
  return { nodes: [...nodes.values()].sort(byId), edges: edges.sort(byId), clusters };
}

/** The node or edge a selection names, or null when the window's graph has no such thing. */
export function findSelected(graph: FlowGraph, selection: FlowSelection): FlowNode | FlowEdge | null {
  switch (selection.kind) {
    case "service":
      return graph.nodes.find((n) => n.kind === "service" && n.service === selection.service) ?? null;
    case "topic":
      return graph.nodes.find((n) => n.kind !== "service" && n.cluster === selection.cluster && n.topic === selection.topic) ?? null;
    case "produce":
      return graph.edges.find((e) => e.kind === "produce" && e.cluster === selection.cluster && e.topic === selection.topic && e.service === selection.service) ?? null;
    case "consume":
      return graph.edges.find((e) => e.kind === "consume" && e.cluster === selection.cluster && e.topic === selection.topic
        && e.service === selection.service && e.group === selection.group) ?? null;
    case "dead-letter":
      return graph.edges.find((e) => e.kind === "dead-letter" && e.cluster === selection.cluster && e.topic === selection.topic) ?? null;
  }
}

/** The selection that names a node or edge (what a click on it puts in the URL). */
export function selectionOf(item: FlowNode | FlowEdge): FlowSelection {
  switch (item.kind) {
    case "service":
      return { kind: "service", service: item.service };
    case "topic":
    case "dlq":
      return { kind: "topic", cluster: item.cluster, topic: item.topic };
    case "produce":
      return { kind: "produce", cluster: item.cluster, topic: item.topic, service: item.service };
    case "consume":
      return { kind: "consume", cluster: item.cluster, topic: item.topic, service: item.service, group: item.group };
    case "dead-letter":
      return { kind: "dead-letter", cluster: item.cluster, topic: item.topic };
  }
}

export function isNode(item: FlowNode | FlowEdge): item is FlowNode {
  return item.kind === "service" || item.kind === "topic" || item.kind === "dlq";
}

export type ItemTotals = { count: number; errors: number; ratePerSecond: number };

/**
 * An item's messages over the window, counted as its series is: an edge its own; a service what it produced
 * and consumed; a topic what was produced to it (or consumed, with no instrumented producer), with the errors
 * of every edge touching it.
 */
export function totalsOf(graph: FlowGraph, item: FlowNode | FlowEdge, windowSeconds: number): ItemTotals {
  if (!isNode(item)) return { count: item.count, errors: item.errors, ratePerSecond: item.ratePerSecond };
  const touching = graph.edges.filter((e) => e.kind !== "dead-letter" && (e.from === item.id || e.to === item.id));
  const sum = (edges: readonly FlowEdge[]) => edges.reduce((n, e) => n + e.count, 0);
  const errors = touching.reduce((n, e) => n + e.errors, 0);
  let count = sum(touching);
  if (item.kind !== "service") {
    const produced = touching.filter((e) => e.kind === "produce");
    count = produced.length > 0 ? sum(produced) : count;
  }
  return { count, errors, ratePerSecond: count / Math.max(1, windowSeconds) };
}
