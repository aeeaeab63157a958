// Realistic saga spans for the convergence property: actions with retries, a failing step, compensations
// in reverse order, status events (or none, to exercise inference), and instants shared across spans.
import fc from "fast-check";
import type { SpanRecord } from "@/lib/traces";
import { at, event, span } from "./span-builder";

export type NextSpanId = () => string;

type ActionPlan = { service: number; attempts: number; durationMs: number; gapMs: number; attemptAsText: boolean };
export type SagaPlan = {
  outcome: "completed" | "compensated" | "failed" | "running" | "compensating";
  actions: ActionPlan[];
  failAt: number;
  withEvents: boolean;
  startMs: number;
};

const SERVICES = ["orders", "inventory", "payments", "shipping"];
const STEPS = ["create-order", "reserve-inventory", "charge-payment", "ship-order"];

const actionPlan: fc.Arbitrary<ActionPlan> = fc.record({
  service: fc.nat({ max: 3 }),
  attempts: fc.integer({ min: 1, max: 3 }),
  durationMs: fc.nat({ max: 3 }), // small durations and gaps put many steps and events in the same instant
  gapMs: fc.nat({ max: 2 }),
  attemptAsText: fc.boolean(),
});

export const sagaPlan: fc.Arbitrary<SagaPlan> = fc.record({
  outcome: fc.constantFrom("completed", "compensated", "failed", "running", "compensating"),
  actions: fc.array(actionPlan, { minLength: 1, maxLength: 4 }),
  failAt: fc.nat({ max: 3 }),
  withEvents: fc.boolean(),
  startMs: fc.nat({ max: 4_000 }),
});

const statusEvent = (value: string, time: bigint) => event("saga.status", time, { "saga.status": value });

export function sagaScenarioSpans(plan: SagaPlan, sagaId: string, nextId: NextSpanId): SpanRecord[] {
  const spans: SpanRecord[] = [];
  const sagaAttributes = { "saga.id": sagaId, "saga.name": "order-fulfillment", "saga.key": `key-${sagaId}` };
  let t = plan.startMs;
  const addStep = (step: string, kind: string, service: string, failed: boolean, attempt: number | string, durationMs: number, gapMs: number) => {
    const added = span({
      spanId: nextId(), traceId: nextId().padStart(32, "0"), name: `${kind} ${step}`, serviceName: service, kind: 5,
      startTimeUnixNano: at(t), endTimeUnixNano: at(t + durationMs), statusCode: failed ? 2 : 1, statusMessage: failed ? `${step} failed` : null,
      attributes: {
        ...sagaAttributes, "saga.step": step, "saga.step.kind": kind, "retry.attempt": attempt,
        "messaging.system": "kafka", "messaging.destination.name": `${step}-commands`, "messaging.operation.type": "process",
        "messaging.consumer.group.name": service,
      },
    });
    spans.push(added);
    t += durationMs + gapMs;
    return added;
  };
  const orchestrator = (status: string, time: bigint) =>
    spans.push(span({ spanId: nextId(), serviceName: "orchestrator", startTimeUnixNano: time, endTimeUnixNano: time, attributes: sagaAttributes, events: [statusEvent(status, time)] }));

  const failing = ["compensated", "failed", "compensating"].includes(plan.outcome) ? plan.failAt % plan.actions.length : -1;
  const done: { step: string; service: string }[] = [];
  for (const [i, action] of plan.actions.entries()) {
    const step = STEPS[i] ?? "step";
    const service = SERVICES[action.service] ?? "orders";
    for (let attempt = 1; attempt <= action.attempts; attempt++) {
      const failed = i === failing || attempt < action.attempts;
      const added = addStep(step, "action", service, failed, action.attemptAsText ? String(attempt) : attempt, action.durationMs, action.gapMs);
      if (plan.withEvents && i === 0 && attempt === 1) added.events.push(statusEvent("started", added.startTimeUnixNano));
      if (plan.withEvents && (i === failing || (plan.outcome === "completed" && i === plan.actions.length - 1)) && attempt === action.attempts) {
        added.events.push(statusEvent(i === failing ? "compensating" : "completed", added.endTimeUnixNano));
        // "failed" comes from the orchestrator in the same instant as "compensating": a tie the span ids break.
        if (plan.outcome === "failed") orchestrator("failed", added.endTimeUnixNano);
      }
    }
    if (i === failing) break;
    done.push({ step, service });
  }
  if (failing < 0 || plan.outcome === "failed") return spans;

  // Compensations undo the completed actions in reverse order.
  for (const { step, service } of done.reverse()) addStep(`undo-${step}`, "compensation", service, false, 1, 1, 0);
  if (plan.outcome === "compensated" && plan.withEvents) orchestrator("compensated", at(t));
  return spans;
}
