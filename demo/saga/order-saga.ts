// The order-fulfillment saga as a pure state machine: reserve inventory → charge payment → create shipment
// → complete. A step that fails triggers the compensations of the steps before it, in reverse order
// (refund payment, then release inventory). The order service applies it to each reply it receives.
import type { Command, Reply } from "../messages";

export type SagaState = "reserving" | "charging" | "shipping" | "refunding" | "releasing" | "completed" | "compensated" | "failed";
/** The saga.status values Flowdeck reads. */
export type SagaStatus = "started" | "completed" | "compensating" | "compensated" | "failed";
export type OrderStatus = "pending" | "confirmed" | "cancelled" | "rejected";

export type SagaOrder = { orderId: string; sagaId: string; sku: string; quantity: number; amountCents: number; card: string; address: string };

export type Transition = {
  state: SagaState;
  orderStatus: OrderStatus;
  /** Set when the saga's status changes: recorded as a saga.status event. */
  status?: SagaStatus;
  /** The next command to send, through the outbox. */
  command?: Command;
  /** The order service's own step, when the reply completes the saga. */
  step?: string;
};

const TERMINAL: ReadonlySet<SagaState> = new Set(["completed", "compensated", "failed"]);

export function isTerminal(state: SagaState): boolean {
  return TERMINAL.has(state);
}

/** The first command of a new saga. */
export function startSaga(order: SagaOrder): Transition {
  return {
    state: "reserving",
    orderStatus: "pending",
    status: "started",
    command: { type: "inventory.reserve", orderId: order.orderId, sagaId: order.sagaId, sku: order.sku, quantity: order.quantity },
  };
}

/**
 * Where the saga goes on `reply`, or null when the reply does not fit the current state (a late or repeated
 * reply): it is ignored, so replays never move a saga backwards.
 */
export function onReply(state: SagaState, reply: Reply, order: SagaOrder): Transition | null {
  const ref = { orderId: order.orderId, sagaId: order.sagaId };
  switch (`${state}:${reply.type}`) {
    case "reserving:inventory.reserved":
      return { state: "charging", orderStatus: "pending", command: { type: "payment.charge", ...ref, amountCents: order.amountCents, card: order.card } };
    case "reserving:inventory.rejected":
      // Nothing was done yet, so there is nothing to compensate: the saga fails and the order is rejected.
      return { state: "failed", orderStatus: "rejected", status: "failed" };
    case "charging:payment.charged":
      return { state: "shipping", orderStatus: "pending", command: { type: "shipping.create", ...ref, address: order.address } };
    case "charging:payment.declined":
      return { state: "releasing", orderStatus: "pending", status: "compensating", command: { type: "inventory.release", ...ref } };
    case "shipping:shipment.created":
      return { state: "completed", orderStatus: "confirmed", status: "completed", step: "complete-order" };
    case "shipping:shipment.failed":
      return { state: "refunding", orderStatus: "pending", status: "compensating", command: { type: "payment.refund", ...ref } };
    case "refunding:payment.refunded":
      return { state: "releasing", orderStatus: "pending", command: { type: "inventory.release", ...ref } };
    case "releasing:inventory.released":
      return { state: "compensated", orderStatus: "cancelled", status: "compensated" };
    default:
      return null;
  }
}
