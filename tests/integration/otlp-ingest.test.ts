import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/otlp/v1/traces/route";
import { disconnectDb } from "@/lib/db";
import { createIngestToken } from "@/lib/ingest-tokens";
import { ExportTraceServiceRequest, ExportTraceServiceResponse, RpcStatus } from "@/lib/ingest/otlp/schema";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

// Every export here carries a live ingest token; tests/integration/otlp-ingest-tokens.test.ts covers refusals.
let authorization = "";
beforeAll(async () => {
  authorization = `Bearer ${(await createIngestToken(`it-otlp-ingest-${hex(4)}`, "it:otlp-ingest")).token}`;
});

const nowNs = () => BigInt(Date.now()) * 1_000_000n;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** An OTLP JSON span (hex ids, int64 as decimal strings, integer enums) on the payment service. */
function jsonSpan(traceId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const start = nowNs();
  return {
    traceId, spanId: hex(8), name: "process orders", kind: 5,
    startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 3_000_000n).toString(),
    attributes: [
      { key: "messaging.system", value: { stringValue: "kafka" } },
      { key: "messaging.destination.name", value: { stringValue: "orders" } },
      { key: "messaging.kafka.offset", value: { intValue: "9007199254740993" } },
      { key: "retry.attempt", value: { intValue: 2 } },
    ],
    status: { code: 2, message: "card declined" },
    futureField: { ignored: true },
    ...over,
  };
}
const jsonExport = (spans: Record<string, unknown>[]) => ({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "payment" } }] }, scopeSpans: [{ scope: { name: "kafkajs" }, spans }] }] });

function post(body: Uint8Array | string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request("http://flowdeck.test/api/otlp/v1/traces", { method: "POST", body: typeof body === "string" ? body : Buffer.from(body), headers: { "content-type": contentType, authorization, ...headers } }));
}

/** The protobuf form of the same export, encoded by the same official schema an SDK uses. */
function protobufExport(json: Record<string, unknown>): Uint8Array {
  const copy = structuredClone(json) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  for (const s of copy.resourceSpans[0]?.scopeSpans[0]?.spans ?? []) {
    s.traceId = Buffer.from(String(s.traceId), "hex");
    s.spanId = Buffer.from(String(s.spanId), "hex");
  }
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(copy)).finish();
}

async function storedCount(traceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
  return rows[0]?.n ?? 0;
}

async function statusMessage(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return response.headers.get("content-type") === "application/json"
    ? (JSON.parse(Buffer.from(bytes).toString()) as { message: string }).message
    : (RpcStatus.toObject(RpcStatus.decode(bytes)) as { message: string }).message;
}

