import type { Metadata } from "next";
import Link from "next/link";
import { hasAnyAuditEvents, listAuditEvents, listRecordedActions } from "@/lib/audit";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditUrlProblems } from "@/components/audit/audit-url-problems";
import { csvHref, firstPageHref, nextPageHref, parseAuditUrl, type RawSearchParams } from "@/components/audit/audit-url";
import { NoAuditEventsYet } from "@/components/audit/no-audit-events-yet";
import { AutoRefresh } from "@/components/auto-refresh";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";
import { TimePicker } from "@/components/time-window/time-picker";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

const PAGE = 100;
const REFRESH_MS = 10_000;
const DESCRIPTION = "Who redrove, discarded or changed what, when, and how it turned out. Append-only: events are never changed or removed before retention.";

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole();
  const [params, timeZone] = await Promise.all([searchParams, operatorTimeZone()]);
  const now = new Date();
  const parsed = parseAuditUrl(params, now, timeZone);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Audit" description={DESCRIPTION} />
        <AuditUrlProblems problems={parsed.problems} />
      </>
    );
  }
  const { view, filter } = parsed;
  const [page, recordedActions] = await Promise.all([listAuditEvents(filter, PAGE), listRecordedActions()]);
  const empty = page.events.length === 0 && view.cursor === undefined && !(await hasAnyAuditEvents());
  // Only the first page of a window that ends now can gain rows; a later page or a past window stays put.
  const live = view.cursor === undefined && view.window.range !== "custom";
  return (
    <>
      <PageHeader
        title="Audit"
        description={DESCRIPTION}
        actions={live ? <AutoRefresh updatedAt={now.toISOString()} intervalMs={REFRESH_MS} /> : undefined}
      />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <TimePicker window={view.window} timeZone={timeZone} />
        {!empty && (
          <a href={csvHref(view)} download data-testid="audit-export" className="rounded-md border border-border bg-surface px-3 py-1 text-sm hover:bg-surface-2">
            Export CSV
          </a>
        )}
      </div>
      <AuditFilters view={view} recordedActions={recordedActions} />
      {empty ? (
        <NoAuditEventsYet />
      ) : (
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="mb-2 text-sm font-medium">
            {view.cursor === undefined ? "Events, newest first" : "Older events"}
          </h2>
          <AuditTable events={page.events} labelledBy="audit-heading"
            emptyText={view.cursor === undefined ? "No event matches these filters in this time window; widen the window or clear a filter." : "No older events."} />
          {(page.nextCursor !== null || view.cursor !== undefined) && (
            <nav aria-label="Pages" className="mt-3 flex gap-2 text-sm">
              {view.cursor !== undefined && (
                <Link href={firstPageHref(view)} className="rounded-md border border-border bg-surface px-3 py-1.5 hover:bg-surface-2">Newest</Link>
              )}
              {page.nextCursor !== null && (
                <Link href={nextPageHref(view, page.nextCursor)} rel="next" className="rounded-md border border-border bg-surface px-3 py-1.5 font-medium hover:bg-surface-2">Older →</Link>
              )}
            </nav>
          )}
        </section>
      )}
    </>
  );
}
