import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { hasAnySpans, searchTraces, type TraceSearchPage } from "@/lib/traces/queries";
import { TIME_MODE_COOKIE, TIME_ZONE_COOKIE, parseTimePreference } from "@/components/time/time-preference";
import { NoMatches } from "@/components/traces/no-matches";
import { NoSpansYet } from "@/components/traces/no-spans-yet";
import { OpenTraceForm } from "@/components/traces/open-trace-form";
import { ResultsHeader } from "@/components/traces/results-header";
import { SearchForm, formValues } from "@/components/traces/search-form";
import { firstPageHref, nextPageHref, parseTracesUrl, type RawSearchParams } from "@/components/traces/search-url";
import { TracesTable } from "@/components/traces/traces-table";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Traces" };

const DESCRIPTION = "Find a trace by service, operation, saga or message, then follow it across services and Kafka topics.";

export default async function TracesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole();
  const [params, cookieStore] = await Promise.all([searchParams, cookies()]);
  const preference = parseTimePreference(cookieStore.get(TIME_MODE_COOKIE)?.value, cookieStore.get(TIME_ZONE_COOKIE)?.value);
  // Wall-clock from/to are read in the zone the operator sees times in.
  const timeZone = preference.mode === "local" && preference.timeZone ? preference.timeZone : "UTC";
  const now = new Date();
  const parsed = parseTracesUrl(params, now, timeZone);
  const header = <PageHeader title="Traces" description={DESCRIPTION} actions={<OpenTraceForm />} />;

  if (!parsed.ok) {
    const fallback = parseTracesUrl({}, now, timeZone);
    if (!fallback.ok) throw new Error("the default trace search is invalid");
    const raw = parsed.raw;
    return (
      <>
        {header}
        <UrlProblems problems={parsed.problems} />
        <SearchForm view={fallback.view} values={{ ...raw, attributes: [params.attr ?? []].flat().filter((a) => a !== "") }} />
      </>
    );
  }
  if (parsed.jumpTo) redirect(`/traces/${parsed.jumpTo}`);

  const { view } = parsed;
  let page: TraceSearchPage;
  try {
    page = await searchTraces(parsed.search, now);
  } catch (error) {
    // A search too slow or refused says why in words; anything else goes to the error boundary.
    if (!(error instanceof AppError) || (error.code !== "UNAVAILABLE" && error.code !== "VALIDATION")) throw error;
    return (
      <>
        {header}
        <UrlProblems title="The search did not finish" problems={[{ param: "search", message: error.message }]} />
        <SearchForm view={view} values={formValues(view)} />
      </>
    );
  }
  const empty = page.traces.length === 0 && !view.cursor && !(await hasAnySpans());
  return (
    <>
      {header}
      <SearchForm view={view} values={formValues(view)} />
      {empty ? (
        <NoSpansYet />
      ) : (
        <section aria-labelledby="traces-results">
          <ResultsHeader id="traces-results" view={view} shown={page.traces.length} />
          {page.traces.length === 0 ? <NoMatches view={view} pageAfterFirst={view.cursor !== undefined} /> : <TracesTable traces={page.traces} labelledBy="traces-results" />}
          {(page.nextCursor !== null || view.cursor !== undefined) && (
            <nav aria-label="Pages" className="mt-3 flex gap-2 text-sm">
              {view.cursor !== undefined && (
                <Link href={firstPageHref(view)} className="rounded-md border border-border bg-surface px-3 py-1.5 hover:bg-surface-2">First page</Link>
              )}
              {page.nextCursor !== null && (
                <Link href={nextPageHref(view, page.nextCursor)} rel="next" className="rounded-md border border-border bg-surface px-3 py-1.5 font-medium hover:bg-surface-2">
                  Next page →
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </>
  );
}
