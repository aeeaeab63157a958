import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { projectionLagSeconds } from "@/lib/projector";
import { isTerminal } from "@/lib/projections/saga-status";
import { getSagaDetail, SagaId, SAGA_DLQ_LIMIT, SAGA_STEP_CAP, sagaBreakerEvents, sagaDlqMessages } from "@/lib/sagas/queries";
import { AutoRefresh } from "@/components/auto-refresh";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { layoutGantt } from "@/components/sagas/gantt-layout";
import { SagaBreakerTable } from "@/components/sagas/saga-breaker-table";
import { SagaDlqTable } from "@/components/sagas/saga-dlq-table";
import { SagaGantt } from "@/components/sagas/saga-gantt";
import { SagaSummary } from "@/components/sagas/saga-summary";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const REFRESH_MS = 5_000;

/** The id as the services wrote it; a broken %-escape is reported like any other malformed id. */
function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = decodeId((await params).id) ?? "";
  return { title: `Saga ${id.slice(0, 8)}` };
}

export default async function SagaPage({ params }: Props) {
  await requirePageRole();
  const raw = (await params).id;
  const decoded = decodeId(raw);
  const id = decoded === null ? null : SagaId.safeParse(decoded);
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm text-muted">
      <Link href="/sagas" className="hover:text-fg hover:underline">Sagas</Link> <span aria-hidden="true">/</span>
    </nav>
  );
  if (id === null || !id.success) {
    return (
      <>
        {breadcrumb}
        <PageHeader title="Saga" />
        <p role="alert" data-testid="saga-malformed-id" className="max-w-2xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
          “<span className="font-mono [overflow-wrap:anywhere]">{(decoded ?? raw).slice(0, 80)}</span>” is not a saga id:{" "}
          {id?.error.issues[0]?.message ?? "the link has a broken %-escape"}.{" "}
          <Link href="/sagas" className="text-accent underline underline-offset-2">Find the saga in the list</Link>.
        </p>
      </>
    );
  }

  const now = new Date();
  const detail = await getSagaDetail(id.data, now);
  if (detail === null) notFound();
  const { saga, steps } = detail;
  const until = saga.endedAt ?? saga.lastProgressAt;
  const [dlq, breakers, lag] = await Promise.all([
    sagaDlqMessages(saga.id, steps.map((s) => s.traceId)),
    sagaBreakerEvents(steps.map((s) => s.service), saga.startedAt, until),
    projectionLagSeconds(),
  ]);
  const layout = layoutGantt(steps, saga);
  const running = !isTerminal(saga.storedStatus);

  return (
    <>
      {breadcrumb}
      <PageHeader
        title={saga.name === "" ? "(unnamed saga)" : saga.name}
        description={saga.key ? `Saga for ${saga.key}` : "A saga without a business key"}
        actions={running ? <AutoRefresh updatedAt={now.toISOString()} intervalMs={REFRESH_MS} /> : undefined}
      />
      <SagaSummary saga={saga} now={now} />
      <div className="mb-3"><ProjectionLagNote seconds={lag} what="This saga" /></div>
      <div className="flex flex-col gap-6">
        <Panel id="saga-timeline" title="Timeline" count={steps.length}>
          <p className="text-xs text-muted">
            One row per step attempt on a shared time axis from the saga&apos;s start; compensations have a lane of their own.
            Each bar opens its span in the trace.
            {detail.stepsCapped && ` Only the first ${String(SAGA_STEP_CAP)} steps are drawn.`}
          </p>
          <Legend />
          {steps.length === 0
            ? <p className="rounded-md border border-border bg-surface px-4 py-3 text-sm">No step span of this saga has been received yet: only its status events.</p>
            : <SagaGantt layout={layout} />}
        </Panel>
        <Panel id="saga-dlq" title="Dead letters" count={dlq.length}>
          <SagaDlqTable messages={dlq} labelledBy="saga-dlq" />
          {dlq.length >= SAGA_DLQ_LIMIT && <p className="text-xs text-muted">The newest {SAGA_DLQ_LIMIT} are shown.</p>}
        </Panel>
        <Panel id="saga-breakers" title="Breaker changes" count={breakers.length}>
          <p className="text-xs text-muted">Breakers of the services this saga&apos;s steps ran on ({[...new Set(steps.map((s) => s.service))].join(", ") || "none"}), from a minute before it started to a minute after its last progress.</p>
          <SagaBreakerTable events={breakers} labelledBy="saga-breakers" from={saga.startedAt} to={until} />
        </Panel>
      </div>
    </>
  );
}

function Legend() {
  const item = (colour: string, label: string) => (
    <span className="inline-flex items-center gap-1.5"><span aria-hidden="true" className={`h-2.5 w-5 rounded-sm ${colour}`} />{label}</span>
  );
  return (
    <p className="flex flex-wrap gap-4 text-xs text-muted">
      {item("bg-accent", "action")}{item("bg-warn", "compensation")}{item("bg-bad", "failed")}
    </p>
  );
}
