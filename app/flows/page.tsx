import type { Metadata } from "next";
import { findSelected, flowSeries, loadFlowMap, selectionOf, totalsOf } from "@/lib/flows";
import { hasAnySpans } from "@/lib/traces/queries";
import { AutoRefresh } from "@/components/auto-refresh";
import { FlowLegend } from "@/components/flows/flow-legend";
import { FlowMap } from "@/components/flows/flow-map";
import { flowsHref, parseFlowsUrl, type RawParams } from "@/components/flows/flows-url";
import { FlowsUrlProblems } from "@/components/flows/flows-url-problems";
import { NoFlowsInWindow } from "@/components/flows/no-flows";
import { SelectionPanel } from "@/components/flows/selection-panel";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { parseTimeWindow } from "@/components/time-window/time-window";
import { TimePicker } from "@/components/time-window/time-picker";
import { NoSpansYet } from "@/components/traces/no-spans-yet";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flows" };

const REFRESH_MS = 10_000;
const DESCRIPTION = "Which services produce to and consume from which topics, how fast, how often it fails, and how far consumers lag.";

export default async function FlowsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePageRole();
  const [params, timeZone] = await Promise.all([searchParams, operatorTimeZone()]);
  const now = new Date();
  const parsed = parseFlowsUrl(params, now, timeZone);
  if (!parsed.ok) {
    const fallback = parseTimeWindow({}, now, timeZone);
    return (
      <>
        <PageHeader title="Flows" description={DESCRIPTION} />
        {fallback.ok && <div className="mb-3"><TimePicker window={fallback.window} timeZone={timeZone} /></div>}
        <FlowsUrlProblems problems={parsed.problems} />
      </>
    );
  }

  const { window, selection } = parsed.view;
  // The series is read alongside the map; it is dropped if the selection turns out not to be on the map.
  const [map, series] = await Promise.all([loadFlowMap(window), selection ? flowSeries(selection, window) : Promise.resolve(null)]);
  const { graph, layout } = map;
  const header = (
    <>
      <PageHeader title="Flows" description={DESCRIPTION} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <TimePicker window={window} timeZone={timeZone} />
        <AutoRefresh updatedAt={now.toISOString()} intervalMs={REFRESH_MS} />
      </div>
    </>
  );
  if (graph.nodes.length === 0) {
    return (
      <>
        {header}
        {(await hasAnySpans()) ? <NoFlowsInWindow /> : <NoSpansYet />}
      </>
    );
  }

  const item = selection ? findSelected(graph, selection) : null;
  const windowSeconds = (window.to.getTime() - window.from.getTime()) / 1000;
  return (
    <>
      {header}
      <div className="mb-3 flex flex-col gap-1">
        <ProjectionLagNote seconds={map.projectionLagSeconds} what="The flow map" />
        {map.lagProblems.map((problem) => (
          <p key={problem} role="status" data-testid="flow-lag-unknown" className="text-xs text-warn">{problem}</p>
        ))}
        <FlowLegend />
      </div>
      {/* The panel sits beside the map only on wide screens: a flow map is wide, and shrunk beside a panel it is unreadable. */}
      <div className="flex flex-col gap-4 2xl:flex-row 2xl:items-start">
        <div className="min-w-0 flex-1">
          <FlowMap graph={graph} layout={layout} selectedId={item?.id ?? null} hrefOf={(it) => flowsHref(window, selectionOf(it))} />
        </div>
        {selection && (
          <SelectionPanel selection={selection} item={item} totals={item ? totalsOf(graph, item, windowSeconds) : null}
            series={item ? series : null} closeHref={flowsHref(window, null)} />
        )}
      </div>
    </>
  );
}
