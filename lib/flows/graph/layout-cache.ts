// Laying out a few hundred nodes takes dagre ~100 ms; a live page asks for the same graph every few seconds.
// The layout reads only the graph's shape, so it is kept per shape (a small LRU) and reused until it changes.
import { createHash } from "node:crypto";
import type { FlowGraph } from "./flow-graph";
import { layoutFlowGraph, type FlowLayout } from "./layout-graph";

const KEPT = 32;
const kept = new Map<string, FlowLayout>();

/** What the layout depends on: node ids and kinds (and a DLQ's source), edge ids and ends. */
export function shapeKey(graph: FlowGraph): string {
  const hash = createHash("sha256");
  for (const n of graph.nodes) hash.update(JSON.stringify([n.id, n.kind, n.kind === "dlq" ? n.sourceId : null]));
  hash.update("\u0000");
  for (const e of graph.edges) hash.update(JSON.stringify([e.id, e.from, e.to]));
  return hash.digest("hex");
}

export function cachedLayout(graph: FlowGraph): FlowLayout {
  const key = shapeKey(graph);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit); // most recently used last
    return hit;
  }
  const layout = layoutFlowGraph(graph);
  kept.set(key, layout);
  for (const oldest of kept.keys()) {
    if (kept.size <= KEPT) break;
    kept.delete(oldest);
  }
  return layout;
}
