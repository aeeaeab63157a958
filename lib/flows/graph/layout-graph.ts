// Places the flow graph with dagre, left to right (producer → topic → consumer), on the server: the browser
// gets positions, not a layout engine. The layout reads only the graph's shape (node and edge ids, in sorted
// order; fixed node sizes), never rates or counts, so a live refresh of the same graph lands on the same
// positions. Each DLQ topic is placed right below the topic whose failures it holds: dagre is given that
// topic as one taller box with room for its DLQs, and the DLQs are set into the room afterwards.
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";
import { curveThrough, sCurve, type Point } from "./curve";
import type { FlowEdge, FlowGraph, FlowNode } from "./flow-graph";

export const NODE_WIDTH = 168;
export const SERVICE_HEIGHT = 60;
export const TOPIC_HEIGHT = 50;
const DLQ_GAP = 34;
const LABEL = { width: 76, height: 18 };
const CONSUME_LABEL = { width: 96, height: 32 };

export type Box = { x: number; y: number; width: number; height: number };
export type EdgeRoute = { path: string; label: Point };
export type FlowLayout = { width: number; height: number; nodes: Record<string, Box>; edges: Record<string, EdgeRoute> };

const heightOf = (node: FlowNode) => (node.kind === "service" ? SERVICE_HEIGHT : TOPIC_HEIGHT);

export function layoutFlowGraph(graph: FlowGraph): FlowLayout {
  // DLQs drawn beside their source topic, by source id, in id order.
  const besides = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (node.kind === "dlq" && node.sourceId !== null) besides.set(node.sourceId, [...(besides.get(node.sourceId) ?? []), node.id]);
  }
  const placedBeside = new Set([...besides.values()].flat());

  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 22, ranksep: 28, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    if (placedBeside.has(node.id)) continue;
    const extra = (besides.get(node.id)?.length ?? 0) * (DLQ_GAP + TOPIC_HEIGHT);
    g.setNode(node.id, { width: NODE_WIDTH, height: heightOf(node) + extra });
  }
  const routed = graph.edges.filter((e) => !placedBeside.has(e.from) && !placedBeside.has(e.to));
  for (const edge of routed) {
    const label = edge.kind === "consume" ? CONSUME_LABEL : LABEL;
    g.setEdge(edge.from, edge.to, { ...label, labelpos: "c", minlen: 1 }, edge.id);
  }
  dagre.layout(g);

  const nodes: Record<string, Box> = {};
  for (const node of graph.nodes) {
    if (placedBeside.has(node.id)) continue;
    const placed = g.node(node.id);
    const x = (placed.x ?? 0) - NODE_WIDTH / 2;
    const top = (placed.y ?? 0) - placed.height / 2;
    nodes[node.id] = { x, y: top, width: NODE_WIDTH, height: heightOf(node) };
    (besides.get(node.id) ?? []).forEach((dlqId, i) => {
      nodes[dlqId] = { x, y: top + heightOf(node) + DLQ_GAP + i * (DLQ_GAP + TOPIC_HEIGHT), width: NODE_WIDTH, height: TOPIC_HEIGHT };
    });
  }

  const edges: Record<string, EdgeRoute> = {};
  for (const edge of routed) {
    const placed = g.edge({ v: edge.from, w: edge.to, name: edge.id });
    const points = [...(placed.points ?? [])];
    snapEnds(points, nodes[edge.from], nodes[edge.to]);
    edges[edge.id] = { path: curveThrough(points), label: { x: placed.x ?? 0, y: placed.y ?? 0 } };
  }
  for (const edge of graph.edges) {
    if (edges[edge.id]) continue;
    const from = nodes[edge.from];
    const to = nodes[edge.to];
    if (from && to) edges[edge.id] = freeRoute(edge, from, to);
  }

  const all = Object.values(nodes);
  const width = Math.max(0, ...all.map((b) => b.x + b.width)) + 16;
  const height = Math.max(0, ...all.map((b) => b.y + b.height)) + 16;
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges };
}

/** Moves a route's ends onto the drawn boxes (a topic with DLQs below is shorter than its dagre box). */
function snapEnds(points: Point[], from: Box | undefined, to: Box | undefined): void {
  const first = points[0];
  const second = points[1];
  const last = points[points.length - 1];
  const beforeLast = points[points.length - 2];
  if (from && first && second) points[0] = sidePort(from, second.x >= first.x ? "right" : "left");
  if (to && last && beforeLast) points[points.length - 1] = sidePort(to, beforeLast.x <= last.x ? "left" : "right");
}

function sidePort(box: Box, side: "left" | "right"): Point {
  return { x: side === "left" ? box.x : box.x + box.width, y: box.y + box.height / 2 };
}

/** Edges to or from a DLQ placed beside its source: straight down from the source, or a curve from the side. */
function freeRoute(edge: FlowEdge, from: Box, to: Box): EdgeRoute {
  if (edge.kind === "dead-letter") {
    const start = { x: from.x + from.width / 2, y: from.y + from.height };
    const end = { x: to.x + to.width / 2, y: to.y };
    return { path: sCurve(start, end, "y"), label: { x: start.x, y: (start.y + end.y) / 2 } };
  }
  const rightward = to.x >= from.x + from.width;
  const start = sidePort(from, rightward ? "right" : "left");
  const end = sidePort(to, rightward ? "left" : "right");
  // The label sits beside the DLQ, level with it: the middle of the curve crosses the source topic's own edges.
  const beside = LABEL.width / 2 + 10;
  return { path: sCurve(start, end, "x"), label: { x: end.x + (rightward ? -beside : beside), y: end.y } };
}
