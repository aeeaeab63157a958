// A saga's summary as a commutative, associative merge of its spans: folding batches of new spans into
// the stored summary gives the same row as deriveSaga over all of them, in any order and any split.
// Exact while no two spans of the saga share a span id; the projector rebuilds a saga whole when they do.
import type { SpanRecord } from "@/lib/traces";
import { readText } from "./attributes";
import { compareBigint, compareTuple, nsToDate } from "./order";
import type { SagaRow } from "./saga";
import { sagaStepOf, type SagaStepRow } from "./saga-steps";
import { isTerminal, sagaStatusEvents, type SagaStatus, type SagaStatusEvent } from "./saga-status";

/** A value and the (time, span id) it was seen at: the first or latest is chosen by that pair. */
export type Ranked<T> = { ns: bigint; spanId: string; value: T };

export type SagaSummary = {
  name: Ranked<string> | null;
  key: Ranked<string> | null;
  status: SagaStatusEvent | null;
  compensation: boolean;
  /** Over step starts/ends and status event times; null while the saga has neither. */
  timedStart: bigint | null;
  timedProgress: bigint | null;
  /** Over the starts and ends of all its spans: what dates a saga without steps or events. */
  spanStart: bigint;
  spanEnd: bigint;
  current: Ranked<string> | null;
  failed: Ranked<{ step: string; error: string | null }> | null;
  stepCount: number;
};

export type SagaDelta = { summary: SagaSummary; steps: SagaStepRow[] };

const rank = <T>(a: Ranked<T>, b: Ranked<T>) => compareTuple([a.ns, a.spanId], [b.ns, b.spanId]);
const statusRank = (a: SagaStatusEvent, b: SagaStatusEvent) => compareTuple([a.timeNs, a.spanId, a.index], [b.timeNs, b.spanId, b.index]);

function first<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): T | null {
  if (a === null) return b;
  return b === null || compare(a, b) <= 0 ? a : b;
}

function last<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): T | null {
  if (a === null) return b;
  return b === null || compare(a, b) >= 0 ? a : b;
}

const minNs = (a: bigint | null, b: bigint | null) => first(a, b, compareBigint);
const maxNs = (a: bigint | null, b: bigint | null) => last(a, b, compareBigint);

/** Two summaries of disjoint sets of spans combined: the summary of their union. */
export function mergeSagaSummaries(a: SagaSummary, b: SagaSummary): SagaSummary {
  return {
    name: first(a.name, b.name, rank),
    key: first(a.key, b.key, rank),
    status: last(a.status, b.status, statusRank),
    compensation: a.compensation || b.compensation,
    timedStart: minNs(a.timedStart, b.timedStart),
    timedProgress: maxNs(a.timedProgress, b.timedProgress),
    spanStart: a.spanStart < b.spanStart ? a.spanStart : b.spanStart,
    spanEnd: a.spanEnd > b.spanEnd ? a.spanEnd : b.spanEnd,
    current: last(a.current, b.current, rank),
    failed: last(a.failed, b.failed, rank),
    stepCount: a.stepCount + b.stepCount,
  };
}

/** The summary and step rows of one span of the saga (it must carry the saga's id). */
function spanSummary(sagaId: string, span: SpanRecord): SagaDelta {
  const step = sagaStepOf(sagaId, span);
  const events = sagaStatusEvents([span]);
  const times = events.map((event) => event.timeNs);
  const at = <T>(value: T | null): Ranked<T> | null => (value === null ? null : { ns: span.startTimeUnixNano, spanId: span.spanId, value });
  const stepRank = <T>(value: T): Ranked<T> | null => (step === null ? null : { ns: step.startNs, spanId: step.row.spanId, value });
  const starts = step === null ? times : [step.startNs, ...times];
  const progress = step === null ? times : [step.endNs, ...times];
  return {
    summary: {
      name: at(readText(span.attributes, "saga.name")),
      key: at(readText(span.attributes, "saga.key")),
      status: events.reduce<SagaStatusEvent | null>((best, event) => last(best, event, statusRank), null),
      compensation: step?.row.kind === "compensation",
      timedStart: starts.reduce<bigint | null>(minNs, null),
      timedProgress: progress.reduce<bigint | null>(maxNs, null),
      spanStart: span.startTimeUnixNano,
      spanEnd: span.endTimeUnixNano,
      current: step === null ? null : stepRank(step.row.step),
      failed: step?.row.status === "error" ? stepRank({ step: step.row.step, error: step.row.error }) : null,
      stepCount: step === null ? 0 : 1,
    },
    steps: step === null ? [] : [step.row],
  };
}

/** Folds new spans of the saga into its summary (null: none yet); null when none of them carries it. */
export function mergeSagaSpans(sagaId: string, prior: SagaSummary | null, spans: readonly SpanRecord[]): SagaDelta | null {
  let summary = prior;
  const steps: SagaStepRow[] = [];
  for (const span of spans) {
    if (readText(span.attributes, "saga.id") !== sagaId) continue;
    const delta = spanSummary(sagaId, span);
    summary = summary === null ? delta.summary : mergeSagaSummaries(summary, delta.summary);
    steps.push(...delta.steps);
  }
  return summary === null ? null : { summary, steps };
}

/** The sagas row a summary stands for: the same row deriveSaga makes from the same spans. */
export function sagaRowOf(sagaId: string, s: SagaSummary): SagaRow {
  const started = s.timedStart ?? s.spanStart;
  const progress = s.timedProgress ?? s.spanEnd;
  const status: SagaStatus = s.status?.status ?? (s.compensation ? "compensating" : "started");
  return {
    id: sagaId,
    name: s.name?.value ?? "",
    key: s.key?.value ?? null,
    status,
    startedAt: nsToDate(started),
    lastProgressAt: nsToDate(progress > started ? progress : started),
    endedAt: s.status !== null && isTerminal(s.status.status) ? nsToDate(s.status.timeNs) : null,
    currentStep: s.current?.value ?? null,
    failedStep: s.failed?.value.step ?? null,
    error: s.failed?.value.error ?? null,
    stepCount: s.stepCount,
  };
}

/** True when two of the spans carrying the saga share a span id: then only a whole rebuild is exact. */
export function sharesSpanId(sagaId: string, spans: readonly SpanRecord[]): boolean {
  const seen = new Set<string>();
  for (const span of spans) {
    if (readText(span.attributes, "saga.id") !== sagaId) continue;
    if (seen.has(span.spanId)) return true;
    seen.add(span.spanId);
  }
  return false;
}
