// The flow map, drawn on the server from positions laid out on the server: edges as SVG paths, nodes and
// edge labels as HTML on top. Every node and edge is a link that selects it (the URL says what is selected),
// so the map needs no JavaScript of its own and a refresh redraws it in place. The links do not prefetch:
// a map has dozens of them, each a dynamic page.
import Link from "next/link";
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/flows/graph/flow-graph";
import type { FlowLayout } from "@/lib/flows/graph/layout-graph";
import { HEALTH_COLOR, edgeHealth, edgeWidth, type EdgeHealth } from "@/lib/flows/graph/scales";
import { edgeLabelLines, edgeName, nodeName } from "./describe";
import { FitToWidth } from "./fit-to-width";
import { FlowNodeBox } from "./flow-node";

type Props = { graph: FlowGraph; layout: FlowLayout; selectedId: string | null; hrefOf: (item: FlowNode | FlowEdge) => string };

const HEALTHS: EdgeHealth[] = ["idle", "ok", "warn", "bad"];

export function FlowMap({ graph, layout, selectedId, hrefOf }: Props) {
  const showCluster = graph.clusters.length > 1;
  return (
    <div className="rounded-lg border border-border bg-surface" data-testid="flow-map">
      <FitToWidth width={layout.width} height={layout.height}>
        <svg width={layout.width} height={layout.height} className="absolute inset-0" role="presentation">
          <defs>
            {HEALTHS.map((health) => (
              <marker key={health} id={`flow-arrow-${health}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9"
                markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill={HEALTH_COLOR[health]} />
              </marker>
            ))}
          </defs>
          {graph.edges.map((edge) => {
            const route = layout.edges[edge.id];
            if (!route) return null;
            const health = edge.kind === "dead-letter" ? (edge.count > 0 ? "bad" : "idle") : edgeHealth(edge.count, edge.errors);
            const selected = edge.id === selectedId;
            return (
              // The label below is the edge's named link; this one only widens what a pointer can hit.
              <Link key={edge.id} href={hrefOf(edge)} scroll={false} prefetch={false} aria-hidden="true" tabIndex={-1} data-testid="flow-edge-path" data-edge={edgeName(edge)}>
                {selected && <path d={route.path} fill="none" stroke="var(--accent)" strokeOpacity={0.35} strokeWidth={edgeWidth(edge.ratePerSecond) + 8} />}
                <path d={route.path} fill="none" stroke="transparent" strokeWidth={14} className="cursor-pointer" />
                <path d={route.path} fill="none" stroke={HEALTH_COLOR[health]} strokeWidth={edgeWidth(edge.ratePerSecond)}
                  strokeDasharray={edge.kind === "dead-letter" ? "6 4" : undefined} markerEnd={`url(#flow-arrow-${health})`} className="pointer-events-none" />
              </Link>
            );
          })}
        </svg>
        {graph.edges.map((edge) => {
          const route = layout.edges[edge.id];
          if (!route) return null;
          const selected = edge.id === selectedId;
          return (
            <Link key={edge.id} href={hrefOf(edge)} scroll={false} prefetch={false} aria-label={edgeName(edge)} aria-current={selected ? "true" : undefined}
              data-testid="flow-edge" data-kind={edge.kind}
              className={`absolute -translate-x-1/2 -translate-y-1/2 whitespace-nowrap rounded border bg-surface px-1.5 py-0.5 text-center text-[11px] leading-tight tabular-nums shadow-sm hover:border-accent ${selected ? "border-accent ring-2 ring-accent/40" : "border-border"} ${edge.kind === "dead-letter" ? "text-bad" : "text-muted"}`}
              style={{ left: route.label.x, top: route.label.y }}>
              {edgeLabelLines(edge).map((line) => <span key={line} className="block">{line}</span>)}
            </Link>
          );
        })}
        {graph.nodes.map((node) => {
          const box = layout.nodes[node.id];
          if (!box) return null;
          return (
            <Link key={node.id} href={hrefOf(node)} scroll={false} prefetch={false} aria-label={nodeName(node)} aria-current={node.id === selectedId ? "true" : undefined}
              data-testid="flow-node" data-kind={node.kind} className="absolute block"
              style={{ left: box.x, top: box.y, width: box.width, height: box.height }}>
              <FlowNodeBox node={node} selected={node.id === selectedId} showCluster={showCluster} />
            </Link>
          );
        })}
      </FitToWidth>
    </div>
  );
}
