// The sagas list and saga page queries against real Postgres: sagas projected from spans (and plain
// rows where only the list columns matter), filtered, counted, paged, and tied to DLQ messages and
// breaker changes.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { disconnectDb } from "@/lib/db";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import { indexColumns } from "@/lib/projections";
import { projectNewSpans } from "@/lib/projector";
import {
  countSagasByStatus, getSagaDetail, hasAnySagas, listSagaNames, listSagas, sagaBreakerEvents, sagaDlqMessages, SagaId,
  type SagaListFilterInput,
} from "@/lib/sagas/queries";
import type { Attributes, SpanEvent, SpanRecord } from "@/lib/traces";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 2 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

const run = randomUUID().slice(0, 8);
const NAME = `order-fulfillment-${run}`;
const THRESHOLD = 15 * 60_000;
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const window = (over: Partial<SagaListFilterInput> = {}): SagaListFilterInput => ({ from: minutesAgo(60), to: now, name: NAME, ...over });

// Saga A, from spans: reserve, two failing charge attempts, then the release that compensates.
const sagaA = `saga-a-${randomUUID()}`;
const traceA = randomBytes(16).toString("hex");
const traceA2 = randomBytes(16).toString("hex");
const payment = `payment-${run}`;
const inventory = `inventory-${run}`;
const breaker = `payment-gateway-${run}`;
const t0 = BigInt(minutesAgo(10).getTime()) * 1_000_000n;
const at = (ms: number) => t0 + BigInt(ms) * 1_000_000n;

function span(service: string, traceId: string, startMs: number, endMs: number, attributes: Attributes, over: Partial<SpanRecord> = {}, events: SpanEvent[] = []): SpanRecord {
  return {
    traceId, spanId: randomBytes(8).toString("hex"), parentSpanId: null, name: typeof attributes["saga.step"] === "string" ? attributes["saga.step"] : "op", kind: 1,
    serviceName: service, scopeName: null, startTimeUnixNano: at(startMs), endTimeUnixNano: at(endMs), statusCode: 1, statusMessage: null,
    resourceAttributes: { "service.name": service }, attributes, events, links: [], ...over,
  };
}
const step = (name: string, kind: "action" | "compensation", extra: Attributes = {}): Attributes =>
  ({ "saga.id": sagaA, "saga.name": NAME, "saga.key": `order-${run}-A`, "saga.step": name, "saga.step.kind": kind, ...extra });
const status = (value: string, ms: number): SpanEvent => ({ name: "saga.status", timeUnixNano: at(ms), attributes: { "saga.status": value } });
const change = (service: string, from: string, to: string, ms: number): SpanRecord =>
  span(service, randomBytes(16).toString("hex"), ms, ms + 1, { "circuit_breaker.name": breaker }, {}, [{
    name: "circuit_breaker.state_change", timeUnixNano: at(ms),
    attributes: { "circuit_breaker.name": breaker, "circuit_breaker.state": to, "circuit_breaker.previous_state": from },
  }]);

const spansA: SpanRecord[] = [
  span(inventory, traceA, 0, 100, step("reserve-inventory", "action"), {}, [status("started", 0)]),
  span(payment, traceA, 200, 300, step("charge-payment", "action", { "retry.attempt": 1 }), { statusCode: 2, statusMessage: "gateway down" }),
  span(payment, traceA2, 1_200, 1_300, step("charge-payment", "action", { "retry.attempt": 2 }), { statusCode: 2, statusMessage: "card declined" }, [status("compensating", 1_300)]),
  span(inventory, traceA2, 1_400, 1_500, step("release-inventory", "compensation"), {}, [status("compensated", 1_500)]),
  // Breaker changes: during the saga on its payment service (kept), far after it (dropped), on another service (dropped).
  change(payment, "closed", "open", 250),
  change(payment, "open", "half_open", 3 * 60_000),
  change(`shipping-${run}`, "closed", "open", 260),
];

type Row = { id: string; status: string; startedAt: string; lastProgressMinutesAgo?: number; key?: string; name?: string };
/** Plain rows for what only the list reads; started_at as text keeps microseconds that a JS Date would lose. */
async function insertRows(rows: Row[]): Promise<void> {
  for (const r of rows) {
    await db.query(
      `INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, ended_at, current_step, step_count)
       VALUES ($1, $2, $3, $4, $5::timestamptz, coalesce(now() - $6 * interval '1 minute', $5::timestamptz + interval '1 second'),
               CASE WHEN $4 IN ('completed', 'compensated', 'failed') THEN $5::timestamptz + interval '1 second' END, 'step', 1)`,
      [r.id, r.name ?? NAME, r.key ?? `order-${r.id}`, r.status, r.startedAt, r.lastProgressMinutesAgo ?? null]);
  }
}
const iso = (minutes: number) => minutesAgo(minutes).toISOString();
const ids = { stuck: `stuck-${run}`, started: `started-${run}`, failed: `failed-${run}`, compensating: `compensating-${run}`, old: `old-${run}` };
// Seven completed sagas, two of them a microsecond apart and two at the very same instant, to test the keyset's tie-breaks.
const completed = Array.from({ length: 7 }, (_, i) => `completed-${run}-${String(i)}`);

