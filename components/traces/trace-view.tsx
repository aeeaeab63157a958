"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { SpanDetail } from "@/lib/traces/queries/span-detail";
import { SkeletonBar } from "@/components/ui/skeleton";
import { SpanDetails } from "./span-details";
import { Waterfall } from "./waterfall";
import type { WaterfallModel } from "./waterfall-model";

type Props = { traceId: string; model: WaterfallModel; initialSpanId: string | null; initialDetail: SpanDetail | null };

async function fetchSpan(traceId: string, spanId: string): Promise<SpanDetail> {
  const response = await fetch(`/traces/${traceId}/spans/${spanId}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The span could not be loaded (HTTP ${String(response.status)}).`);
  }
  return (await response.json()) as SpanDetail;
}

/**
 * The waterfall and the selected span's details. The selection lives in the URL (?span=), updated in
 * place so the server does not re-render the whole trace; the details of a span are fetched on demand.
 */
export function TraceView({ traceId, model, initialSpanId, initialDetail }: Props) {
  const [selected, setSelected] = useState<string | null>(initialSpanId);
  const rowsById = useMemo(() => new Map(model.rows.map((r) => [r.spanId, r])), [model.rows]);

  const select = useCallback((spanId: string) => {
    setSelected(spanId);
    const url = new URL(window.location.href);
    url.searchParams.set("span", spanId);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const detail = useQuery({
    queryKey: ["traces", traceId, "spans", selected],
    queryFn: () => fetchSpan(traceId, selected ?? ""),
    enabled: selected !== null,
    initialData: initialDetail !== null && initialDetail.spanId === selected ? initialDetail : undefined,
    // A stored span never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_21rem] 2xl:grid-cols-[minmax(0,1fr)_26rem]">
      <Waterfall model={model} selected={selected} onSelect={select} />
      <aside aria-label="Span details" className="min-w-0 self-start rounded-lg border border-border bg-surface xl:sticky xl:top-4 xl:max-h-[calc(100dvh-2rem)] xl:overflow-y-auto">
        {selected === null ? (
          <p className="px-4 py-3 text-sm text-muted">Select a span to see its attributes, events and links. Arrow keys move through the spans.</p>
        ) : detail.isPending ? (
          <div role="status" aria-label="Loading span" className="flex flex-col gap-2 p-4">
            <SkeletonBar className="h-5 w-3/5" />
            <SkeletonBar className="h-4 w-2/5" />
            <SkeletonBar className="h-4 w-full" />
            <SkeletonBar className="h-4 w-full" />
          </div>
        ) : detail.isError ? (
          <p role="alert" className="px-4 py-3 text-sm text-bad">{detail.error.message}</p>
        ) : (
          <SpanDetails detail={detail.data} row={rowsById.get(detail.data.spanId)} onSelect={select} />
        )}
      </aside>
    </div>
  );
}
