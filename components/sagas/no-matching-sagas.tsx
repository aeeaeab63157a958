import Link from "next/link";
import { statusHref, clearFiltersHref, type SagasView } from "./sagas-url";
import { withWindow } from "@/components/time-window/time-window";

/** Sagas exist, just none here: say what narrows the list and offer the usual ways out. */
export function NoMatchingSagas({ view }: { view: SagasView }) {
  if (view.cursor !== undefined) return <p data-testid="sagas-no-matches" className="rounded-md border border-border bg-surface px-4 py-3 text-sm">No older sagas match.</p>;
  const wider = `/sagas?${withWindow(new URL(statusHref(view, view.status), "http://x").searchParams, { range: "24h" }).toString()}`;
  const filtered = view.name !== undefined || view.key !== undefined || view.id !== undefined;
  return (
    <div data-testid="sagas-no-matches" className="rounded-md border border-border bg-surface px-4 py-3 text-sm">
      <p>
        No saga {view.status === "any" ? "" : `with status ${view.status} `}started in this time range{filtered ? " and matches these filters" : ""}.
        {" "}Try <Link href={wider} className="text-accent underline underline-offset-2">the last 24 hours</Link>
        {view.status !== "any" && <>, <Link href={statusHref(view, "any")} className="text-accent underline underline-offset-2">every status</Link></>}
        {filtered && <>, or <Link href={clearFiltersHref(view)} className="text-accent underline underline-offset-2">no filters</Link></>}.
        {" "}Saga key and ID match exactly.
      </p>
    </div>
  );
}
