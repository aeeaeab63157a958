// The saga orchestrator: applies each participant's reply to the order's saga, in one transaction with
// the next command (outbox) and the dedupe record, so a redelivered reply changes nothing.
import { PoisonMessageError, Reply, parseMessage, type Command } from "../../messages";
import { inTransaction } from "../../db/pool";
import { markProcessed } from "../../db/processed-events";
import type { Delivery } from "../../kafka/run-consumer";
import { enqueue } from "../../outbox/enqueue";
import { onReply, type SagaOrder, type SagaState } from "../../saga/order-saga";
import { sagaAttributes } from "../../telemetry/messaging-attributes";
import { maybeCrash, type Runtime } from "../runtime";
import { commandTopic } from "./command-topic";

type OrderRow = { id: string; saga_id: string; sku: string; quantity: number; amount_cents: string; card: string; address: string; saga_state: SagaState };

export async function handleReply(runtime: Runtime, delivery: Delivery): Promise<void> {
  const reply = parseMessage(Reply, delivery.value);
  delivery.span.setAttributes(sagaAttributes(reply));
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "order", delivery.eventId))) return;
    const { rows } = await client.query<OrderRow>("SELECT * FROM orders WHERE id = $1 FOR UPDATE", [reply.orderId]);
    const row = rows[0];
    if (!row || row.saga_id !== reply.sagaId) throw new PoisonMessageError(`reply for unknown order ${reply.orderId} / saga ${reply.sagaId}`);
    const order: SagaOrder = {
      orderId: row.id, sagaId: row.saga_id, sku: row.sku, quantity: row.quantity, amountCents: Number(row.amount_cents), card: row.card, address: row.address,
    };
    const next = onReply(row.saga_state, reply, order);
    if (next === null) {
      delivery.span.addEvent("saga.reply_ignored", { "saga.state": row.saga_state, "reply.type": reply.type });
      return;
    }
    await client.query("UPDATE orders SET saga_state = $2, status = $3, updated_at = now() WHERE id = $1", [order.orderId, next.state, next.orderStatus]);
    if (next.step) delivery.span.setAttributes(sagaAttributes(order, { name: next.step, kind: "action" }));
    if (next.status) delivery.span.addEvent("saga.status", { "saga.status": next.status });
    if (next.command) {
      await enqueue(client, "order", { topic: commandTopic(runtime.topics, next.command), key: order.orderId, value: maybePoisoned(runtime, next.command) });
    }
    maybeCrash(runtime.knobs()["order.crashRate"], "after advancing the saga, before commit");
  });
}

/** The poison knob: a share of charge commands is written the way a buggy producer would (amount as text). */
function maybePoisoned(runtime: Runtime, command: Command): Command | string {
  if (command.type !== "payment.charge" || Math.random() >= runtime.knobs()["order.poisonRate"]) return command;
  return JSON.stringify({ ...command, amountCents: `${(command.amountCents / 100).toFixed(2)} EUR` });
}
