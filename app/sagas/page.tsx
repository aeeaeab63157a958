import type { Metadata } from "next";
import Link from "next/link";
import { formatDuration, getConfig } from "@/lib/config";
import { projectionLagSeconds } from "@/lib/projector";
import { countSagasByStatus, hasAnySagas, listSagaNames, listSagas } from "@/lib/sagas/queries";
import { AutoRefresh } from "@/components/auto-refresh";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { NoMatchingSagas } from "@/components/sagas/no-matching-sagas";
import { NoSagasYet } from "@/components/sagas/no-sagas-yet";
import { firstPageHref, nextPageHref, parseSagasUrl, type RawSearchParams } from "@/components/sagas/sagas-url";
import { SagasFilterForm } from "@/components/sagas/sagas-filter-form";
import { SagasTable } from "@/components/sagas/sagas-table";
import { StatusChips } from "@/components/sagas/status-chips";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { TimePicker } from "@/components/time-window/time-picker";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sagas" };

const REFRESH_MS = 10_000;
const DESCRIPTION = "Saga instances started in the time range, newest first: find the failed, stuck and compensating ones, then open a saga's timeline.";

export default async function SagasPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole();
  const [params, timeZone] = await Promise.all([searchParams, operatorTimeZone()]);
  const now = new Date();
  const parsed = parseSagasUrl(params, now, timeZone);
  const header = <PageHeader title="Sagas" description={DESCRIPTION} actions={<AutoRefresh updatedAt={now.toISOString()} intervalMs={REFRESH_MS} />} />;
  if (!parsed.ok) {
    const raw = (name: string) => [params[name]].flat()[0] || undefined;
    return (
      <>
        {header}
        <UrlProblems problems={parsed.problems} title="This link has a problem, so no sagas were listed" resetHref="/sagas" />
        <SagasFilterForm view={null} values={{ name: raw("name"), key: raw("key"), id: raw("id") }} names={await listSagaNames()} />
      </>
    );
  }
  const { view, filter } = parsed;
  const threshold = getConfig().stuckSagaThresholdMs;
  const [page, counts, names, lag] = await Promise.all([
    listSagas(filter, now, threshold),
    countSagasByStatus(filter, now, threshold),
    listSagaNames(),
    projectionLagSeconds(),
  ]);
  const empty = page.sagas.length === 0 && names.length === 0 && !(await hasAnySagas());
  return (
    <>
      {header}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <TimePicker window={view.window} timeZone={timeZone} />
        <p className="text-xs text-muted">A saga is stuck after {formatDuration(threshold)} without a new step.</p>
      </div>
      <div className="mb-3"><ProjectionLagNote seconds={lag} what="Saga statuses" /></div>
      {empty ? (
        <NoSagasYet />
      ) : (
        <>
          <SagasFilterForm view={view} values={{ name: view.name, key: view.key, id: view.id }} names={names} />
          <StatusChips view={view} counts={counts} />
          <section aria-labelledby="sagas-results">
            <h2 id="sagas-results" className="sr-only">Sagas{view.status === "any" ? "" : `, ${view.status}`}</h2>
            {page.sagas.length === 0 ? <NoMatchingSagas view={view} /> : <SagasTable sagas={page.sagas} labelledBy="sagas-results" now={now} />}
            {(page.nextCursor !== null || view.cursor !== undefined) && (
              <nav aria-label="Pages" className="mt-3 flex gap-2 text-sm">
                {view.cursor !== undefined && (
                  <Link href={firstPageHref(view)} className="rounded-md border border-border bg-surface px-3 py-1.5 hover:bg-surface-2">Newest</Link>
                )}
                {page.nextCursor !== null && (
                  <Link href={nextPageHref(view, page.nextCursor)} rel="next" className="rounded-md border border-border bg-surface px-3 py-1.5 font-medium hover:bg-surface-2">
                    Older →
                  </Link>
                )}
              </nav>
            )}
          </section>
        </>
      )}
    </>
  );
}
