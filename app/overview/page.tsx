import type { Metadata } from "next";
import { readOverview, type Overview } from "@/lib/overview";
import { findings, type Finding } from "@/lib/overview/attention";
import { AutoRefresh } from "@/components/auto-refresh";
import { AttentionSummary } from "@/components/overview/attention-summary";
import { OverviewSections } from "@/components/overview/overview-sections";
import { StoreUnreachable } from "@/components/overview/store-unreachable";
import { windowLabel } from "@/components/overview/window-label";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { statusHref } from "@/components/sagas/sagas-url";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { parseTimeWindow, type TimeWindow } from "@/components/time-window/time-window";
import { TimePicker } from "@/components/time-window/time-picker";
import { NoSpansYet } from "@/components/traces/no-spans-yet";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import type { SagaStatusFilter } from "@/lib/sagas/queries/saga-filter";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

const REFRESH_MS = 10_000;
const DESCRIPTION = "What is failing right now: dead letters, circuit breakers, sagas, ingest and the Kafka clusters, worst first.";

type RawSearchParams = Record<string, string | string[] | undefined>;

function findingsOf(overview: Overview, now: Date, sagaListHref: (status: string) => string): Finding[] {
  const store = overview.store.ok ? overview.store.data : null;
  return findings({
    brokers: overview.brokers,
    dlq: store && { totalPending: store.dlq.totalPending, topicsWithPending: store.dlq.topicsWithPending,
      arrivedLast15m: store.dlq.topics.reduce((sum, t) => sum + t.lastHour.slice(-15).reduce((a, b) => a + b, 0), 0) },
    breakers: store && { open: store.breakers.open, halfOpen: store.breakers.halfOpen },
    sagas: store && { counts: store.sagas.counts, listHref: sagaListHref },
    ingest: store && { projectionLagSeconds: store.ingest.projectionLagSeconds, recentRejected: store.ingest.rejected.recent,
      secondsSinceLastSpan: store.ingest.lastSpanAt ? (now.getTime() - store.ingest.lastSpanAt.getTime()) / 1000 : null },
  });
}

function calmText(overview: Overview, label: string): string {
  const clusters = overview.brokers.length;
  const breakers = overview.store.ok ? overview.store.data.breakers.total : 0;
  return [
    "No dead letters pending",
    breakers > 0 ? `all ${String(breakers)} circuit ${breakers === 1 ? "breaker" : "breakers"} closed` : "no circuit breaker open",
    `no saga failed, stuck or compensating in the ${label}`,
    `${clusters === 1 ? "the Kafka cluster" : `all ${String(clusters)} Kafka clusters`} reachable.`,
  ].join(", ");
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole();
  const [params, timeZone] = await Promise.all([searchParams, operatorTimeZone()]);
  const now = new Date();
  const parsed = parseTimeWindow(params, now, timeZone);
  const header = <PageHeader title="Overview" description={DESCRIPTION} actions={<AutoRefresh updatedAt={now.toISOString()} intervalMs={REFRESH_MS} />} />;
  if (!parsed.ok) {
    return (
      <>
        {header}
        <UrlProblems problems={parsed.problems} title="This link has a problem, so the overview was not read" resetHref="/overview" />
      </>
    );
  }
  const window: TimeWindow = parsed.window;
  const label = windowLabel(window);
  const sagaListHref = (status: string) => statusHref({ window, status: "any" }, status as SagaStatusFilter);
  const overview = await readOverview(window, now);
  const found = findingsOf(overview, now, sagaListHref);
  const store = overview.store.ok ? overview.store.data : null;
  return (
    <>
      {header}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <TimePicker window={window} timeZone={timeZone} />
        {store && <ProjectionLagNote seconds={store.ingest.projectionLagSeconds} what="Sagas and breakers" />}
      </div>
      <div className="mb-4 flex flex-col gap-3">
        {!overview.store.ok && <StoreUnreachable error={overview.store.error} />}
        {(found.length > 0 || store?.anySpans) && <AttentionSummary found={found} calmText={calmText(overview, label)} />}
        {store && !store.anySpans && <NoSpansYet />}
      </div>
      <OverviewSections overview={overview} found={found} now={now} windowLabel={label} sagaListHref={sagaListHref} />
    </>
  );
}
