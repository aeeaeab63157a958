// One saga instance (table sagas) and its steps (saga_steps), rebuilt from all the spans carrying its saga.id.
import type { SpanRecord } from "@/lib/traces";
import { readText } from "./attributes";
import { compareBigint, maxBy, nsToDate } from "./order";
import { compareSteps, sagaSpans, sagaStepOf, type SagaStepRow } from "./saga-steps";
import { inferSagaStatus, isTerminal, latestStatusEvent, sagaStatusEvents, type SagaStatus } from "./saga-status";

export type SagaRow = {
  id: string;
  name: string;
  key: string | null;
  status: SagaStatus;
  startedAt: Date;
  lastProgressAt: Date;
  endedAt: Date | null;
  currentStep: string | null;
  failedStep: string | null;
  error: string | null;
  stepCount: number;
};

export type DerivedSaga = { saga: SagaRow; steps: SagaStepRow[] };

/** The saga with this id, or null when none of the spans carries it. Steps come sorted by (start, span id). */
export function deriveSaga(sagaId: string, spans: readonly SpanRecord[]): DerivedSaga | null {
  const own = sagaSpans(sagaId, spans); // sorted by (start, span id), so "first" below is order-free
  if (own.length === 0) return null;
  const steps = own.flatMap((span) => sagaStepOf(sagaId, span) ?? []).sort(compareSteps);
  const events = sagaStatusEvents(own);
  const latest = latestStatusEvent(events);
  const status = latest?.status ?? inferSagaStatus(steps);

  // Times come from steps and status events; a saga span that is neither still dates the saga.
  const starts = [...steps.map((step) => step.startNs), ...events.map((event) => event.timeNs)];
  const progress = [...steps.map((step) => step.endNs), ...events.map((event) => event.timeNs)];
  const startedNs = earliest(starts.length > 0 ? starts : own.map((span) => span.startTimeUnixNano));
  const progressNs = latestOf(progress.length > 0 ? progress : own.map((span) => span.endTimeUnixNano));

  const current = steps.at(-1) ?? null;
  const failed = maxBy(steps.filter((step) => step.row.status === "error"), compareSteps);
  return {
    saga: {
      id: sagaId,
      // The first span (by start, span id) that names the saga; "" when none does, rather than a guess.
      name: firstText(own, "saga.name") ?? "",
      key: firstText(own, "saga.key"),
      status,
      startedAt: nsToDate(startedNs),
      // A span ending before it starts (a skewed clock) must not put progress before the start.
      lastProgressAt: nsToDate(progressNs > startedNs ? progressNs : startedNs),
      endedAt: latest !== null && isTerminal(latest.status) ? nsToDate(latest.timeNs) : null,
      currentStep: current?.row.step ?? null,
      failedStep: failed?.row.step ?? null,
      error: failed?.row.error ?? null,
      stepCount: steps.length,
    },
    steps: steps.map((step) => step.row),
  };
}

function firstText(spans: readonly SpanRecord[], key: string): string | null {
  for (const span of spans) {
    const value = readText(span.attributes, key);
    if (value !== null) return value;
  }
  return null;
}

function earliest(times: readonly bigint[]): bigint {
  return times.reduce((a, b) => (compareBigint(a, b) <= 0 ? a : b));
}

function latestOf(times: readonly bigint[]): bigint {
  return times.reduce((a, b) => (compareBigint(a, b) >= 0 ? a : b));
}
