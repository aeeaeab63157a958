// Words for what is on the map: accessible names and edge labels, one place so the map, the panel and the
// tests agree on them.
import type { FlowEdge, FlowNode } from "@/lib/flows/graph/flow-graph";
import { formatRate } from "@/lib/flows/graph/scales";

const count = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => count.format(n);

export function nodeName(node: FlowNode): string {
  switch (node.kind) {
    case "service":
      return `Service ${node.service}`;
    case "topic":
      return `Topic ${node.topic}`;
    case "dlq":
      return `DLQ topic ${node.topic}`;
  }
}

export function edgeName(edge: FlowEdge): string {
  switch (edge.kind) {
    case "produce":
      return `${edge.service} produces to ${edge.topic}`;
    case "consume":
      return `${edge.service} consumes ${edge.topic}${edge.group === "" ? "" : ` as ${edge.group}`}`;
    case "dead-letter":
      return `${edge.sourceTopic} dead-letters to ${edge.topic}`;
  }
}

/** "2.5% errors" with one decimal below 10%, or "" when nothing failed. */
export function errorShare(count: number, errors: number): string {
  if (errors <= 0) return "";
  if (count <= 0) return `${formatCount(errors)} errors`;
  const pct = (errors / count) * 100;
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}% errors`;
}

/** The text on an edge: its rate and error share; lag on consume edges; the message count on a dead-letter edge. */
export function edgeLabelLines(edge: FlowEdge): string[] {
  if (edge.kind === "dead-letter") return [`${formatCount(edge.count)} to DLQ`];
  const errors = errorShare(edge.count, edge.errors);
  const first = [formatRate(edge.ratePerSecond), errors === "" ? null : errors.replace(" errors", " err")].filter((p) => p !== null).join(" · ");
  if (edge.kind !== "consume") return [first];
  return [first, edge.lag === null ? "lag unknown" : `lag ${formatCount(edge.lag)}`];
}
