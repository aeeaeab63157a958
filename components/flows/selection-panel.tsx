import Link from "next/link";
import type { ReactNode } from "react";
import { isNode, type FlowEdge, type FlowNode, type ItemTotals } from "@/lib/flows/graph/flow-graph";
import type { FlowSeries } from "@/lib/flows/queries/flow-series";
import type { FlowSelection } from "@/lib/flows/selection";
import { formatRate } from "@/lib/flows/graph/scales";
import { Badge } from "@/components/ui/badge";
import { edgeName, errorShare, formatCount, nodeName } from "./describe";
import { LazySeriesChart } from "./lazy-series-chart";

type Props = {
  selection: FlowSelection;
  /** What the selection names on this window's map; null when the map has no such thing. */
  item: FlowNode | FlowEdge | null;
  /** Totals of the item over the window (nodes sum their edges). */
  totals: ItemTotals | null;
  series: FlowSeries | null;
  closeHref: string;
};

function describeSelection(selection: FlowSelection): string {
  switch (selection.kind) {
    case "service":
      return `service “${selection.service}”`;
    case "topic":
    case "dead-letter":
      return `topic “${selection.topic}” on ${selection.cluster}`;
    case "produce":
    case "consume":
      return `${selection.service} ${selection.kind === "produce" ? "producing to" : "consuming"} “${selection.topic}”`;
  }
}

/** The side panel for what was clicked: its totals over the window, and its messages and errors per minute. */
export function SelectionPanel({ selection, item, totals, series, closeHref }: Props) {
  const close = <Link href={closeHref} scroll={false} prefetch={false} className="text-sm text-muted hover:text-fg" aria-label="Close the panel">✕</Link>;
  if (item === null) {
    return (
      <aside aria-label="Selected on the map" data-testid="flow-panel" className="flex w-full flex-col gap-2 rounded-lg border border-warn/40 bg-warn-soft p-4 text-sm 2xl:w-96">
        <div className="flex items-start justify-between gap-2">
          <h2 className="font-semibold text-warn">Not on the map</h2>
          {close}
        </div>
        <p data-testid="flow-selection-unknown">
          The map of this time range has no {describeSelection(selection)}: it sent or received nothing in the range, or the
          link names something that does not exist. Pick a longer range, or click something on the map.
        </p>
      </aside>
    );
  }
  const title = isNode(item) ? nodeName(item) : edgeName(item);
  return (
    <aside aria-label="Selected on the map" data-testid="flow-panel" className="flex w-full flex-col gap-3 rounded-lg border border-border bg-surface p-4 text-sm 2xl:w-96">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 break-words font-semibold" data-testid="flow-panel-title">{title}</h2>
        {close}
      </div>
      {/* Below the map the facts and the chart sit side by side; beside it (2xl) they stack. */}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr] 2xl:grid-cols-1">
        <div className="flex flex-col gap-3">
          {totals && (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <Fact term={item.kind === "dead-letter" ? "Dead-lettered" : "Messages"}>{formatCount(totals.count)}</Fact>
              <Fact term="Rate">{formatRate(totals.ratePerSecond)}</Fact>
              {item.kind !== "dead-letter" && <Fact term="Errors">{formatCount(totals.errors)}{totals.errors > 0 ? ` (${errorShare(totals.count, totals.errors)})` : ""}</Fact>}
              {item.kind === "consume" && <Fact term="Consumer lag">{item.lag === null ? "unknown" : formatCount(item.lag)}</Fact>}
              {item.kind === "dlq" && <Fact term="Pending">{formatCount(item.pending)}</Fact>}
            </dl>
          )}
          {item.kind === "service" && item.breakers.length > 0 && (
            <ul className="flex flex-wrap gap-1" aria-label="Circuit breakers">
              {item.breakers.map((b) => (
                <li key={b.name}><Badge tone={b.state === "closed" ? "ok" : b.state === "open" ? "bad" : "warn"}>{b.name} {b.state.replace("_", "-")}</Badge></li>
              ))}
            </ul>
          )}
          <RelatedLinks item={item} />
        </div>
        {series && <LazySeriesChart points={series.points} stepMinutes={series.stepMinutes} />}
      </div>
    </aside>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{term}</dt>
      <dd className="tabular-nums">{children}</dd>
    </>
  );
}

function RelatedLinks({ item }: { item: FlowNode | FlowEdge }) {
  const links: { href: string; text: string }[] = [];
  if (item.kind === "dlq" || item.kind === "dead-letter") {
    links.push({ href: `/dlq/${encodeURIComponent(item.cluster)}/${encodeURIComponent(item.topic)}`, text: "Browse the DLQ messages →" });
  }
  if (item.kind === "service" || item.kind === "produce" || item.kind === "consume") {
    links.push({ href: `/traces?${new URLSearchParams({ service: item.service }).toString()}`, text: `Traces of ${item.service} →` });
  }
  if (links.length === 0) return null;
  return (
    <nav aria-label="Related" className="flex flex-col gap-1">
      {links.map((l) => <Link key={l.href} href={l.href} className="text-accent hover:underline">{l.text}</Link>)}
    </nav>
  );
}