beforeAll(async () => {
  const resolve = () => "local";
  await writeSpanLines(spansA.map((s) => spanCopyLine(s, indexColumns(s, resolve))));
  while (!(await projectNewSpans(500)).caughtUp) { /* next batch */ }
  const base = minutesAgo(40);
  const micro = (offsetMicros: number) => new Date(base.getTime()).toISOString().replace("Z", `${String(offsetMicros).padStart(3, "0")}Z`);
  await insertRows([
    { id: ids.stuck, status: "started", startedAt: iso(50), lastProgressMinutesAgo: 30 },
    { id: ids.started, status: "started", startedAt: iso(5), lastProgressMinutesAgo: 1 },
    { id: ids.failed, status: "failed", startedAt: iso(20) },
    { id: ids.compensating, status: "compensating", startedAt: iso(3), lastProgressMinutesAgo: 2 },
    { id: ids.old, status: "failed", startedAt: iso(180) },
    { id: completed[0] ?? "", status: "completed", startedAt: iso(30) },
    { id: completed[1] ?? "", status: "completed", startedAt: micro(1) },
    { id: completed[2] ?? "", status: "completed", startedAt: micro(2) },
    { id: completed[3] ?? "", status: "completed", startedAt: iso(35) },
    { id: completed[4] ?? "", status: "completed", startedAt: iso(35) },
    { id: completed[5] ?? "", status: "completed", startedAt: iso(45) },
    { id: completed[6] ?? "", status: "completed", startedAt: iso(55) },
  ]);
  await db.query(
    `INSERT INTO dlq_messages (cluster, topic, partition, "offset", timestamp, headers, error_type, error_message, trace_id, saga_id, size, format, preview)
     VALUES ('local', $1, 0, 1, now(), '[]', 'PaymentError', 'card declined', NULL, $2, 10, 'json', '{}'),
            ('local', $1, 0, 2, now(), '[]', 'PaymentError', 'gateway down', $3, NULL, 10, 'json', '{}'),
            ('local', $1, 0, 3, now(), '[]', 'Other', 'someone else', $4, 'another-saga', 10, 'json', '{}')`,
    [`orders.payment.DLQ-${run}`, sagaA, traceA, randomBytes(16).toString("hex")]);
});

describe("the sagas list", () => {
  it("counts each status for the window and filters, telling stuck from started by last progress", async () => {
    const counts = await countSagasByStatus(window(), now, THRESHOLD);
    expect(Object.fromEntries(Object.entries(counts).map(([s, c]) => [s, c.count]))).toEqual({
      failed: 1, stuck: 1, compensating: 1, compensated: 1, started: 1, completed: 7,
    });
    expect(Object.values(counts).every((c) => !c.capped)).toBe(true);
  });

  it("caps a count rather than reading every row, and says so", async () => {
    const counts = await countSagasByStatus(window(), now, THRESHOLD, 3);
    expect(counts.completed).toEqual({ count: 3, capped: true });
    expect(counts.failed).toEqual({ count: 1, capped: false });
  });

  it("filters by each displayed status", async () => {
    const idsOf = async (s: SagaListFilterInput["status"]) => (await listSagas(window({ status: s }), now, THRESHOLD)).sagas.map((r) => [r.id, r.status]);
    expect(await idsOf("compensated")).toEqual([[sagaA, "compensated"]]);
    expect(await idsOf("stuck")).toEqual([[ids.stuck, "stuck"]]);
    expect(await idsOf("started")).toEqual([[ids.started, "started"]]);
    expect(await idsOf("compensating")).toEqual([[ids.compensating, "compensating"]]);
    expect(await idsOf("failed")).toEqual([[ids.failed, "failed"]]);
  });

  it("filters by saga key and by saga id, exactly", async () => {
    expect((await listSagas(window({ key: `order-${run}-A` }), now, THRESHOLD)).sagas.map((r) => r.id)).toEqual([sagaA]);
    expect((await listSagas(window({ key: `order-${run}` }), now, THRESHOLD)).sagas).toEqual([]);
    expect((await listSagas(window({ sagaId: ids.failed }), now, THRESHOLD)).sagas.map((r) => r.id)).toEqual([ids.failed]);
    expect((await listSagas(window({ name: undefined, key: `order-${run}-A` }), now, THRESHOLD)).sagas.map((r) => r.name)).toEqual([NAME]);
  });

  it("bounds the list by the time window on the saga's start", async () => {
    const inHour = (await listSagas(window({ status: "failed" }), now, THRESHOLD)).sagas.map((r) => r.id);
    const inSixHours = (await listSagas(window({ status: "failed", from: minutesAgo(360) }), now, THRESHOLD)).sagas.map((r) => r.id);
    expect(inHour).toEqual([ids.failed]);
    expect(inSixHours).toEqual([ids.failed, ids.old]);
  });

  it("pages newest first by keyset with no saga lost or repeated, down to microseconds and equal starts", async () => {
    const seen: string[] = [];
    let cursor: SagaListFilterInput["cursor"];
    let pages = 0;
    for (;;) {
      const page = await listSagas(window({ status: "completed", limit: 2, ...(cursor ? { cursor } : {}) }), now, THRESHOLD);
      seen.push(...page.sagas.map((r) => r.id));
      pages += 1;
      if (page.nextCursor === null) break;
      const at = page.nextCursor.indexOf("_");
      cursor = { startMicros: page.nextCursor.slice(0, at), id: page.nextCursor.slice(at + 1) };
    }
    expect(pages).toBe(4);
    const sameInstant = [completed[4] ?? "", completed[3] ?? ""].sort().reverse();
    expect(seen).toEqual([completed[0], ...sameInstant, completed[2], completed[1], completed[5], completed[6]]);
    const all = (await listSagas(window({ status: "completed" }), now, THRESHOLD)).sagas.map((r) => r.id);
    expect(seen).toEqual(all);
  });

  it("lists the saga types and knows sagas exist", async () => {
    expect(await listSagaNames()).toContain(NAME);
    expect(await hasAnySagas()).toBe(true);
  });

  it("refuses bad filters with the parameter named", async () => {
    await expect(listSagas({ ...window(), status: "bogus" as "any" }, now, THRESHOLD)).rejects.toThrow(ZodError);
    await expect(listSagas(window({ from: now, to: minutesAgo(5) }), now, THRESHOLD)).rejects.toThrow(/the time range must start before it ends/);
    await expect(listSagas(window({ from: minutesAgo(60 * 24 * 40) }), now, THRESHOLD)).rejects.toThrow(/at most 31 days/);
  });
});

