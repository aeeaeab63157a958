// Seeds the bench database with realistic spans straight through COPY: traces of ten spans spread over
// the last 24 hours across eight services, plus one trace of 5,000 spans.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { indexColumns } from "@/lib/projections";
import type { SpanRecord } from "@/lib/traces";
import { copySpanLines } from "./copy-lines";

export const SERVICES = ["api-gateway", "order", "payment", "inventory", "shipping", "notifications", "fraud", "ledger"] as const;
const DAY_MS = 86_400_000;

function traceSpans(traceId: string, startMs: number, count: number, n: number): SpanRecord[] {
  const spans: SpanRecord[] = [];
  let parent: string | null = null;
  for (let i = 0; i < count; i++) {
    const spanId = randomBytes(8).toString("hex");
    const start = BigInt(startMs + i) * 1_000_000n;
    const service = SERVICES[(n + i) % SERVICES.length] ?? "order";
    spans.push({
      traceId, spanId, parentSpanId: parent, name: i === 0 ? "POST /api/orders" : `orders ${i % 2 === 0 ? "send" : "process"}`,
      kind: i === 0 ? 2 : i % 2 === 0 ? 4 : 5, serviceName: service, scopeName: "bench", startTimeUnixNano: start,
      endTimeUnixNano: start + BigInt(1 + (i % 50)) * 1_000_000n, statusCode: (n + i) % 53 === 0 ? 2 : 0, statusMessage: null,
      resourceAttributes: { "service.name": service },
      attributes: {
        "messaging.system": "kafka", "messaging.destination.name": "orders", "messaging.message.id": `m-${n}-${i}`,
        "messaging.kafka.offset": n * 10 + i, "saga.id": `saga-${n}`, "saga.key": `order-${n}`, "http.route": "/api/orders",
        "app.tenant": `tenant-${n % 50}`, "app.region": n % 2 === 0 ? "eu" : "us", "retry.attempt": 1,
      },
      events: [], links: [],
    });
    if (i === 0 || i % 3 === 0) parent = spanId;
  }
  return spans;
}

/** Stores `total` spans with 4 parallel COPY streams; returns the id of the 5,000-span trace. */
export async function seedSpans(databaseUrl: string, total: number, onProgress: (done: number) => void): Promise<string> {
  const now = Date.now();
  const resolve = () => "local";
  const bigTrace = randomBytes(16).toString("hex");
  let next = 0;
  let done = 0;
  const traces = Math.ceil((total - 5_000) / 10);
  const worker = async (first: boolean) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    if (first) await copySpanLines(client, traceSpans(bigTrace, now - 3_600_000, 5_000, 7).map((s) => spanCopyLine(s, indexColumns(s, resolve))));
    while (next < traces) {
      const lines: string[] = [];
      for (let k = 0; k < 200 && next < traces; k++, next++) {
        const startMs = now - 60_000 - Math.floor((next / traces) * (DAY_MS - 120_000));
        for (const s of traceSpans(randomBytes(16).toString("hex"), startMs, 10, next)) lines.push(spanCopyLine(s, indexColumns(s, resolve)));
      }
      await copySpanLines(client, lines);
      done += lines.length;
      onProgress(done);
    }
    await client.end();
  };
  await Promise.all([worker(true), worker(false), worker(false), worker(false)]);
  return bigTrace;
}
