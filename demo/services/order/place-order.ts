// Placing an order: the order row and the saga's first command are written in one transaction (the
// outbox), so an order is never stored without its saga starting, nor a command sent for an order that
// was not stored. The request's span opens the saga with a saga.status=started event.
import { randomUUID } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import { z } from "zod";
import { CATALOG, priceOf } from "../../catalog";
import { inTransaction } from "../../db/pool";
import { enqueue } from "../../outbox/enqueue";
import { startSaga, type SagaOrder } from "../../saga/order-saga";
import { sagaAttributes } from "../../telemetry/messaging-attributes";
import { tracer } from "../../telemetry/tracing";
import type { Runtime } from "../runtime";
import { commandTopic } from "./command-topic";

export const OrderRequest = z.object({
  sku: z.string().refine((sku) => priceOf(sku) !== undefined, { error: `unknown sku; one of ${CATALOG.map((item) => item.sku).join(", ")}` }),
  quantity: z.number().int().min(1).max(100),
  card: z.string().regex(/^\d{12,19}$/, "a card number of 12 to 19 digits"),
  address: z.string().min(1).max(200),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

export async function placeOrder(runtime: Runtime, request: OrderRequest): Promise<SagaOrder> {
  const order: SagaOrder = {
    orderId: `ord_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
    sagaId: randomUUID(),
    ...request,
    amountCents: (priceOf(request.sku) ?? 0) * request.quantity,
  };
  return tracer().startActiveSpan("POST /orders", { kind: SpanKind.SERVER, attributes: { ...sagaAttributes(order), "http.request.method": "POST", "http.route": "/orders" } }, async (span) => {
    try {
      const start = startSaga(order);
      await inTransaction(runtime.pool, async (client) => {
        await client.query(
          `INSERT INTO orders (id, saga_id, sku, quantity, amount_cents, card, address, saga_state, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [order.orderId, order.sagaId, order.sku, order.quantity, order.amountCents, order.card, order.address, start.state, start.orderStatus]);
        if (start.command) await enqueue(client, "order", { topic: commandTopic(runtime.topics, start.command), key: order.orderId, value: start.command });
      });
      span.addEvent("saga.status", { "saga.status": "started" });
      return order;
    } finally {
      span.end();
    }
  });
}
