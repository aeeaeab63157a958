import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { breakerHistory, breakerMinutes, failingCallsAround, findBreaker, FAILING_CALLS_TRANSITIONS, TRANSITION_CAP } from "@/lib/breakers/queries";
import { parseBreakerPath } from "@/lib/breakers/breaker-path";
import { callsSeries } from "@/lib/breakers/calls-series";
import { stateSteps, timeInStates } from "@/lib/breakers/state-steps";
import { zoomToChanges } from "@/lib/breakers/zoom-window";
import { projectionLagSeconds } from "@/lib/projector";
import { BreakerStateBadge } from "@/components/breakers/breaker-state-badge";
import { CallsChart } from "@/components/breakers/calls-chart";
import { StateStepChart } from "@/components/breakers/state-step-chart";
import { TimeInStates } from "@/components/breakers/time-in-states";
import { TransitionsTable } from "@/components/breakers/transitions-table";
import { WindowToolbar } from "@/components/breakers/window-toolbar";
import { formatAge } from "@/components/dlq/format-age";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { parseTimeWindow, windowSearchParams } from "@/components/time-window/time-window";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

const REFRESH_MS = 10_000;

type Params = { service: string; name: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = parseBreakerPath(await params);
  return { title: path ? `${path.name} · Breakers` : "Breakers" };
}

export default async function BreakerPage({ params, searchParams }: Props) {
  await requirePageRole();
  const [rawPath, query, timeZone] = await Promise.all([params, searchParams, operatorTimeZone()]);
  const path = parseBreakerPath(rawPath);
  if (!path) notFound();
  const breaker = await findBreaker(path.service, path.name);
  if (!breaker) notFound();

  const now = new Date();
  const parsed = parseTimeWindow(query, now, timeZone);
  const backHref = parsed.ok ? `/breakers?${windowSearchParams(parsed.window).toString()}` : "/breakers";
  const crumbs = (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm text-muted">
      <Link href={backHref} className="hover:text-fg hover:underline">Breakers</Link> <span aria-hidden="true">/</span> {breaker.service}
    </nav>
  );
  const header = (
    <PageHeader
      title={breaker.name}
      description={`Circuit breaker in ${breaker.service}`}
      actions={
        <p className="flex items-center gap-2 text-sm" data-testid="breaker-current-state">
          <span className="text-muted">Now</span>
          <BreakerStateBadge state={breaker.state} />
          {breaker.since && <span className="text-muted">for {formatAge(now.getTime() - breaker.since.getTime())}</span>}
        </p>
      }
    />
  );
  if (!parsed.ok) {
    const base = `/breakers/${encodeURIComponent(breaker.service)}/${encodeURIComponent(breaker.name)}`;
    return (<>{crumbs}{header}<UrlProblems title="This link's time range has a problem, so nothing was read" problems={parsed.problems} resetHref={base} /></>);
  }
  const { window } = parsed;
  const [history, minutes, lag] = await Promise.all([
    breakerHistory(breaker.service, breaker.name, window), breakerMinutes(breaker.service, breaker.name, window), projectionLagSeconds(),
  ]);
  const newestFirst = [...history.transitions].reverse();
  const failing = await failingCallsAround(breaker.service, newestFirst.map((t) => t.at));
  const steps = stateSteps(history.before, history.transitions, history.drawnFrom, window.to);
  const zoom = zoomToChanges(history.transitions[0]?.at, history.drawnFrom, window.to);
  const zoomQuery = zoom && new URLSearchParams({ range: "custom", from: zoom.from.toISOString(), to: zoom.to.toISOString() }).toString();

  return (
    <>
      {crumbs}
      {header}
      <WindowToolbar window={window} timeZone={timeZone} renderedAt={now.toISOString()} refreshMs={REFRESH_MS} lagSeconds={lag} />
      <div className="flex flex-col gap-6">
        <Panel id="state-heading" title="State over time"
          actions={zoomQuery && <Link href={`?${zoomQuery}`} className="text-sm text-accent hover:underline">Zoom in on the changes</Link>}>
          <StateStepChart steps={steps} from={history.drawnFrom.getTime()} to={window.to.getTime()} />
          <TimeInStates totals={timeInStates(steps)} />
          {history.capped && (
            <p className="text-xs text-warn">
              Over {TRANSITION_CAP.toLocaleString("en-US")} state changes in this window: the chart and the list start at the oldest of the newest {TRANSITION_CAP.toLocaleString("en-US")}.
            </p>
          )}
        </Panel>
        <Panel id="calls-heading" title={minutes.plan.binMinutes === 1 ? "Calls and errors per minute" : `Calls and errors per ${minutes.plan.binMinutes} minutes`}>
          <CallsChart points={callsSeries(minutes.points)} from={minutes.plan.origin.getTime()} to={minutes.plan.origin.getTime() + minutes.plan.count * minutes.plan.binMinutes * 60_000} binMinutes={minutes.plan.binMinutes} />
        </Panel>
        <Panel id="transitions-heading" title="Transitions" count={history.transitions.length}>
          <TransitionsTable newestFirst={newestFirst} failing={failing} service={breaker.service} breaker={breaker.name} labelledBy="transitions-heading" />
          {newestFirst.length > FAILING_CALLS_TRANSITIONS && (
            <p className="text-xs text-muted">Failing calls are looked up for the newest {FAILING_CALLS_TRANSITIONS} changes.</p>
          )}
        </Panel>
      </div>
    </>
  );
}
