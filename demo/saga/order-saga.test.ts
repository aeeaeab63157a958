import { describe, expect, it } from "vitest";
import type { Reply } from "../messages";
import { onReply, startSaga, type SagaOrder, type SagaState } from "./order-saga";

const order: SagaOrder = { orderId: "o-1", sagaId: "s-1", sku: "mug", quantity: 2, amountCents: 1_798, card: "4242424242424242", address: "1 Main St" };
const ref = { orderId: "o-1", sagaId: "s-1" };

/** Feeds replies in order from a new saga; returns the states and commands along the way. */
function run(replies: Reply[]) {
  let state: SagaState = startSaga(order).state;
  const trail: { state: SagaState; command?: string; status?: string }[] = [];
  for (const reply of replies) {
    const next = onReply(state, reply, order);
    if (next === null) {
      trail.push({ state, command: "ignored" });
      continue;
    }
    state = next.state;
    trail.push({ state, command: next.command?.type, status: next.status });
  }
  return trail;
}

describe("order-fulfillment saga", () => {
  it("starts by reserving inventory and reports started", () => {
    expect(startSaga(order)).toMatchObject({ state: "reserving", status: "started", command: { type: "inventory.reserve", sku: "mug", quantity: 2 } });
  });

  it("completes through charge and shipment", () => {
    expect(run([
      { type: "inventory.reserved", ...ref },
      { type: "payment.charged", ...ref, chargeId: "ch_1" },
      { type: "shipment.created", ...ref, tracking: "T1" },
    ])).toEqual([
      { state: "charging", command: "payment.charge", status: undefined },
      { state: "shipping", command: "shipping.create", status: undefined },
      { state: "completed", command: undefined, status: "completed" },
    ]);
  });

  it("releases inventory when payment is declined", () => {
    expect(run([
      { type: "inventory.reserved", ...ref },
      { type: "payment.declined", ...ref, reason: "card declined" },
      { type: "inventory.released", ...ref },
    ]).map((step) => [step.state, step.command, step.status])).toEqual([
      ["charging", "payment.charge", undefined],
      ["releasing", "inventory.release", "compensating"],
      ["compensated", undefined, "compensated"],
    ]);
  });

  it("compensates in reverse order when shipping fails: refund, then release", () => {
    expect(run([
      { type: "inventory.reserved", ...ref },
      { type: "payment.charged", ...ref, chargeId: "ch_1" },
      { type: "shipment.failed", ...ref, reason: "undeliverable" },
      { type: "payment.refunded", ...ref },
      { type: "inventory.released", ...ref },
    ]).map((step) => step.command)).toEqual(["payment.charge", "shipping.create", "payment.refund", "inventory.release", undefined]);
  });

  it("fails without compensation when inventory is rejected", () => {
    expect(onReply("reserving", { type: "inventory.rejected", ...ref, reason: "out of stock" }, order))
      .toEqual({ state: "failed", orderStatus: "rejected", status: "failed" });
  });

  it("ignores replies that do not fit the state, so a replay never moves a saga backwards", () => {
    expect(run([
      { type: "inventory.reserved", ...ref },
      { type: "inventory.reserved", ...ref },
      { type: "payment.charged", ...ref, chargeId: "ch_1" },
      { type: "payment.declined", ...ref, reason: "late" },
    ]).map((step) => [step.state, step.command])).toEqual([
      ["charging", "payment.charge"],
      ["charging", "ignored"],
      ["shipping", "shipping.create"],
      ["shipping", "ignored"],
    ]);
    for (const terminal of ["completed", "compensated", "failed"] as const) {
      expect(onReply(terminal, { type: "shipment.created", ...ref, tracking: "T" }, order)).toBeNull();
    }
  });
});
