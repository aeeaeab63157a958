import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import { indexColumns } from "@/lib/projections";
import type { SpanRecord } from "@/lib/traces";
import { getSpan, getTrace, getTraceOutline, searchTraces, type TraceSearchInput } from "@/lib/traces/queries";

afterAll(async () => {
  await disconnectDb();
});

const MINUTE = 60_000;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const unique = (prefix: string) => `${prefix}-${hex(4)}`;
const nsAt = (ms: number) => BigInt(ms) * 1_000_000n;

type SpanInput = Partial<SpanRecord> & { atMs: number; durationMs?: number };

function span(traceId: string, input: SpanInput): SpanRecord {
  const { atMs, durationMs = 5, ...over } = input;
  const start = nsAt(atMs);
  return {
    traceId, spanId: hex(8), parentSpanId: null, name: "GET /orders", kind: 2, serviceName: "orders", scopeName: null,
    startTimeUnixNano: start, endTimeUnixNano: start + BigInt(Math.round(durationMs * 1_000_000)), statusCode: 0, statusMessage: null,
    resourceAttributes: { "service.name": over.serviceName ?? "orders" }, attributes: {}, events: [], links: [], ...over,
  };
}

async function seed(spans: SpanRecord[]): Promise<void> {
  await writeSpanLines(spans.map((s) => spanCopyLine(s, indexColumns(s, () => "local"))));
}

/** A window around the seeded spans, so other tests' data in the shared database stays out. */
function around(centerMs: number): { from: Date; to: Date } {
  return { from: new Date(centerMs - 10 * MINUTE), to: new Date(centerMs + 10 * MINUTE) };
}

async function ids(input: TraceSearchInput): Promise<string[]> {
  return (await searchTraces(input)).traces.map((t) => t.traceId);
}

