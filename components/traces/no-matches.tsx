import Link from "next/link";
import { presetHref, type TracesView } from "./search-url";

/** Spans exist, just none that match: suggest the usual way out. */
export function NoMatches({ view, pageAfterFirst }: { view: TracesView; pageAfterFirst: boolean }) {
  return (
    <div data-testid="traces-no-matches" className="rounded-md border border-border bg-surface px-4 py-3 text-sm">
      {pageAfterFirst ? (
        <p>No more traces in this time range.</p>
      ) : (
        <p>
          No trace in this time range has a span matching all of these filters. Try a wider range (
          <Link href={presetHref(view, "24h")} className="text-accent underline underline-offset-2">last 24 hours</Link>
          ) or fewer filters; an operation matches from the start of the span name, and is case-sensitive.
        </p>
      )}
    </div>
  );
}
