import Link from "next/link";
import { Time } from "@/components/time/time";
import { permalinkHref, type TracesView } from "./search-url";

/** What the table covers, and a link pinned to that exact window for an incident channel. */
export function ResultsHeader({ id, view, shown }: { id: string; view: TracesView; shown: number }) {
  return (
    <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-sm font-semibold">
        Traces <span className="ml-1 font-normal text-muted tabular-nums">{shown}{view.cursor ? " more" : ""}</span>
      </h2>
      <p className="text-xs text-muted">
        Spans started <Time value={view.from.toISOString()} /> – <Time value={view.to.toISOString()} />
        {" · "}
        <Link href={permalinkHref(view)} className="text-accent underline underline-offset-2" title="A link to this exact time window, to paste into an incident channel">
          Link to this window
        </Link>
      </p>
    </div>
  );
}