describe("searchTraces", () => {
  it("finds traces by service, newest first, one summary row per trace", async () => {
    const service = unique("checkout");
    const t0 = Date.now() - 20 * MINUTE;
    const [a, b, other] = [hex(16), hex(16), hex(16)];
    const root = span(a, { atMs: t0, durationMs: 40, name: "POST /checkout", serviceName: service });
    await seed([
      root,
      span(a, { atMs: t0 + 5, durationMs: 50, name: "charge", serviceName: "payment", parentSpanId: root.spanId, statusCode: 2 }),
      span(a, { atMs: t0 + 10, durationMs: 5, name: "reserve", serviceName: "inventory", parentSpanId: root.spanId }),
      span(b, { atMs: t0 + 1_000, name: "POST /checkout", serviceName: service }),
      span(other, { atMs: t0 + 2_000, name: "POST /checkout", serviceName: unique("elsewhere") }),
    ]);

    const page = await searchTraces({ service, ...around(t0) });
    expect(page.traces.map((t) => t.traceId)).toEqual([b, a]);
    expect(page.nextCursor).toBeNull();
    expect(page.traces[1]).toEqual({
      traceId: a, rootName: "POST /checkout", rootService: service, startNs: nsAt(t0).toString(),
      startTime: new Date(t0).toISOString(), durationMs: 55, spanCount: 3, errorCount: 1,
      services: [service, "inventory", "payment"].sort(),
    });
  });

  it("takes the span without a parent as root, or else the earliest", async () => {
    const service = unique("root");
    const t0 = Date.now() - 21 * MINUTE;
    const [withRoot, orphansOnly] = [hex(16), hex(16)];
    await seed([
      span(withRoot, { atMs: t0, name: "child first", serviceName: service, parentSpanId: hex(8) }),
      span(withRoot, { atMs: t0 + 3, name: "the root", serviceName: service }),
      span(orphansOnly, { atMs: t0 + 10, name: "earliest orphan", serviceName: service, parentSpanId: hex(8) }),
      span(orphansOnly, { atMs: t0 + 11, name: "later orphan", serviceName: service, parentSpanId: hex(8) }),
    ]);
    const page = await searchTraces({ service, ...around(t0) });
    expect(page.traces.map((t) => [t.traceId, t.rootName])).toEqual([[orphansOnly, "earliest orphan"], [withRoot, "the root"]]);
  });

  it("matches the operation by prefix or exactly", async () => {
    const service = unique("ops");
    const t0 = Date.now() - 22 * MINUTE;
    const [publish, process] = [hex(16), hex(16)];
    await seed([
      span(publish, { atMs: t0, name: "orders publish", serviceName: service }),
      span(process, { atMs: t0 + 1, name: "orders process", serviceName: service }),
    ]);
    expect(await ids({ service, operation: "orders", ...around(t0) })).toEqual([process, publish]);
    expect(await ids({ service, operation: "orders publish", operationMatch: "exact", ...around(t0) })).toEqual([publish]);
    expect(await ids({ service, operation: "orders", operationMatch: "exact", ...around(t0) })).toEqual([]);
    // LIKE wildcards in the operation are plain text.
    expect(await ids({ service, operation: "orders%", ...around(t0) })).toEqual([]);
  });

  it("filters by span status", async () => {
    const service = unique("status");
    const t0 = Date.now() - 23 * MINUTE;
    const [ok, failed, unset] = [hex(16), hex(16), hex(16)];
    await seed([
      span(ok, { atMs: t0, serviceName: service, statusCode: 1 }),
      span(failed, { atMs: t0 + 1, serviceName: service, statusCode: 2, statusMessage: "boom" }),
      span(unset, { atMs: t0 + 2, serviceName: service }),
    ]);
    const window = around(t0);
    expect(await ids({ service, status: "ok", ...window })).toEqual([ok]);
    expect(await ids({ service, status: "error", ...window })).toEqual([failed]);
    expect(await ids({ service, status: "unset", ...window })).toEqual([unset]);
    expect(await ids({ service, status: "any", ...window })).toEqual([unset, failed, ok]);
  });

  it("filters by minimum span duration", async () => {
    const service = unique("slow");
    const t0 = Date.now() - 24 * MINUTE;
    const [fast, slow] = [hex(16), hex(16)];
    await seed([span(fast, { atMs: t0, serviceName: service, durationMs: 20 }), span(slow, { atMs: t0 + 1, serviceName: service, durationMs: 250 })]);
    expect(await ids({ service, minDurationMs: 100, ...around(t0) })).toEqual([slow]);
    expect(await ids({ service, minDurationMs: 20, ...around(t0) })).toEqual([slow, fast]);
  });

  it("finds traces by message id, saga id and saga key (the indexed columns), also given as key=value", async () => {
    const t0 = Date.now() - 25 * MINUTE;
    const [messageId, sagaId, sagaKey] = [unique("msg"), unique("saga"), unique("order")];
    const [sent, saga, unrelated] = [hex(16), hex(16), hex(16)];
    await seed([
      span(sent, { atMs: t0, name: "orders send", kind: 4, attributes: { "messaging.message.id": messageId, "messaging.destination.name": "orders" } }),
      span(saga, { atMs: t0 + 1, name: "charge-payment", attributes: { "saga.id": sagaId, "saga.key": sagaKey, "saga.step": "charge-payment" } }),
      span(unrelated, { atMs: t0 + 2, attributes: { "saga.id": unique("saga"), "saga.key": unique("order") } }),
    ]);
    const window = around(t0);
    expect(await ids({ messageId, ...window })).toEqual([sent]);
    expect(await ids({ sagaId, ...window })).toEqual([saga]);
    expect(await ids({ sagaKey, ...window })).toEqual([saga]);
    expect(await ids({ attributes: [{ key: "saga.key", value: sagaKey }], ...window })).toEqual([saga]);
    expect(await ids({ attributes: [{ key: "messaging.message.id", value: messageId }], ...window })).toEqual([sent]);
  });

  it("matches key=value attributes as text, number or boolean, on the span or its resource", async () => {
    const t0 = Date.now() - 26 * MINUTE;
    const tag = unique("tag");
    const [a, b] = [hex(16), hex(16)];
    await seed([
      span(a, { atMs: t0, attributes: { tag, "http.status_code": 503, "retry.exhausted": true, "http.route": "/orders/{id}" } }),
      span(b, { atMs: t0 + 1, attributes: { tag, "http.status_code": "200" }, resourceAttributes: { "service.name": "orders", "deployment.environment": tag } }),
    ]);
    const window = around(t0);
    const search = (key: string, value: string) => ids({ attributes: [{ key: "tag", value: tag }, { key, value }], ...window });
    expect(await search("http.status_code", "503")).toEqual([a]);
    expect(await search("http.status_code", "200")).toEqual([b]);
    expect(await search("retry.exhausted", "true")).toEqual([a]);
    expect(await search("http.route", "/orders/{id}")).toEqual([a]);
    expect(await ids({ attributes: [{ key: "deployment.environment", value: tag }], ...window })).toEqual([b]);
    expect(await search("http.status_code", "404")).toEqual([]);
  });

  it("searches only inside the time range, by default the last hour", async () => {
    const service = unique("window");
    const now = Date.now();
    const [recent, old] = [hex(16), hex(16)];
    await seed([span(recent, { atMs: now - 10 * MINUTE, serviceName: service }), span(old, { atMs: now - 90 * MINUTE, serviceName: service })]);
    expect(await ids({ service })).toEqual([recent]);
    expect(await ids({ service, from: new Date(now - 2 * 60 * MINUTE), to: new Date(now) })).toEqual([recent, old]);
    expect(await ids({ service, from: new Date(now - 2 * 60 * MINUTE), to: new Date(now - 60 * MINUTE) })).toEqual([old]);
  });

  it("pages by keyset without repeating or skipping a trace", async () => {
    const service = unique("paged");
    const t0 = Date.now() - 30 * MINUTE;
    const traces = Array.from({ length: 7 }, () => hex(16));
    // Each trace has two matching spans a second apart, so traces interleave across page boundaries.
    await seed(traces.flatMap((id, i) => [span(id, { atMs: t0 + i * 600, serviceName: service }), span(id, { atMs: t0 + i * 600 + 1_000, serviceName: service, parentSpanId: hex(8) })]));
    const seen: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchTraces>> = await searchTraces({ service, ...around(t0), limit: 3, ...(cursor ? { cursor: decode(cursor) } : {}) });
      seen.push(page.traces.map((t) => t.traceId));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(seen.flat()).toEqual([...traces].reverse());
  });

  it("fills a page past a trace with thousands of matching spans", async () => {
    const service = unique("big");
    const t0 = Date.now() - 35 * MINUTE;
    const big = hex(16);
    const small = [hex(16), hex(16), hex(16)];
    await seed([
      ...Array.from({ length: 4_500 }, (_, i) => span(big, { atMs: t0 + 1_000 + i, serviceName: service, parentSpanId: i === 0 ? null : hex(8) })),
      ...small.map((id, i) => span(id, { atMs: t0 + i, serviceName: service })),
    ]);
    const first = await searchTraces({ service, ...around(t0), limit: 2 });
    expect(first.traces.map((t) => t.traceId)).toEqual([big, small[2]]);
    expect(first.traces[0]?.spanCount).toBe(4_500);
    expect(first.nextCursor).not.toBeNull();
    const second = await searchTraces({ service, ...around(t0), limit: 2, cursor: decode(first.nextCursor ?? "") });
    expect(second.traces.map((t) => t.traceId)).toEqual([small[1], small[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects bad input with a VALIDATION error", async () => {
    const now = new Date();
    const bad: TraceSearchInput[] = [
      { limit: 0 },
      { limit: 1_000 },
      { from: now, to: new Date(now.getTime() - 1) },
      { from: new Date(now.getTime() - 40 * 86_400_000), to: now },
      { service: "" },
      { minDurationMs: -1 },
      { cursor: { startMicros: "12", traceId: "not-hex" } },
    ];
    for (const input of bad) {
      await expect(searchTraces(input)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "VALIDATION");
    }
  });
});

describe("getTrace", () => {
  it("returns every span sorted by start then span id, and null for an unknown trace", async () => {
    const traceId = hex(16);
    const t0 = Date.now() - 40 * MINUTE;
    const spans = [
      span(traceId, { atMs: t0 + 2, spanId: "00000000000000bb" }),
      span(traceId, { atMs: t0, spanId: "00000000000000ff", events: [{ name: "retry", timeUnixNano: nsAt(t0) + 7n, attributes: { attempt: 2 } }] }),
      span(traceId, { atMs: t0 + 2, spanId: "00000000000000aa", parentSpanId: "00000000000000ff" }),
    ];
    await seed(spans);
    const trace = await getTrace(traceId.toUpperCase());
    expect(trace?.capped).toBe(false);
    expect(trace?.spans.map((s) => s.spanId)).toEqual(["00000000000000ff", "00000000000000aa", "00000000000000bb"]);
    expect(trace?.spans[0]).toEqual(spans[1]);
    expect(await getTrace(hex(16))).toBeNull();
  });

  it("stops at the cap and says so", async () => {
    const traceId = hex(16);
    const t0 = Date.now() - 41 * MINUTE;
    await seed(Array.from({ length: 12 }, (_, i) => span(traceId, { atMs: t0 + i })));
    const trace = await getTrace(traceId, 10);
    expect(trace?.spans).toHaveLength(10);
    expect(trace?.capped).toBe(true);
    const outline = await getTraceOutline(traceId, 10);
    expect(outline).toMatchObject({ capped: true, totalSpans: 12 });
  });

  it("outlines messaging hops from the extracted columns and loads one span in full", async () => {
    const traceId = hex(16);
    const t0 = Date.now() - 42 * MINUTE;
    const hop = span(traceId, {
      atMs: t0, name: "orders process", kind: 5,
      attributes: { "messaging.destination.name": "orders", "messaging.destination.partition.id": "2", "messaging.kafka.offset": 4711, "messaging.operation.type": "process" },
    });
    await seed([hop]);
    const outline = await getTraceOutline(traceId);
    expect(outline?.spans[0]?.messaging).toEqual({ operation: "process", topic: "orders", partition: 2, offset: "4711" });
    expect(await getSpan(traceId, hop.spanId)).toEqual(hop);
    await expect(getSpan(traceId, hex(8))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects ids that are not hex with a VALIDATION error", async () => {
    await expect(getTrace("'; DROP TABLE spans; --")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getSpan(hex(16), "xyz")).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

function decode(cursor: string): { startMicros: string; traceId: string } {
  const [startMicros = "", traceId = ""] = cursor.split("-");
  return { startMicros, traceId };
}
