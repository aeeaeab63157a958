// The overview's queries against real Postgres (emptied first, as far as the overview reads it): first on an
// empty store, then with dead letters, breakers, sagas and spans put in place, so every figure is exact.
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { disconnectDb } from "@/lib/db";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import { breakersNotClosed } from "@/lib/overview/breakers-not-closed";
import { brokerHealth } from "@/lib/overview/broker-health";
import { dlqPending } from "@/lib/overview/dlq-pending";
import { failingSagas } from "@/lib/overview/failing-sagas";
import { hasAnySpans, ingestHealth } from "@/lib/overview/ingest-health";
import { readOverview } from "@/lib/overview/read-overview";
import { indexColumns } from "@/lib/projections";
import { projectNewSpans } from "@/lib/projector";
import type { SpanRecord } from "@/lib/traces";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 2 });
// Besides the shared broker: a port nothing listens on, and a server that accepts connections and never
// answers (a hung broker), so both ways a cluster is down are seen.
const silent = net.createServer(() => { /* accept and say nothing */ });
beforeAll(async () => {
  // Test files run one at a time on one database, and earlier files leave their data: the overview reads the
  // whole store, so its figures are exact only once what it reads is emptied.
  await db.query(`TRUNCATE spans, sagas, saga_steps, breaker_states, breaker_transitions, resilience_minutes, resilience_ten_minutes,
    flow_edge_minutes, projector_state, dlq_topics, dlq_partitions, dlq_messages, dlq_error_groups, dlq_minutes, dlq_dispositions,
    redrive_items, redrive_jobs CASCADE`);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (address === null || typeof address === "string") throw new Error("no port for the silent broker");
  vi.stubEnv("FLOWDECK_CLUSTERS", "local,refused,silent");
  vi.stubEnv("KAFKA_REFUSED_BROKERS", "127.0.0.1:1");
  vi.stubEnv("KAFKA_SILENT_BROKERS", `127.0.0.1:${String(address.port)}`);
});
afterAll(async () => {
  await db.end();
  await disconnectDb();
  const { closeAllClusters } = await import("@/lib/kafka");
  await closeAllClusters();
  silent.close();
});

const run = randomUUID().slice(0, 8);
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const lastHour = { from: minutesAgo(60), to: now };
const minuteOf = (m: number) => new Date(Math.floor(minutesAgo(m).getTime() / 60_000) * 60_000);

describe("on an empty store", () => {
  it("has no spans, no dead letters, no breakers and no failing sagas; ingest is idle and caught up", async () => {
    expect(await hasAnySpans()).toBe(false);
    expect(await dlqPending(lastHour, now)).toEqual({ topics: [], topicsWithPending: 0, totalPending: 0 });
    expect(await breakersNotClosed(lastHour)).toEqual({ notClosed: [], open: 0, halfOpen: 0, total: 0 });
    const sagas = await failingSagas(lastHour, now);
    expect(sagas.recent).toEqual([]);
    expect(Object.values(sagas.counts).map((c) => c.count)).toEqual([0, 0, 0, 0]);
    const ingest = await ingestHealth(now);
    expect(ingest.spansPerSecond).toBe(0);
    expect(ingest.lastSpanAt).toBeNull();
    expect(ingest.projectionLagSeconds).toBe(0);
  });
});