describe("the saga page", () => {
  it("reads the saga and its steps in time order, with attempts and errors", async () => {
    const detail = await getSagaDetail(sagaA, now, THRESHOLD);
    expect(detail?.saga).toMatchObject({ id: sagaA, name: NAME, key: `order-${run}-A`, status: "compensated", failedStep: "charge-payment", error: "card declined", stepCount: 4 });
    expect(detail?.steps.map((s) => [s.step, s.kind, s.service, s.status, s.attempt, s.error])).toEqual([
      ["reserve-inventory", "action", inventory, "ok", 1, null],
      ["charge-payment", "action", payment, "error", 1, "gateway down"],
      ["charge-payment", "action", payment, "error", 2, "card declined"],
      ["release-inventory", "compensation", inventory, "ok", 1, null],
    ]);
    expect(detail?.steps.map((s) => s.spanId)).toEqual(spansA.slice(0, 4).map((s) => s.spanId));
    expect(detail?.steps[1]?.traceId).toBe(traceA);
  });

  it("says stuck for a running saga without recent progress", async () => {
    expect((await getSagaDetail(ids.stuck, now, THRESHOLD))?.saga.status).toBe("stuck");
    expect((await getSagaDetail(ids.started, now, THRESHOLD))?.saga.status).toBe("started");
  });

  it("answers an unknown id with null and a malformed one with a named problem", async () => {
    expect(await getSagaDetail(`no-such-saga-${run}`, now, THRESHOLD)).toBeNull();
    await expect(getSagaDetail("two words", now, THRESHOLD)).rejects.toThrow(ZodError);
    expect(SagaId.safeParse("").error?.issues[0]?.message).toBe("a saga id cannot be empty");
    expect(SagaId.safeParse("x".repeat(201)).error?.issues[0]?.message).toBe("a saga id has at most 200 characters");
  });

  it("ties DLQ messages by saga id and by the traces of its steps, not others", async () => {
    const detail = await getSagaDetail(sagaA, now, THRESHOLD);
    const messages = await sagaDlqMessages(sagaA, detail?.steps.map((s) => s.traceId) ?? []);
    expect(messages.map((m) => [m.offset, m.errorMessage]).sort()).toEqual([["1", "card declined"], ["2", "gateway down"]]);
    expect(messages[0]?.topic).toBe(`orders.payment.DLQ-${run}`);
  });

  it("ties the breaker changes of the saga's services within its span plus a minute", async () => {
    const detail = await getSagaDetail(sagaA, now, THRESHOLD);
    if (!detail) throw new Error("saga A was not projected");
    const events = await sagaBreakerEvents(detail.steps.map((s) => s.service), detail.saga.startedAt, detail.saga.endedAt ?? detail.saga.lastProgressAt);
    expect(events.map((e) => [e.service, e.breaker, e.fromState, e.toState])).toEqual([[payment, breaker, "closed", "open"]]);
    expect(await sagaBreakerEvents([], detail.saga.startedAt, detail.saga.lastProgressAt)).toEqual([]);
  });
});