describe("POST /api/otlp/v1/traces", () => {
  it("stores an OTLP JSON export, with exact int64 values and unknown fields ignored", async () => {
    const traceId = hex(16);
    const response = await post(JSON.stringify(jsonExport([jsonSpan(traceId), jsonSpan(traceId)])), "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const { rows } = await db.query<{ service_name: string; kind: number; status_code: number; attrs: Record<string, unknown>; messaging_offset: string }>(
      "SELECT service_name, kind, status_code, attrs, messaging_offset::text FROM spans WHERE trace_id = decode($1, 'hex') LIMIT 1", [traceId]);
    expect(rows[0]).toMatchObject({ service_name: "payment", kind: 5, status_code: 2, messaging_offset: "9007199254740993" });
    expect(rows[0]?.attrs["retry.attempt"]).toBe(2);
    expect(await storedCount(traceId)).toBe(2);
  });

  it("stores a gzipped protobuf export once, however often it is retried", async () => {
    const traceId = hex(16);
    const body = zlib.gzipSync(protobufExport(jsonExport([jsonSpan(traceId), jsonSpan(traceId), jsonSpan(traceId)])));
    for (let i = 0; i < 3; i++) {
      const response = await post(body, "application/x-protobuf", { "content-encoding": "gzip" });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-protobuf");
      expect(ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(new Uint8Array(await response.arrayBuffer())))).toEqual({});
    }
    expect(await storedCount(traceId)).toBe(3);
    const { getMetrics } = await import("@/lib/metrics");
    const metrics = await getMetrics().registry.metrics();
    expect(metrics).toMatch(/flowdeck_ingest_spans_total\{outcome="duplicate"\} ([6-9]|\d\d)/);
    expect(metrics).toMatch(/flowdeck_ingest_requests_total\{status="200"\} \d+/);
  });

  it("rejects bad spans one by one in partial_success and stores the rest", async () => {
    const traceId = hex(16);
    const old = (BigInt(Date.now() - 30 * 86_400_000) * 1_000_000n).toString();
    const future = (BigInt(Date.now() + 30 * 86_400_000) * 1_000_000n).toString();
    const spans = [
      jsonSpan(traceId),
      jsonSpan(traceId, { spanId: "not-hex" }),
      jsonSpan("00000000000000000000000000000000"),
      jsonSpan(traceId, { startTimeUnixNano: old, endTimeUnixNano: old }),
      jsonSpan(traceId, { startTimeUnixNano: future, endTimeUnixNano: future }),
    ];
    const response = await post(JSON.stringify(jsonExport(spans)), "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      partialSuccess: { rejectedSpans: "4", errorMessage: "1 invalid span id; 1 invalid trace id; 1 start time older than retention; 1 start time too far in the future" },
    });
    expect(await storedCount(traceId)).toBe(1);
  });

  it("stores a span with NUL characters and invalid UTF-8 alongside the others in its batch", async () => {
    const traceId = hex(16);
    const poisoned = jsonSpan(traceId, { name: "POISON\u0000" });
    const body = Buffer.from(protobufExport(jsonExport([poisoned, jsonSpan(traceId)])));
    const at = body.indexOf("POISON");
    body[at] = 0xff; // not valid UTF-8
    body[at + 1] = 0xfe;
    const response = await post(body, "application/x-protobuf");
    expect(response.status).toBe(200);
    expect(await storedCount(traceId)).toBe(2);
    const { rows } = await db.query<{ name: string }>("SELECT name FROM spans WHERE trace_id = decode($1, 'hex') AND name LIKE '%ISON%'", [traceId]);
    expect(rows[0]?.name).toBe("\uFFFD\uFFFDISON\uFFFD");
  });

  it("stores spans whose indexed values are too long to index whole, keeping the whole value in the attributes", async () => {
    const traceId = hex(16);
    const longKey = `order-${"9".repeat(5000)}`;
    const span = jsonSpan(traceId, { attributes: [{ key: "saga.id", value: { stringValue: randomBytes(3000).toString("base64") } }, { key: "saga.key", value: { stringValue: longKey } }] });
    const response = await post(JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "s".repeat(4000) } }] }, scopeSpans: [{ spans: [span] }] }] }), "application/json");
    expect(response.status).toBe(200);
    const { rows } = await db.query<{ key_length: number; attr_length: number }>(
      "SELECT length(saga_key) AS key_length, length(attrs->>'saga.key') AS attr_length FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
    expect(rows[0]).toEqual({ key_length: 1024, attr_length: longKey.length });
  });

  it.each([
    ["malformed protobuf", () => post(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), "application/x-protobuf"), 400, /not a valid OTLP protobuf/],
    ["malformed JSON", () => post("{\"resourceSpans\": [", "application/json"), 400, /not valid JSON/],
    ["JSON that is not an object", () => post("[1,2]", "application/json"), 400, /expected an object/],
    ["a wrong content type", () => post("hello", "text/plain"), 400, /content-type text\/plain is not supported/],
    ["truncated gzip", () => post(zlib.gzipSync(Buffer.from(JSON.stringify(jsonExport([jsonSpan(hex(16))])))).subarray(0, 40), "application/json", { "content-encoding": "gzip" }), 400, /not valid gzip/],
    ["a body over the limit", () => post(Buffer.alloc(9 * 1024 * 1024), "application/x-protobuf"), 413, /over the 8\.0 MB limit/],
    ["a gzip bomb", () => post(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)), "application/x-protobuf", { "content-encoding": "gzip" }), 413, /once decompressed/],
  ] as const)("answers %s with %i and a one-line google.rpc.Status", async (_name, send, status, message) => {
    const before = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans");
    const response = await send();
    expect(response.status).toBe(status);
    const text = await statusMessage(response);
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
    const after = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans");
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
