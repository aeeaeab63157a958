// Shipping: books a shipment with the carrier (behind a bulkhead) for a paid order.
import { SpanStatusCode } from "@opentelemetry/api";
import { inTransaction } from "../../db/pool";
import { markProcessed } from "../../db/processed-events";
import type { Delivery } from "../../kafka/run-consumer";
import { Command, parseMessage } from "../../messages";
import { enqueue } from "../../outbox/enqueue";
import { sagaAttributes } from "../../telemetry/messaging-attributes";
import { exitOnStartFailure, maybeCrash, startRuntime, type Runtime } from "../runtime";
import { Carrier } from "./carrier";

async function handle(runtime: Runtime, carrier: Carrier, delivery: Delivery): Promise<void> {
  const command = parseMessage(Command, delivery.value);
  if (command.type !== "shipping.create") throw new Error(`shipping does not handle ${command.type}`);
  delivery.span.setAttributes(sagaAttributes(command, { name: "create-shipment", kind: "action" }));
  const booking = await carrier.book(command.orderId, command.address);
  maybeCrash(runtime.knobs()["shipping.crashRate"], "after booking, before recording it");
  const ref = { orderId: command.orderId, sagaId: command.sagaId };
  await inTransaction(runtime.pool, async (client) => {
    if (!(await markProcessed(client, "shipping", delivery.eventId))) return;
    if (booking.outcome === "booked") {
      await client.query("INSERT INTO shipments (order_id, tracking) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING", [command.orderId, booking.tracking]);
      await enqueue(client, "shipping", { topic: runtime.topics.replies, key: command.orderId, value: { type: "shipment.created", ...ref, tracking: booking.tracking } });
    } else {
      delivery.span.setStatus({ code: SpanStatusCode.ERROR, message: booking.reason });
      await enqueue(client, "shipping", { topic: runtime.topics.replies, key: command.orderId, value: { type: "shipment.failed", ...ref, reason: booking.reason } });
    }
  });
}

async function main(): Promise<void> {
  const runtime = await startRuntime("shipping");
  const carrier = new Carrier(runtime.timings.carrierBulkheadLimit, () => runtime.knobs()["shipping.carrierLatencyMs"]);
  await runtime.consume(runtime.topics.shipping, (delivery) => handle(runtime, carrier, delivery));
  console.log("shipping: consuming", runtime.topics.shipping);
}

main().catch((error: unknown) => exitOnStartFailure("shipping", error));
