// Payment: charges the order's card through the gateway (behind the circuit breaker), and refunds it when
// the saga compensates. The gateway call happens before the local transaction; a crash in between is safe
// because the redelivered command derives the same idempotency key (from the saga), so the card is charged once.
import { SpanStatusCode } from "@opentelemetry/api";
import { inTransaction } from "../../db/pool";
import { markProcessed } from "../../db/processed-events";
import type { Delivery } from "../../kafka/run-consumer";
import { Command, parseMessage, type CommandOf } from "../../messages";
import { enqueue } from "../../outbox/enqueue";
import { sagaAttributes } from "../../telemetry/messaging-attributes";
import { exitOnStartFailure, maybeCrash, startRuntime, type Runtime } from "../runtime";
import { PaymentGateway } from "./gateway";
import { GatewayBreaker } from "./gateway-breaker";

type Payment = { runtime: Runtime; gateway: PaymentGateway; breaker: GatewayBreaker };

async function handle(payment: Payment, delivery: Delivery): Promise<void> {
  const command = parseMessage(Command, delivery.value);
  if (command.type === "payment.charge") return charge(payment, delivery, command);
  if (command.type === "payment.refund") return refund(payment, delivery, command);
  throw new Error(`payment does not handle ${command.type}`);
}

async function alreadyProcessed(payment: Payment, eventId: string): Promise<boolean> {
  const { rowCount } = await payment.runtime.pool.query("SELECT 1 FROM processed_events WHERE consumer = 'payment' AND event_id = $1", [eventId]);
  return rowCount === 1;
}

async function charge({ runtime, gateway, breaker }: Payment, delivery: Delivery, command: CommandOf<"payment.charge">): Promise<void> {
  delivery.span.setAttributes(sagaAttributes(command, { name: "charge-payment", kind: "action" }));
  if (await alreadyProcessed({ runtime, gateway, breaker }, delivery.eventId)) return;
  const result = await breaker.fire("charge", () => gateway.charge(`charge:${command.sagaId}`, command.orderId, command.amountCents, command.card), { "payment.order_id": command.orderId });
  maybeCrash(runtime.knobs()["payment.crashRate"], "after charging the card, before recording it");
  const ref = { orderId: command.orderId, sagaId: command.sagaId };
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "payment", delivery.eventId))) return;
    if (result.outcome === "charged") {
      await client.query("INSERT INTO payments (order_id, charge_id, amount_cents, status) VALUES ($1, $2, $3, 'charged') ON CONFLICT (order_id) DO NOTHING",
        [command.orderId, result.chargeId, command.amountCents]);
      await enqueue(client, "payment", { topic: runtime.topics.replies, key: command.orderId, value: { type: "payment.charged", ...ref, chargeId: result.chargeId } });
    } else {
      delivery.span.setStatus({ code: SpanStatusCode.ERROR, message: result.reason });
      await enqueue(client, "payment", { topic: runtime.topics.replies, key: command.orderId, value: { type: "payment.declined", ...ref, reason: result.reason } });
    }
  });
}

async function refund({ runtime, gateway, breaker }: Payment, delivery: Delivery, command: CommandOf<"payment.refund">): Promise<void> {
  delivery.span.setAttributes(sagaAttributes(command, { name: "refund-payment", kind: "compensation" }));
  if (await alreadyProcessed({ runtime, gateway, breaker }, delivery.eventId)) return;
  const { rows } = await runtime.pool.query<{ amount_cents: string }>("SELECT amount_cents::text FROM payments WHERE order_id = $1", [command.orderId]);
  const amount = rows[0] ? Number(rows[0].amount_cents) : 0;
  // Nothing was charged (the charge never landed): there is nothing to give back, but the saga still hears back.
  if (amount > 0) await breaker.fire("refund", () => gateway.refund(`refund:${command.sagaId}`, command.orderId, amount), { "payment.order_id": command.orderId });
  maybeCrash(runtime.knobs()["payment.crashRate"], "after refunding, before recording it");
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "payment", delivery.eventId))) return;
    await client.query("UPDATE payments SET status = 'refunded', updated_at = now() WHERE order_id = $1", [command.orderId]);
    await enqueue(client, "payment", { topic: runtime.topics.replies, key: command.orderId, value: { type: "payment.refunded", orderId: command.orderId, sagaId: command.sagaId } });
  });
}

async function main(): Promise<void> {
  const runtime = await startRuntime("payment");
  const breaker = new GatewayBreaker(runtime.timings);
  runtime.onStop(async () => breaker.shutdown());
  const payment: Payment = { runtime, gateway: new PaymentGateway(runtime.pool, runtime.knobs), breaker };
  await runtime.consume(runtime.topics.payment, (delivery) => handle(payment, delivery));
  console.log("payment: consuming", runtime.topics.payment);
}

main().catch((error: unknown) => exitOnStartFailure("payment", error));
