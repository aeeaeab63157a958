// Realistic spans for the benchmarks: an order saga's steps, Kafka producer/consumer hops with
// messaging attributes, breaker-guarded calls; 10–30 attributes each.
import { randomBytes } from "node:crypto";

type OtlpValue = { stringValue: string } | { intValue: string } | { boolValue: boolean } | { doubleValue: number };
export type OtlpAttribute = { key: string; value: OtlpValue };

const SERVICES = ["order", "payment", "inventory", "shipping"] as const;
const STEPS = ["reserve-inventory", "charge-payment", "create-shipment", "complete"] as const;
const TOPICS = ["orders", "payments", "inventory", "shipments"] as const;

const s = (key: string, v: string): OtlpAttribute => ({ key, value: { stringValue: v } });
const i = (key: string, v: number): OtlpAttribute => ({ key, value: { intValue: String(v) } });

function attributes(n: number, seq: number): OtlpAttribute[] {
  const topic = TOPICS[n % TOPICS.length] ?? "orders";
  const list: OtlpAttribute[] = [
    s("messaging.system", "kafka"), s("messaging.operation.type", n % 2 === 0 ? "send" : "process"),
    s("messaging.destination.name", topic), s("messaging.consumer.group.name", `${topic}-consumer`),
    s("messaging.message.id", `msg-${seq}`), s("messaging.kafka.message.key", `order-${seq % 5000}`),
    i("messaging.kafka.offset", seq), i("messaging.destination.partition.id", seq % 6), s("server.address", "127.0.0.1:9092"),
    s("saga.id", `saga-${Math.floor(seq / 8)}`), s("saga.name", "order-fulfillment"), s("saga.key", `order-${Math.floor(seq / 8)}`),
    s("saga.step", STEPS[n % STEPS.length] ?? "complete"), s("saga.step.kind", n % 11 === 0 ? "compensation" : "action"),
  ];
  if (n % 3 === 0) list.push(s("circuit_breaker.name", "payment-gateway"), s("circuit_breaker.outcome", n % 9 === 0 ? "failure" : "success"));
  if (n % 4 === 0) list.push(i("retry.attempt", 1 + (n % 3)), s("bulkhead.name", "carrier"), s("bulkhead.outcome", "admitted"));
  for (let k = list.length; k < 10 + (n % 21); k++) list.push(s(`app.field_${k}`, `value-${seq}-${k}`));
  return list;
}

/** One OTLP ExportTraceServiceRequest (as a plain object for protobufjs) of `count` spans. */
export function exportRequest(count: number, firstSeq: number, nowMs: number): Record<string, unknown> {
  const byService = new Map<string, Record<string, unknown>[]>();
  for (let n = 0; n < count; n++) {
    const seq = firstSeq + n;
    const service = SERVICES[n % SERVICES.length] ?? "order";
    const start = BigInt(nowMs - (n % 1000)) * 1_000_000n + BigInt(n);
    const span = {
      traceId: randomBytes(16), spanId: randomBytes(8), name: `${TOPICS[n % 4] ?? "orders"} ${n % 2 === 0 ? "send" : "process"}`,
      kind: n % 2 === 0 ? 4 : 5, startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 2_500_000n).toString(),
      attributes: attributes(n, seq), status: { code: n % 37 === 0 ? 2 : 0 },
      events: n % 5 === 0 ? [{ name: "saga.status", timeUnixNano: start.toString(), attributes: [s("saga.status", "started")] }] : [],
    };
    const list = byService.get(service) ?? [];
    list.push(span);
    byService.set(service, list);
  }
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: { attributes: [s("service.name", service), s("deployment.environment", "bench")] },
      scopeSpans: [{ scope: { name: "kafkajs" }, spans }],
    })),
  };
}
