import Link from "next/link";
import type { SagaDetail } from "@/lib/sagas/queries";
import { Time } from "@/components/time/time";
import { formatCount } from "@/components/traces/format";
import { sagaDuration } from "./saga-duration";
import { SagaStatusBadge } from "./saga-status-badge";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/** The saga at a glance: who, which, where it stands and how long it took; the failure in words when there is one. */
export function SagaSummary({ saga, now }: { saga: SagaDetail["saga"]; now: Date }) {
  const tracesHref = `/traces?sagaId=${encodeURIComponent(saga.id)}&range=custom&from=${encodeURIComponent(new Date(saga.startedAt.getTime() - 60_000).toISOString())}&to=${encodeURIComponent(new Date((saga.endedAt ?? now).getTime() + 60_000).toISOString())}`;
  return (
    <section aria-label="Saga summary" data-testid="saga-summary" className="mb-5 rounded-lg border border-border bg-surface p-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
        <Item term="Status"><SagaStatusBadge status={saga.status} /></Item>
        <Item term="Key"><span className="font-mono [overflow-wrap:anywhere]">{saga.key ?? "–"}</span></Item>
        <Item term="Saga ID"><span className="font-mono text-[13px] [overflow-wrap:anywhere]" data-testid="saga-id">{saga.id}</span></Item>
        <Item term="Current step">{saga.currentStep ?? "–"} <span className="text-muted">· {formatCount(saga.stepCount)} steps</span></Item>
        <Item term="Started"><Time value={saga.startedAt.toISOString()} /></Item>
        <Item term={saga.endedAt ? "Ended" : "Last progress"}><Time value={(saga.endedAt ?? saga.lastProgressAt).toISOString()} /></Item>
        <Item term="Duration">{sagaDuration(saga, now)}</Item>
        <Item term="Spans"><Link href={tracesHref} className="text-accent underline-offset-2 hover:underline">Traces of this saga</Link></Item>
      </dl>
      {saga.failedStep && (
        <p role="note" data-testid="saga-failure" className="mt-3 rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-sm">
          <span className="font-semibold text-bad">Failed at {saga.failedStep}</span>
          {saga.error && <>: <span className="[overflow-wrap:anywhere]">{saga.error}</span></>}
        </p>
      )}
    </section>
  );
}
