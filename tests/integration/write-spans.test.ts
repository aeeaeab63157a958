import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { sanitizeAttributes, safeString } from "@/lib/ingest/sanitize";
import { spanCopyLine } from "@/lib/ingest/span-row";
import type { SpanIndexColumns } from "@/lib/projections";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import type { SpanRecord } from "@/lib/traces";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

const noIndex: SpanIndexColumns = {
  messaging_cluster: null, messaging_destination: null, messaging_operation: null, messaging_consumer_group: null,
  messaging_message_id: null, messaging_partition: null, messaging_offset: null, saga_id: null, saga_key: null, breaker_name: null,
};
const ns = (ms: number) => BigInt(ms) * 1_000_000n + 123_456n;

function span(traceId: string, i: number, over: Partial<SpanRecord> = {}): SpanRecord {
  const start = ns(Date.now() - 60_000 + i);
  return {
    traceId, spanId: randomBytes(8).toString("hex"), parentSpanId: null, name: `process orders #${i}`, kind: 5,
    serviceName: "payment", scopeName: "kafkajs", startTimeUnixNano: start, endTimeUnixNano: start + 2_500_000n,
    statusCode: 0, statusMessage: null, resourceAttributes: { "service.name": "payment" }, attributes: { i },
    events: [{ name: "retry", timeUnixNano: start + 1n, attributes: { attempt: 2 } }], links: [], ...over,
  };
}

describe("writeSpanLines", () => {
  it("stores a batch once, however often it is sent, and keeps nanosecond times", async () => {
    const traceId = randomBytes(16).toString("hex");
    const spans = Array.from({ length: 50 }, (_, i) => span(traceId, i));
    const lines = spans.map((s) => spanCopyLine(s, noIndex));

    const first = await writeSpanLines(lines);
    expect(first).toEqual({ stored: 50, duplicates: 0 });
    const again = await writeSpanLines([...lines, ...lines.slice(0, 5)]);
    expect(again).toEqual({ stored: 0, duplicates: 55 });
    const mixed = await writeSpanLines([spanCopyLine(span(traceId, 99), noIndex), ...lines.slice(0, 2)]);
    expect(mixed).toEqual({ stored: 1, duplicates: 2 });

    const { rows } = await db.query<{ n: string; start_ns: string; events: unknown }>(
      "SELECT count(*) OVER () AS n, start_ns, events FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY start_ns LIMIT 1", [traceId]);
    expect(rows[0]?.n).toBe("51");
    expect(rows[0]?.start_ns).toBe(spans[0]?.startTimeUnixNano.toString());
    const firstStart = spans[0]?.startTimeUnixNano ?? 0n;
    expect(rows[0]?.events).toEqual([{ name: "retry", timeUnixNano: (firstStart + 1n).toString(), attributes: { attempt: 2 } }]);
  });

  it("stores text Postgres would refuse (NUL, broken UTF-16) without failing the batch", async () => {
    const traceId = randomBytes(16).toString("hex");
    const nasty = span(traceId, 1, { name: safeString("poison\u0000message\uD800"), attributes: sanitizeAttributes({ "payload": "a\u0000b\tc\nd\\e" }) });
    const result = await writeSpanLines([spanCopyLine(nasty, noIndex), spanCopyLine(span(traceId, 2), noIndex)]);
    expect(result.stored).toBe(2);
    const { rows } = await db.query<{ name: string; attrs: Record<string, string> }>(
      "SELECT name, attrs FROM spans WHERE trace_id = decode($1, 'hex') AND kind = 5 ORDER BY start_ns LIMIT 1", [traceId]);
    expect(rows[0]?.name).toBe("poison\uFFFDmessage\uFFFD");
    expect(rows[0]?.attrs.payload).toBe("a\uFFFDb\tc\nd\\e");
  });

  it("creates a missing day partition rather than failing", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
    await db.query(`DROP TABLE IF EXISTS spans_p${tomorrow}`);
    const start = ns(Date.now() + 86_400_000);
    const result = await writeSpanLines([spanCopyLine(span(randomBytes(16).toString("hex"), 0, { startTimeUnixNano: start, endTimeUnixNano: start }), noIndex)]);
    expect(result.stored).toBe(1);
  });
});
