// The step rows of one saga: one per span that carries saga.step (table saga_steps, keyed by saga and span id).
import type { SpanRecord } from "@/lib/traces";
import { readInteger, readText } from "./attributes";
import { compareTuple, nsToDate } from "./order";

export type SagaStepKind = "action" | "compensation";
export type SagaStepStatus = "ok" | "error" | "unset";

export type SagaStepRow = {
  sagaId: string;
  spanId: string;
  traceId: string;
  step: string;
  kind: SagaStepKind;
  service: string;
  status: SagaStepStatus;
  startedAt: Date;
  endedAt: Date;
  error: string | null;
  attempt: number;
};

/** A step row with the exact nanosecond times the saga's own fields are computed from. */
export type SagaStep = { row: SagaStepRow; startNs: bigint; endNs: bigint };

const STEP_STATUS: Record<SpanRecord["statusCode"], SagaStepStatus> = { 0: "unset", 1: "ok", 2: "error" };

/** The saga's spans, one per span id (saga_steps is keyed by span id), picked by a fixed order, sorted. */
export function sagaSpans(sagaId: string, spans: readonly SpanRecord[]): SpanRecord[] {
  const sorted = spans
    .filter((span) => readText(span.attributes, "saga.id") === sagaId)
    .sort((a, b) => compareTuple([a.startTimeUnixNano, a.spanId, a.traceId, a.endTimeUnixNano], [b.startTimeUnixNano, b.spanId, b.traceId, b.endTimeUnixNano]));
  const seen = new Set<string>();
  return sorted.filter((span) => (seen.has(span.spanId) ? false : (seen.add(span.spanId), true)));
}

/** The step a span records, or null when it carries no saga.step. */
export function sagaStepOf(sagaId: string, span: SpanRecord): SagaStep | null {
  const step = readText(span.attributes, "saga.step");
  if (step === null) return null;
  const attempt = readInteger(span.attributes, "retry.attempt");
  return {
    startNs: span.startTimeUnixNano,
    endNs: span.endTimeUnixNano,
    row: {
      sagaId,
      spanId: span.spanId,
      traceId: span.traceId,
      step,
      // Compensations are marked explicitly by the convention; an unmarked or unknown kind is an action.
      kind: span.attributes["saga.step.kind"] === "compensation" ? "compensation" : "action",
      service: span.serviceName,
      status: STEP_STATUS[span.statusCode],
      startedAt: nsToDate(span.startTimeUnixNano),
      endedAt: nsToDate(span.endTimeUnixNano),
      error: stepError(span),
      attempt: attempt !== null && attempt >= 1 ? attempt : 1,
    },
  };
}

/** The status message, else the message of the span's earliest exception event (by time, then position). */
function stepError(span: SpanRecord): string | null {
  if (span.statusMessage !== null && span.statusMessage !== "") return span.statusMessage;
  let first: { time: bigint; index: number; message: string } | null = null;
  for (const [index, event] of span.events.entries()) {
    const message = event.name === "exception" ? readText(event.attributes, "exception.message") : null;
    if (message === null) continue;
    if (first === null || compareTuple([event.timeUnixNano, index], [first.time, first.index]) < 0) first = { time: event.timeUnixNano, index, message };
  }
  return first?.message ?? null;
}

/** Orders steps by start, then span id: "latest step" means the last in this order. */
export function compareSteps(a: SagaStep, b: SagaStep): number {
  return compareTuple([a.startNs, a.row.spanId], [b.startNs, b.row.spanId]);
}