describe("dead letters pending", () => {
  const topics = { a: `orders.payment.DLQ-${run}`, b: `orders.shipping.DLQ-${run}`, gone: `old.DLQ-${run}`, drained: `drained.DLQ-${run}`, other: `eu.payment.DLQ-${run}` };

  it("lists topics with pending messages, most first, with their last hour minute by minute and the window's arrivals", async () => {
    await db.query(
      `INSERT INTO dlq_topics (cluster, topic, discovered_by, pending_count, gone_at) VALUES
         ('local', $1, 'pattern', 5, NULL), ('local', $2, 'pattern', 0, NULL), ('local', $3, 'pattern', 4, now()),
         ('local', $4, 'pattern', 0, NULL), ('eu', $5, 'headers', 9, NULL)`,
      [topics.a, topics.b, topics.gone, topics.drained, topics.other]);
    await db.query(
      `INSERT INTO dlq_minutes (cluster, topic, minute, count) VALUES ('local', $1, $2, 3), ('local', $1, $3, 2), ('local', $1, $4, 7), ('local', $5, $2, 6)`,
      [topics.a, minuteOf(0), minuteOf(10), minuteOf(120), topics.drained]);
    await db.query(
      `INSERT INTO dlq_messages (cluster, topic, partition, "offset", timestamp, headers, error_type, size, format, preview, status) VALUES
         ('local', $1, 0, 1, $2, '[]', 'E', 1, 'text', '', 'redriven'), ('local', $1, 0, 2, $3, '[]', 'E', 1, 'text', '', 'pending'),
         ('local', $1, 0, 3, $4, '[]', 'E', 1, 'text', '', 'pending')`,
      [topics.a, minutesAgo(50), minutesAgo(40), minutesAgo(5)]);

    const dlq = await dlqPending(lastHour, now);
    expect(dlq.topicsWithPending).toBe(2);
    expect(dlq.totalPending).toBe(14);
    expect(dlq.topics.map((t) => [t.cluster, t.topic, t.pending])).toEqual([["eu", topics.other, 9], ["local", topics.a, 5]]);
    const a = dlq.topics[1];
    expect(a?.lastHour).toHaveLength(60);
    expect(a?.lastHour.at(-1)).toBe(3);
    expect(a?.lastHour.at(-11)).toBe(2);
    expect(a?.lastHour.reduce((x, y) => x + y, 0)).toBe(5);
    expect(a?.arrivedInWindow).toBe(5);
    // The oldest message still pending, not the oldest one indexed (that one was redriven).
    expect(a?.oldestPendingAt?.getTime()).toBe(minutesAgo(40).getTime());
    expect(dlq.topics[0]?.oldestPendingAt).toBeNull();

    const sixHours = await dlqPending({ from: minutesAgo(360), to: now }, now);
    expect(sixHours.topics.find((t) => t.topic === topics.a)?.arrivedInWindow).toBe(12);
  });

  it("shows at most `limit` topics but counts them all", async () => {
    const dlq = await dlqPending(lastHour, now, 1);
    expect(dlq.topics.map((t) => t.topic)).toEqual([topics.other]);
    expect(dlq.topicsWithPending).toBe(2);
    expect(dlq.totalPending).toBe(14);
  });
});

describe("circuit breakers not closed", () => {
  it("lists open breakers before half-open ones, longest first, with the window's failed calls", async () => {
    const svc = (n: number) => `service-${String(n)}-${run}`;
    await db.query(
      `INSERT INTO breaker_states (service, breaker, state, since) VALUES
         ($1, 'gateway', 'open', $5), ($1, 'ledger', 'half_open', $6), ($2, 'search', 'closed', $5), ($3, 'mailer', 'open', $7), ($4, 'fraud', 'half_open', $5)`,
      [svc(1), svc(2), svc(3), svc(4), minutesAgo(10), minutesAgo(2), minutesAgo(1)]);
    await db.query(
      `INSERT INTO resilience_minutes (kind, service, name, minute, outcome, count) VALUES
         ('breaker', $1, 'gateway', $2, 'failure', 4), ('breaker', $1, 'gateway', $3, 'timeout', 1), ('breaker', $1, 'gateway', $3, 'rejected', 2),
         ('breaker', $1, 'gateway', $2, 'success', 10), ('breaker', $1, 'gateway', $4, 'failure', 100), ('bulkhead', $1, 'gateway', $2, 'rejected', 50)`,
      [svc(1), minuteOf(3), minuteOf(20), minuteOf(180)]);

    const breakers = await breakersNotClosed(lastHour);
    expect(breakers.notClosed.map((b) => [b.service, b.breaker, b.state, b.failedCalls])).toEqual([
      [svc(1), "gateway", "open", 7],
      [svc(3), "mailer", "open", 0],
      [svc(4), "fraud", "half_open", 0],
      [svc(1), "ledger", "half_open", 0],
    ]);
    expect(breakers.notClosed[0]?.since.getTime()).toBe(minutesAgo(10).getTime());
    expect([breakers.open, breakers.halfOpen, breakers.total]).toEqual([2, 2, 5]);
    expect((await breakersNotClosed(lastHour, 1)).notClosed.map((b) => b.breaker)).toEqual(["gateway"]);
  });
});

