import { describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/traces";
import { deriveSaga } from "./saga";
import { at, dateAt, event, hexId, span } from "./testing/span-builder";

const SAGA = "saga-1";
const base = { "saga.id": SAGA, "saga.name": "order-fulfillment", "saga.key": "order-42" };

function step(id: number, name: string, startMs: number, endMs: number, extra: Partial<SpanRecord> = {}): SpanRecord {
  const { attributes, ...rest } = extra;
  return span({
    spanId: hexId(id),
    startTimeUnixNano: at(startMs),
    endTimeUnixNano: at(endMs),
    statusCode: 1,
    attributes: { ...base, "saga.step": name, "saga.step.kind": "action", ...attributes },
    ...rest,
  });
}

const status = (value: string, ms: number) => event("saga.status", at(ms), { "saga.status": value });

describe("deriveSaga", () => {
  it("projects a completed saga and its steps", () => {
    const spans = [
      step(1, "reserve-inventory", 0, 10, { events: [status("started", 0)] }),
      step(2, "charge-payment", 12, 30, { serviceName: "payments" }),
      step(3, "ship-order", 31, 40, { serviceName: "shipping", events: [status("completed", 40)] }),
    ];
    const result = deriveSaga(SAGA, spans);
    expect(result?.saga).toEqual({
      id: SAGA, name: "order-fulfillment", key: "order-42", status: "completed",
      startedAt: dateAt(0), lastProgressAt: dateAt(40),
      endedAt: dateAt(40), currentStep: "ship-order", failedStep: null, error: null, stepCount: 3,
    });
    expect(result?.steps.map((s) => [s.step, s.kind, s.service, s.status, s.attempt])).toEqual([
      ["reserve-inventory", "action", "orders", "ok", 1],
      ["charge-payment", "action", "payments", "ok", 1],
      ["ship-order", "action", "shipping", "ok", 1],
    ]);
    expect(result?.steps[1]).toMatchObject({ sagaId: SAGA, spanId: hexId(2), traceId: hexId(1, 32), error: null });
  });

  it("projects a failed charge compensated in reverse order", () => {
    const spans = [
      step(1, "create-order", 0, 5, { events: [status("started", 0)] }),
      step(2, "reserve-inventory", 6, 10, { serviceName: "inventory" }),
      step(3, "charge-payment", 11, 20, {
        serviceName: "payments", statusCode: 2, attributes: { "retry.attempt": "2" },
        events: [event("exception", at(19), { "exception.message": "card declined" }), status("compensating", 20)],
      }),
      step(4, "release-inventory", 21, 25, { serviceName: "inventory", attributes: { "saga.step.kind": "compensation" } }),
      step(5, "cancel-order", 26, 30, { attributes: { "saga.step.kind": "compensation" }, events: [status("compensated", 30)] }),
    ];
    const saga = deriveSaga(SAGA, spans.reverse());
    expect(saga?.saga).toMatchObject({
      status: "compensated", currentStep: "cancel-order", failedStep: "charge-payment", error: "card declined", stepCount: 5,
      endedAt: dateAt(30),
    });
    expect(saga?.steps.map((s) => `${s.kind}:${s.step}`)).toEqual([
      "action:create-order", "action:reserve-inventory", "action:charge-payment",
      "compensation:release-inventory", "compensation:cancel-order",
    ]);
    expect(saga?.steps[2]).toMatchObject({ status: "error", error: "card declined", attempt: 2, service: "payments" });
  });

  it("returns null when no span carries the saga id", () => {
    expect(deriveSaga(SAGA, [span({ spanId: hexId(1), attributes: { "saga.id": "other" } })])).toBeNull();
  });

  it("infers a non-terminal status when the saga sent no status event", () => {
    const actions = [step(1, "a", 0, 1), step(2, "b", 2, 3, { statusCode: 2, statusMessage: "boom" })];
    expect(deriveSaga(SAGA, actions)?.saga).toMatchObject({ status: "started", endedAt: null, failedStep: "b", error: "boom" });
    const withCompensation = [...actions, step(3, "undo-a", 4, 5, { attributes: { "saga.step.kind": "compensation" } })];
    expect(deriveSaga(SAGA, withCompensation)?.saga.status).toBe("compensating");
  });

  it("breaks a same-instant status tie by span id, whatever the order", () => {
    const a = step(0xa, "x", 0, 10, { events: [status("compensating", 10)] });
    const b = step(0xb, "y", 0, 10, { events: [status("failed", 10)] });
    expect(deriveSaga(SAGA, [a, b])?.saga.status).toBe("failed");
    expect(deriveSaga(SAGA, [b, a])?.saga.status).toBe("failed");
  });

  it("lets the later status event win over a terminal one and ignores unknown statuses", () => {
    const spans = [step(1, "a", 0, 5, { events: [status("completed", 5), status("compensating", 6), status("paused", 9)] })];
    expect(deriveSaga(SAGA, spans)?.saga).toMatchObject({ status: "compensating", endedAt: null });
    expect(deriveSaga(SAGA, spans)?.saga.lastProgressAt).toEqual(dateAt(6));
  });

  it("reads attempts and errors tolerantly", () => {
    const spans = [
      step(1, "a", 0, 1, { attributes: { "retry.attempt": 3 } }),
      step(2, "a", 2, 3, { attributes: { "retry.attempt": "x" }, statusCode: 2, statusMessage: "",
        events: [event("exception", at(3), { "exception.message": "late" }), event("exception", at(2), { "exception.message": "early" })] }),
    ];
    expect(deriveSaga(SAGA, spans)?.steps.map((s) => [s.attempt, s.error])).toEqual([[3, null], [1, "early"]]);
  });

  it("keeps one step per span id and dates a saga that has no steps from its spans", () => {
    const one = step(1, "a", 0, 1);
    expect(deriveSaga(SAGA, [one, { ...one }])?.saga.stepCount).toBe(1);
    const bare = span({ spanId: hexId(9), startTimeUnixNano: at(3), endTimeUnixNano: at(7), attributes: { "saga.id": SAGA } });
    expect(deriveSaga(SAGA, [bare])?.saga).toMatchObject({
      name: "", key: null, status: "started", stepCount: 0, currentStep: null,
      startedAt: dateAt(3), lastProgressAt: dateAt(7),
    });
  });
});
