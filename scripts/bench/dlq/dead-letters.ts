// DLQ messages as the reference system writes them (demo/kafka/dead-letter.ts): a keyed 1 KB JSON value,
// its business headers (event-id, traceparent, saga.id) and Flowdeck's dlq.* headers, with a skewed mix of
// error types and original topics. Deterministic per index, so the benchmark knows what any range holds.
import { randomBytes, randomUUID } from "node:crypto";
import type { Message } from "kafkajs";

export const VALUE_BYTES = 1_024;

/** Error types by share (per mille): a few dominate, as in a real incident. */
export const ERROR_TYPES = [
  { type: "TimeoutError", share: 450, message: (i: number) => `Timeout after 5000 ms calling payment-gateway POST /v2/charges for order-${i}` },
  { type: "ValidationError", share: 220, message: (i: number) => `order-${i}: field "shippingAddress.postalCode" must match /^[0-9]{5}$/` },
  { type: "EOPENBREAKER", share: 130, message: () => "Breaker is open: inventory-service reserve-stock" },
  { type: "DeserializationError", share: 80, message: (i: number) => `Unexpected token } in JSON at position ${(i % 900) + 40}` },
  { type: "ConflictError", share: 60, message: (i: number) => `duplicate key value violates unique constraint "payments_order_id_key" (order-${i})` },
  { type: "TypeError", share: 40, message: () => "Cannot read properties of undefined (reading 'lineItems')" },
  { type: "Error", share: 20, message: (i: number) => `shipment label service answered 503 for order-${i}` },
] as const;

/** The type a filter benchmark looks for: neither the most common nor a rare one. */
export const FILTER_ERROR_TYPE = "DeserializationError";

/** Original topics (suffixes of the run's prefix), their consumer groups and shares (per mille). */
export const ORIGINALS = [
  { suffix: "orders", group: "order-service", share: 500 },
  { suffix: "payments", group: "payment-service", share: 300 },
  { suffix: "shipments", group: "shipping-service", share: 200 },
] as const;

export type FillPlan = { prefix: string; topic: string; count: number; partitions: number; startMs: number; spanMs: number };

/** Message i's timestamp: spread evenly over the plan's span, strictly increasing, so time ranges select index ranges. */
export function messageTime(plan: FillPlan, i: number): number {
  return plan.startMs + Math.floor((i * plan.spanMs) / plan.count);
}

/** Where message i lands: round robin, so partition p holds messages p, p + n, p + 2n, … in order. */
export function messagePartition(plan: FillPlan, i: number): number {
  return i % plan.partitions;
}

// A multiplicative hash spreads the shares over the indexes instead of in long runs.
function bucket(i: number, salt: number): number {
  return (Math.imul(i + salt, 2654435761) >>> 0) % 1000;
}

function byShare<T extends { share: number }>(choices: readonly T[], at: number): T {
  let sum = 0;
  for (const choice of choices) {
    sum += choice.share;
    if (at < sum) return choice;
  }
  return choices[choices.length - 1] as T;
}

const FILLERS = Array.from({ length: 64 }, () => randomBytes(768).toString("base64"));

function stack(type: string, service: string): string {
  return [
    `${type}: processing failed`,
    `    at ${service}.handle (/app/dist/${service}/handler.js:118:23)`,
    "    at async withRetry (/app/dist/lib/retry.js:42:18)",
    "    at async CircuitBreaker.fire (/app/node_modules/opossum/lib/circuit.js:684:19)",
    "    at async Runner.processEachMessage (/app/node_modules/kafkajs/src/consumer/runner.js:231:9)",
    "    at async onBatch (/app/node_modules/kafkajs/src/consumer/runner.js:447:9)",
    "    at async /app/node_modules/kafkajs/src/consumer/runner.js:405:15",
  ].join("\n");
}

function value(i: number): Buffer {
  const head = `{"orderId":"order-${i}","customerId":"cust-${i % 50_000}","amount":${(i % 9_973) + 0.99},"currency":"EUR",`
    + `"items":[{"sku":"SKU-${i % 701}","qty":${(i % 4) + 1}},{"sku":"SKU-${(i * 7) % 701}","qty":1}],"note":"`;
  const tail = "\"}";
  const filler = (FILLERS[i % FILLERS.length] ?? "").slice(0, VALUE_BYTES - head.length - tail.length);
  return Buffer.from(head + filler + tail);
}

export function deadLetter(plan: FillPlan, i: number): Message {
  const error = byShare(ERROR_TYPES, bucket(i, 0));
  const original = byShare(ORIGINALS, bucket(i, 7_919));
  const ids = randomBytes(24).toString("hex");
  const failedAt = messageTime(plan, i) - 40 - (i % 500);
  const headers: Record<string, string> = {
    "event-id": randomUUID(),
    traceparent: `00-${ids.slice(0, 32)}-${ids.slice(32)}-01`,
  };
  if (bucket(i, 104_729) < 700) headers["saga.id"] = `saga-${ids.slice(8, 24)}`;
  Object.assign(headers, {
    "dlq.original.topic": `${plan.prefix}.${original.suffix}`,
    "dlq.original.partition": String(i % 12),
    "dlq.original.offset": String(1_000_000 + i * 3),
    "dlq.consumer.group": original.group,
    "dlq.error.type": error.type,
    "dlq.error.message": error.message(i),
    "dlq.error.stack": stack(error.type, original.group),
    "dlq.failed.at": new Date(failedAt).toISOString(),
    "dlq.attempts": String((i % 5) + 1),
  });
  return { key: `order-${i}`, value: value(i), headers, partition: messagePartition(plan, i), timestamp: String(messageTime(plan, i)) };
}

/** Per partition, the end offset of messages [0, end): what a consumer must read to see exactly those. */
export function partitionEnds(plan: FillPlan, end: number): Map<number, bigint> {
  return new Map(Array.from({ length: plan.partitions }, (_, p) => [p, BigInt(end > p ? Math.floor((end - 1 - p) / plan.partitions) + 1 : 0)]));
}
