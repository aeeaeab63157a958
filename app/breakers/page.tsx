import type { Metadata } from "next";
import { breakerBoard, resilienceSummary } from "@/lib/breakers/queries";
import { projectionLagSeconds } from "@/lib/projector";
import { hasAnySpans } from "@/lib/traces/queries";
import { BreakersBoard } from "@/components/breakers/breakers-board";
import { NoBreakersYet } from "@/components/breakers/no-breakers-yet";
import { WindowToolbar } from "@/components/breakers/window-toolbar";
import { BulkheadsTable } from "@/components/resilience/bulkheads-table";
import { RetriesTable } from "@/components/resilience/retries-table";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { parseTimeWindow, windowSearchParams } from "@/components/time-window/time-window";
import { NoSpansYet } from "@/components/traces/no-spans-yet";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Breakers" };

const REFRESH_MS = 10_000;
const DESCRIPTION = "Every circuit breaker's state, calls and errors, with bulkheads and consumer retries beside them.";

type RawSearchParams = Record<string, string | string[] | undefined>;

export default async function BreakersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole();
  const [params, timeZone] = await Promise.all([searchParams, operatorTimeZone()]);
  const now = new Date();
  const parsed = parseTimeWindow(params, now, timeZone);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Breakers" description={DESCRIPTION} />
        <UrlProblems title="This link's time range has a problem, so nothing was read" problems={parsed.problems} resetHref="/breakers" />
      </>
    );
  }
  const { window } = parsed;
  const [breakers, summary, lag] = await Promise.all([breakerBoard(window), resilienceSummary(window), projectionLagSeconds()]);
  const notClosed = breakers.filter((b) => b.state === "open" || b.state === "half_open").length;
  const nothing = breakers.length === 0 && summary.bulkheads.length === 0 && summary.retries.length === 0;
  const toolbar = <WindowToolbar window={window} timeZone={timeZone} renderedAt={now.toISOString()} refreshMs={REFRESH_MS} lagSeconds={lag} />;
  const header = (
    <PageHeader
      title="Breakers"
      description={breakers.length === 0 ? DESCRIPTION : `${breakers.length} ${breakers.length === 1 ? "breaker" : "breakers"} · ${notClosed === 0 ? "all closed" : `${notClosed} not closed`}`}
    />
  );
  if (nothing) return (<>{header}{toolbar}{(await hasAnySpans()) ? <NoBreakersYet /> : <NoSpansYet />}</>);

  const windowQuery = windowSearchParams(window).toString();
  return (
    <>
      {header}
      {toolbar}
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel id="breakers-heading" title="Circuit breakers" count={breakers.length}>
          {breakers.length === 0
            ? <NoBreakersYet />
            : <BreakersBoard breakers={breakers} now={now} windowQuery={windowQuery} labelledBy="breakers-heading" />}
        </Panel>
        <section aria-labelledby="resilience-heading" className="flex min-w-0 flex-col gap-4">
          <h2 id="resilience-heading" className="text-base font-semibold">Resilience</h2>
          <Panel id="bulkheads-heading" title="Bulkheads" count={summary.bulkheads.length}>
            <BulkheadsTable bulkheads={summary.bulkheads} labelledBy="bulkheads-heading" />
          </Panel>
          <Panel id="retries-heading" title="Retries" count={summary.retries.length}>
            <RetriesTable retries={summary.retries} labelledBy="retries-heading" />
            <p className="text-xs text-muted">Attempts count first tries too; retries alone are not projected. “To DLQ” counts attempts marked retry.exhausted.</p>
          </Panel>
        </section>
      </div>
    </>
  );
}
