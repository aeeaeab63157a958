// A saga's status: what its latest saga.status event says, inferred from its steps when it sent none,
// and "stuck" on top of that, computed with the caller's clock so the stored row never goes stale.
import type { SpanRecord } from "@/lib/traces";
import { readOneOf } from "./attributes";
import { compareTuple, maxBy } from "./order";
import type { SagaStep } from "./saga-steps";

export const SAGA_STATUSES = ["started", "completed", "compensating", "compensated", "failed"] as const;
export type SagaStatus = (typeof SAGA_STATUSES)[number];
export type SagaDisplayStatus = SagaStatus | "stuck";

const TERMINAL: readonly SagaStatus[] = ["completed", "compensated", "failed"];

export type SagaStatusEvent = { status: SagaStatus; timeNs: bigint; spanId: string; index: number };

/** Every well-formed saga.status event on the spans; events with an unknown status are ignored. */
export function sagaStatusEvents(spans: readonly SpanRecord[]): SagaStatusEvent[] {
  return spans.flatMap((span) =>
    span.events.flatMap((event, index) => {
      const status = event.name === "saga.status" ? readOneOf(event.attributes, "saga.status", SAGA_STATUSES) : null;
      return status === null ? [] : [{ status, timeNs: event.timeUnixNano, spanId: span.spanId, index }];
    }),
  );
}

/** The latest event by (event time, span id, event index): two events in the same instant still have one winner. */
export function latestStatusEvent(events: readonly SagaStatusEvent[]): SagaStatusEvent | null {
  return maxBy(events, (a, b) => compareTuple([a.timeNs, a.spanId, a.index], [b.timeNs, b.spanId, b.index]));
}

/**
 * Without any saga.status event, steps alone cannot tell the last step from a pause, so the inferred
 * status is never terminal: "compensating" once any compensation step exists, else "started". A saga
 * that really ended without saying so then shows as stuck, which is the gap the operator should see.
 */
export function inferSagaStatus(steps: readonly SagaStep[]): SagaStatus {
  return steps.some((step) => step.row.kind === "compensation") ? "compensating" : "started";
}

export function isTerminal(status: SagaStatus): boolean {
  return TERMINAL.includes(status);
}

/** "stuck" when a running saga (started or compensating) has made no progress for longer than the threshold. */
export function sagaDisplayStatus(
  saga: { status: SagaStatus; lastProgressAt: Date },
  now: Date,
  stuckThresholdMs: number,
): SagaDisplayStatus {
  const running = saga.status === "started" || saga.status === "compensating";
  return running && now.getTime() - saga.lastProgressAt.getTime() > stuckThresholdMs ? "stuck" : saga.status;
}