describe("sagas in trouble", () => {
  it("counts failed, stuck, compensating and compensated sagas of the window and lists the newest of them", async () => {
    const rows: [string, string, number, number][] = [
      // id, status, started minutes ago, last progress minutes ago (the stuck threshold is 15 min)
      [`failed-${run}`, "failed", 30, 29], [`compensated-${run}`, "compensated", 5, 4], [`stuck-${run}`, "compensating", 40, 20],
      [`compensating-${run}`, "compensating", 2, 1], [`completed-${run}`, "completed", 1, 1], [`started-${run}`, "started", 3, 1],
      [`old-failed-${run}`, "failed", 120, 119],
    ];
    for (const [id, status, started, progress] of rows) {
      await db.query(
        `INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, failed_step, step_count) VALUES ($1, 'order-fulfillment', $1, $2, $3, $4, $5, 2)`,
        [id, status, minutesAgo(started), minutesAgo(progress), status === "completed" || status === "started" ? null : "charge-payment"]);
    }
    const sagas = await failingSagas(lastHour, now);
    expect(Object.fromEntries(Object.entries(sagas.counts).map(([s, c]) => [s, c.count]))).toEqual({ failed: 1, stuck: 1, compensating: 1, compensated: 1 });
    expect(sagas.recent.map((s) => [s.id, s.status])).toEqual([
      [`compensating-${run}`, "compensating"], [`compensated-${run}`, "compensated"], [`failed-${run}`, "failed"], [`stuck-${run}`, "stuck"],
    ]);
    expect((await failingSagas(lastHour, now, 2)).recent.map((s) => s.id)).toEqual([`compensating-${run}`, `compensated-${run}`]);
    const day = await failingSagas({ from: minutesAgo(24 * 60), to: now }, now);
    expect(day.counts.failed.count).toBe(2);
  });
});

describe("ingest", () => {
  it("reports the rate of the last minute, the newest span, and how far projections lag until they catch up", async () => {
    const start = BigInt(Date.now()) * 1_000_000n;
    const spans: SpanRecord[] = Array.from({ length: 30 }, () => ({
      traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), parentSpanId: null, name: "op", kind: 1,
      serviceName: `ingest-${run}`, scopeName: null, startTimeUnixNano: start, endTimeUnixNano: start + 1_000n, statusCode: 0, statusMessage: null,
      resourceAttributes: { "service.name": `ingest-${run}` }, attributes: {}, events: [], links: [],
    }));
    const written = new Date();
    await writeSpanLines(spans.map((s) => spanCopyLine(s, indexColumns(s, () => "local"))));
    expect(await hasAnySpans()).toBe(true);

    // Read as if 30 s later: the 30 spans are within the last minute, and the projector has not read them.
    const later = new Date(Date.now() + 30_000);
    const before = await ingestHealth(later);
    expect(before.spansPerSecond).toBeCloseTo(30 / 60, 5);
    expect(before.lastSpanAt?.getTime()).toBeGreaterThanOrEqual(written.getTime() - 1_000);
    expect(before.projectionLagSeconds).toBeGreaterThanOrEqual(29);
    expect(before.projectionLagSeconds).toBeLessThan(60);

    while (!(await projectNewSpans(500)).caughtUp) { /* next batch */ }
    const after = await ingestHealth(later);
    expect(after.projectionLagSeconds).toBe(0);
    // Two minutes on, nothing arrived in the last minute.
    expect((await ingestHealth(new Date(Date.now() + 120_000))).spansPerSecond).toBe(0);
  });
});

describe("the whole overview", () => {
  it("reads the store, and checks every cluster at once, each within the bound: up, refused, or silent", async () => {
    const started = performance.now();
    const overview = await readOverview(lastHour, now);
    const took = performance.now() - started;
    expect(overview.store.ok).toBe(true);
    if (overview.store.ok) expect(overview.store.data.dlq.totalPending).toBe(14);
    expect(overview.brokers.map((b) => [b.name, b.up])).toEqual([["local", true], ["refused", false], ["silent", false]]);
    expect(overview.brokers[2]?.error).toBe("no answer within 2.5 s");
    expect(overview.brokers[1]?.error).not.toBe("no answer within 2.5 s");
    // The silent cluster costs the bound once, not once per cluster, and never the Kafka timeout (5 s).
    expect(took).toBeGreaterThanOrEqual(2_400);
    expect(took).toBeLessThan(4_500);
  });

  it("takes a tighter bound when asked", async () => {
    const started = performance.now();
    const health = await brokerHealth(300);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(health.find((b) => b.name === "local")?.up).toBe(true);
    // The silent broker's breaker may have opened by now, which fails it at once; either way it is down.
    expect(health.find((b) => b.name === "silent")?.up).toBe(false);
  });
});
