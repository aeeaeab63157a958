// Turns a trace's spans into the rows the waterfall draws: depth-first by parent, siblings by start.
// Runs on the server; the rows are small and serialisable, so 5,000 of them can go to the browser.
import type { OutlineSpan } from "@/lib/traces/queries/get-trace";

export type MessagingHop = { operation: string | null; topic: string; partition: number | null; offset: string | null };

export type WaterfallRow = {
  spanId: string;
  parentSpanId: string | null;
  depth: number;
  name: string;
  /** Index into WaterfallModel.services. */
  service: number;
  kind: number;
  /** Microseconds from the trace's start. */
  startUs: number;
  durationUs: number;
  error: boolean;
  /** It names a parent that is not in the trace (not received, or past the cap). */
  orphan: boolean;
  childCount: number;
  messaging: MessagingHop | null;
};

export type WaterfallModel = {
  rows: WaterfallRow[];
  services: string[];
  /** Unix nanoseconds of the earliest span, as text. */
  traceStartNs: string;
  /** First start to last end, in microseconds. */
  totalUs: number;
  orphanCount: number;
  errorCount: number;
  /** Spans sent twice with the same id but different starts: only the first is drawn. */
  duplicateCount: number;
};

const byStart = (a: OutlineSpan, b: OutlineSpan) =>
  a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;

export function buildWaterfall(input: OutlineSpan[]): WaterfallModel {
  const spans: OutlineSpan[] = [];
  const byId = new Map<string, OutlineSpan>();
  let duplicateCount = 0;
  for (const span of [...input].sort(byStart)) {
    if (byId.has(span.spanId)) duplicateCount++;
    else {
      byId.set(span.spanId, span);
      spans.push(span);
    }
  }
  const first = spans[0];
  if (first === undefined) return { rows: [], services: [], traceStartNs: "0", totalUs: 0, orphanCount: 0, errorCount: 0, duplicateCount };

  const traceStart = first.startNs;
  let traceEnd = traceStart;
  const children = new Map<string, OutlineSpan[]>();
  const tops: OutlineSpan[] = [];
  for (const span of spans) {
    const end = span.startNs + span.durationNs;
    if (end > traceEnd) traceEnd = end;
    const parent = span.parentSpanId !== null && span.parentSpanId !== span.spanId && byId.has(span.parentSpanId) ? span.parentSpanId : null;
    if (parent === null) tops.push(span);
    else {
      const list = children.get(parent);
      if (list) list.push(span);
      else children.set(parent, [span]);
    }
  }

  const services: string[] = [];
  const serviceIndex = new Map<string, number>();
  const rows: WaterfallRow[] = [];
  const visited = new Set<string>();
  const micros = (ns: bigint) => Number(ns) / 1_000;
  let orphanCount = 0;
  let errorCount = 0;

  // Iterative depth-first walk: a trace can be thousands of spans deep. Spans caught in a parent cycle
  // are never reached from a top-level span, so they are walked afterwards as top-level ones.
  const walk = (top: OutlineSpan) => {
    const stack: [OutlineSpan, number][] = [[top, 0]];
    while (stack.length > 0) {
      const entry = stack.pop();
      if (entry === undefined) break;
      const [span, depth] = entry;
      if (visited.has(span.spanId)) continue;
      visited.add(span.spanId);
      let service = serviceIndex.get(span.serviceName);
      if (service === undefined) {
        service = services.length;
        services.push(span.serviceName);
        serviceIndex.set(span.serviceName, service);
      }
      const kids = children.get(span.spanId) ?? [];
      const orphan = depth === 0 && span.parentSpanId !== null;
      if (orphan) orphanCount++;
      if (span.statusCode === 2) errorCount++;
      rows.push({
        spanId: span.spanId, parentSpanId: span.parentSpanId, depth, name: span.name, service, kind: span.kind,
        startUs: micros(span.startNs - traceStart), durationUs: micros(span.durationNs), error: span.statusCode === 2,
        orphan, childCount: kids.length, messaging: span.messaging,
      });
      for (let i = kids.length - 1; i >= 0; i--) {
        const kid = kids[i];
        if (kid !== undefined) stack.push([kid, depth + 1]);
      }
    }
  };
  for (const top of tops) walk(top);
  for (const span of spans) if (!visited.has(span.spanId)) walk(span);

  return { rows, services, traceStartNs: traceStart.toString(), totalUs: micros(traceEnd - traceStart), orphanCount, errorCount, duplicateCount };
}

/** The rows left showing when the spans in `collapsed` hide their descendants. */
export function visibleRows(rows: WaterfallRow[], collapsed: ReadonlySet<string>): WaterfallRow[] {
  if (collapsed.size === 0) return rows;
  const shown: WaterfallRow[] = [];
  let hideDeeperThan = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hideDeeperThan) continue;
    hideDeeperThan = collapsed.has(row.spanId) ? row.depth : Number.POSITIVE_INFINITY;
    shown.push(row);
  }
  return shown;
}
