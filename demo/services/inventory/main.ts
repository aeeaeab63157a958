// Inventory: reserves stock for an order, and releases it again when the saga compensates.
import { SpanStatusCode } from "@opentelemetry/api";
import { inTransaction } from "../../db/pool";
import { markProcessed } from "../../db/processed-events";
import { Command, parseMessage, type CommandOf } from "../../messages";
import { enqueue } from "../../outbox/enqueue";
import { sagaAttributes } from "../../telemetry/messaging-attributes";
import { exitOnStartFailure, maybeCrash, startRuntime, type Runtime } from "../runtime";
import type { Delivery } from "../../kafka/run-consumer";

async function handle(runtime: Runtime, delivery: Delivery): Promise<void> {
  const command = parseMessage(Command, delivery.value);
  if (command.type === "inventory.reserve") return reserve(runtime, delivery, command);
  if (command.type === "inventory.release") return release(runtime, delivery, command);
  throw new Error(`inventory does not handle ${command.type}`);
}

async function reserve(runtime: Runtime, delivery: Delivery, command: CommandOf<"inventory.reserve">): Promise<void> {
  delivery.span.setAttributes(sagaAttributes(command, { name: "reserve-inventory", kind: "action" }));
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "inventory", delivery.eventId))) return;
    const taken = await client.query(
      "UPDATE inventory_stock SET available = available - $2 WHERE sku = $1 AND available >= $2", [command.sku, command.quantity]);
    const reserved = taken.rowCount === 1;
    if (reserved) {
      await client.query("INSERT INTO inventory_reservations (order_id, sku, quantity, status) VALUES ($1, $2, $3, 'reserved')",
        [command.orderId, command.sku, command.quantity]);
    } else {
      delivery.span.setStatus({ code: SpanStatusCode.ERROR, message: `out of stock: ${command.sku}` });
    }
    maybeCrash(runtime.knobs()["inventory.crashRate"], "after reserving, before commit");
    const ref = { orderId: command.orderId, sagaId: command.sagaId };
    await enqueue(client, "inventory", {
      topic: runtime.topics.replies, key: command.orderId,
      value: reserved ? { type: "inventory.reserved", ...ref } : { type: "inventory.rejected", ...ref, reason: `out of stock: ${command.sku}` },
    });
  });
}

async function release(runtime: Runtime, delivery: Delivery, command: CommandOf<"inventory.release">): Promise<void> {
  delivery.span.setAttributes(sagaAttributes(command, { name: "release-inventory", kind: "compensation" }));
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "inventory", delivery.eventId))) return;
    // Releasing twice (or a reservation that never happened) changes nothing: compensations must be idempotent too.
    const released = await client.query<{ sku: string; quantity: number }>(
      "UPDATE inventory_reservations SET status = 'released', updated_at = now() WHERE order_id = $1 AND status = 'reserved' RETURNING sku, quantity",
      [command.orderId]);
    for (const row of released.rows) {
      await client.query("UPDATE inventory_stock SET available = available + $2 WHERE sku = $1", [row.sku, row.quantity]);
    }
    maybeCrash(runtime.knobs()["inventory.crashRate"], "after releasing, before commit");
    await enqueue(client, "inventory", { topic: runtime.topics.replies, key: command.orderId, value: { type: "inventory.released", orderId: command.orderId, sagaId: command.sagaId } });
  });
}

async function main(): Promise<void> {
  const runtime = await startRuntime("inventory");
  await runtime.consume(runtime.topics.inventory, (delivery) => handle(runtime, delivery));
  console.log("inventory: consuming", runtime.topics.inventory);
}

main().catch((error: unknown) => exitOnStartFailure("inventory", error));
