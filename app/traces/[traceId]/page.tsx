import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { SpanId, TraceId, getSpan, getTraceOutline, spanDetail, type SpanDetail } from "@/lib/traces/queries";
import { TraceSummary } from "@/components/traces/trace-summary";
import { TraceView } from "@/components/traces/trace-view";
import { buildWaterfall } from "@/components/traces/waterfall-model";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params, searchParams }: Props) {
  await requirePageRole();
  const [{ traceId: rawId }, query] = await Promise.all([params, searchParams]);
  const traceId = TraceId.safeParse(rawId);
  if (!traceId.success) {
    return (
      <>
        <PageHeader title="Trace" />
        <p role="alert" className="max-w-2xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
          <span className="font-mono">{rawId.slice(0, 80)}</span> is not a trace id: a trace id is 32 hexadecimal digits. <BackToSearch />
        </p>
      </>
    );
  }

  const outline = await getTraceOutline(traceId.data);
  if (outline === null) notFound();
  const model = buildWaterfall(outline.spans);
  const root = model.rows[0];

  const spanParam = [query.span].flat()[0];
  const span = spanParam === undefined ? null : SpanId.safeParse(spanParam);
  const initialSpanId = span?.success ? span.data : (root?.spanId ?? null);
  const initialDetail = initialSpanId === null ? null : await loadSpan(traceId.data, initialSpanId);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-sm text-muted">
        <Link href="/traces" className="hover:text-fg hover:underline">Traces</Link> <span aria-hidden="true">/</span>
      </nav>
      <PageHeader title={root ? root.name : "Trace"} description={root ? `Root span in ${model.services[root.service] ?? ""}` : undefined} />
      <TraceSummary
        traceId={traceId.data}
        model={model}
        startTime={new Date(Number(BigInt(model.traceStartNs) / 1_000_000n)).toISOString()}
        capped={outline.capped ? { cap: outline.cap, totalSpans: outline.totalSpans } : null}
      />
      <TraceView traceId={traceId.data} model={model} initialSpanId={initialSpanId} initialDetail={initialDetail} />
    </>
  );
}

/** The selected span in full, so a pasted link opens with its details; a span not in the trace shows none. */
async function loadSpan(traceId: string, spanId: string): Promise<SpanDetail | null> {
  try {
    return spanDetail(await getSpan(traceId, spanId));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

function BackToSearch() {
  return <Link href="/traces" className="text-accent underline underline-offset-2">Search traces</Link>;
}
