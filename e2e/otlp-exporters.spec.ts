import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { SpanKind, SpanStatusCode, context as otelContext, trace } from "@opentelemetry/api";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, E2E_PORT } from "./env";
import { bearer, mintIngestToken } from "./fixtures/ingest-token";

const endpoint = `http://127.0.0.1:${E2E_PORT}/api/otlp/v1/traces`;
let headers: Record<string, string> = {};

test.beforeAll(async () => {
  headers = bearer(await mintIngestToken(E2E_DATABASE_URL, "e2e-exporters"));
});

/** Spans a payment service would record: a consumer span with messaging and saga attributes, and a child. */
function recordSpans(service: string): { spans: ReadableSpan[]; traceId: string } {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer("flowdeck-e2e");
  const parent = tracer.startSpan("orders process", {
    kind: SpanKind.CONSUMER,
    attributes: {
      "messaging.system": "kafka", "messaging.operation.type": "process", "messaging.destination.name": "orders",
      "messaging.consumer.group.name": "payment", "messaging.kafka.offset": 42, "saga.id": `saga-${service}`,
      "saga.step": "charge-payment", "retry.attempt": 1, "tags": ["a", "b"], "ratio": 0.5, "ok": true,
    },
  });
  parent.addEvent("saga.status", { "saga.status": "started" });
  parent.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  const context = parent.spanContext();
  const child = tracer.startSpan("gateway charge", { kind: SpanKind.CLIENT, links: [{ context }] }, trace.setSpan(otelContext.active(), parent));
  child.end();
  parent.end();
  return { spans: memory.getFinishedSpans(), traceId: context.traceId };
}

function exportWith(exporter: SpanExporter, spans: ReadableSpan[]): Promise<{ code: number; error?: Error }> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

for (const [name, makeExporter] of [
  ["exporter-trace-otlp-proto (protobuf)", () => new ProtobufExporter({ url: endpoint, headers })],
  ["exporter-trace-otlp-http (JSON)", () => new HttpJsonExporter({ url: endpoint, headers })],
  ["exporter-trace-otlp-proto with gzip", () => new ProtobufExporter({ url: endpoint, headers, compression: CompressionAlgorithm.GZIP })],
] as const) {
  test(`the OpenTelemetry SDK's ${name} exports to Flowdeck unchanged`, async () => {
    const service = `e2e-${name.split(" ")[0]}-${Date.now()}`;
    const { spans, traceId } = recordSpans(service);
    const exporter = makeExporter();
    const result = await exportWith(exporter, spans);
    await exporter.shutdown();
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(0); // ExportResultCode.SUCCESS

    const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; kind: number; status_code: number; status_message: string | null; attrs: Record<string, unknown>; events: unknown; links: unknown; saga_id: string | null; messaging_offset: string | null }>(
        `SELECT name, kind, status_code, status_message, attrs, events, links, saga_id, messaging_offset::text
         FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY name`, [traceId]);
      expect(rows.map((r) => r.name)).toEqual(["gateway charge", "orders process"]);
      const consumer = rows[1];
      expect(consumer).toMatchObject({ kind: 5, status_code: 2, status_message: "card declined", saga_id: `saga-${service}`, messaging_offset: "42" });
      expect(consumer?.attrs).toMatchObject({ "messaging.destination.name": "orders", tags: ["a", "b"], ratio: 0.5, ok: true, "retry.attempt": 1 });
      expect(consumer?.events).toMatchObject([{ name: "saga.status", attributes: { "saga.status": "started" } }]);
      expect(rows[0]?.links).toMatchObject([{ traceId }]);
    } finally {
      await db.end();
    }
  });
}

async function storedSpans(traceId: string): Promise<number> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
    return rows[0]?.n ?? 0;
  } finally {
    await db.end();
  }
}

test("an exporter without an ingest token is refused with 401 and nothing is stored", async () => {
  const { spans, traceId } = recordSpans(`e2e-no-token-${Date.now()}`);
  for (const exporter of [new ProtobufExporter({ url: endpoint }), new ProtobufExporter({ url: endpoint, headers: bearer("fdi_" + "A".repeat(43)) })]) {
    const result = await exportWith(exporter, spans);
    await exporter.shutdown();
    expect(result.code).toBe(1); // ExportResultCode.FAILED: 401 is not retryable, so the SDK gives up at once
    expect(String(result.error)).toMatch(/401|Unauthorized/);
  }
  expect(await storedSpans(traceId)).toBe(0);
});

test("a large export without a token gets 401 with a Bearer challenge, and the next export on the server still works", async ({ request }) => {
  const unauthenticated = await request.post(endpoint, { headers: { "content-type": "application/x-protobuf" }, data: Buffer.alloc(7 * 1024 * 1024, 1) });
  expect(unauthenticated.status()).toBe(401);
  expect(unauthenticated.headers()["www-authenticate"]).toBe('Bearer realm="flowdeck-otlp"');
  const { spans, traceId } = recordSpans(`e2e-after-401-${Date.now()}`);
  const exporter = new HttpJsonExporter({ url: endpoint, headers });
  expect((await exportWith(exporter, spans)).code).toBe(0);
  await exporter.shutdown();
  expect(await storedSpans(traceId)).toBe(2);
});
