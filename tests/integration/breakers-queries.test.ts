// The breakers pages' queries against the real Postgres: spans go in through ingest and the projector, as
// in production, and the queries read the projections (and the bounded failing-calls range of spans).
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BOARD_BINS_SQL, breakerBoard, breakerHistory, breakerMinutes, FAILING_CALLS_SQL, failingCallsAround, findBreaker, resilienceSummary,
} from "@/lib/breakers/queries";
import { stateSteps } from "@/lib/breakers/state-steps";
import { splitParams, splitWindow } from "@/lib/breakers/window-split";
import { disconnectDb } from "@/lib/db";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import { indexColumns } from "@/lib/projections";
import { projectNewSpans } from "@/lib/projector";
import type { Attributes, SpanEvent, SpanRecord } from "@/lib/traces";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

const id = randomUUID().slice(0, 8);
const PAY = `payment-${id}`;
const SHIP = `shipping-${id}`;
const INV = `inventory-${id}`;
const GATEWAY = `gateway-${id}`;
const QUIET = `quiet-${id}`;
const CARRIER = `carrier-${id}`;
const TOPIC = `orders-${id}`;

// Half past a minute, so the few seconds of calls after `ago(m)` stay in its minute; `ago(m)` is m minutes before now.
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 30_000);
const window = { from: new Date(now.getTime() - 60 * 60_000), to: now };
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const ns = (at: Date) => BigInt(at.getTime()) * 1_000_000n;

function span(service: string, at: Date, attributes: Attributes, over: Partial<SpanRecord> = {}, events: SpanEvent[] = []): SpanRecord {
  return {
    traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), parentSpanId: null, name: "call", kind: 3,
    serviceName: service, scopeName: null, startTimeUnixNano: ns(at), endTimeUnixNano: ns(at) + 5_000_000n, statusCode: 0,
    statusMessage: null, resourceAttributes: { "service.name": service }, attributes, events, links: [], ...over,
  };
}
const call = (at: Date, outcome: string, name = GATEWAY) =>
  span(PAY, at, { "circuit_breaker.name": name, "circuit_breaker.outcome": outcome }, outcome === "success" ? {} : { statusCode: 2, statusMessage: `gateway ${outcome}`, name: "charge" });
const change = (at: Date, from: string, to: string) =>
  span(PAY, at, { "circuit_breaker.name": GATEWAY }, { name: `breaker ${to}` }, [{
    name: "circuit_breaker.state_change", timeUnixNano: ns(at),
    attributes: { "circuit_breaker.name": GATEWAY, "circuit_breaker.state": to, "circuit_breaker.previous_state": from },
  }]);
const booking = (at: Date, outcome: string, events: SpanEvent[] = []) => span(SHIP, at, { "bulkhead.name": CARRIER, "bulkhead.outcome": outcome }, {}, events);
const attempt = (at: Date, n: number, exhausted = false) =>
  span(INV, at, { "messaging.destination.name": TOPIC, "retry.attempt": n, ...(exhausted ? { "retry.exhausted": true } : {}) }, { kind: 5 });

const second = (at: Date, s: number) => new Date(at.getTime() + s * 1000);
const spans: SpanRecord[] = [
  change(ago(90), "closed", "open"), // before the window: the chart starts open
  change(ago(20), "open", "half_open"),
  change(second(ago(19), 0), "half_open", "open"),
  change(ago(10), "open", "half_open"),
  call(second(ago(20), 10), "failure"), call(second(ago(20), 11), "timeout"), call(second(ago(20), 12), "failure"), call(second(ago(20), 13), "success"),
  call(second(ago(1), 0), "success"), call(second(ago(1), 1), "success"), call(second(ago(1), 2), "failure"), call(second(ago(1), 3), "rejected"),
  call(ago(2), "success", QUIET),
  // Around the last transition (10 min ago): one error 30 s before (found), one 30 s after (too late), one in another service.
  span(PAY, second(ago(10), -30), {}, { statusCode: 2, statusMessage: "connection reset", name: "refund" }),
  span(PAY, second(ago(10), 30), {}, { statusCode: 2, statusMessage: "too late", name: "refund" }),
  span(SHIP, second(ago(10), -5), {}, { statusCode: 2, statusMessage: "other service", name: "book" }),
  booking(ago(2), "admitted"), booking(second(ago(2), 1), "admitted"),
  booking(second(ago(2), 2), "admitted", [{ name: "bulkhead.saturation", timeUnixNano: ns(second(ago(2), 2)), attributes: { "bulkhead.in_flight": 2, "bulkhead.limit": 2 } }]),
  booking(second(ago(2), 3), "rejected"), booking(second(ago(2), 4), "rejected"),
  attempt(ago(3), 1), attempt(second(ago(3), 1), 2), attempt(second(ago(3), 2), 3, true), attempt(ago(4), 1),
];

beforeAll(async () => {
  await writeSpanLines(spans.map((s) => spanCopyLine(s, indexColumns(s, () => "local"))));
  while (!(await projectNewSpans(500)).caughtUp) { /* next batch */ }
});

describe("the breakers board", () => {
  it("shows each breaker's current state, rolling rate and error share, and a series over the window", async () => {
    const board = (await breakerBoard(window)).filter((b) => b.service === PAY);
    expect(board.map((b) => [b.name, b.state])).toEqual([[GATEWAY, "half_open"], [QUIET, null]]);
    const gateway = board[0];
    expect(gateway?.since).toEqual(ago(10));
    // The last five minutes: 2 successes, a failure and a rejection.
    expect(gateway?.rolling).toMatchObject({ calls: 4, errors: 2, errorPercent: 50 });
    expect(gateway?.rolling.callsPerMinute).toBeCloseTo((4 * 60) / (gateway?.rolling.seconds ?? 1), 6);
    expect(gateway?.series.reduce((n, p) => n + p.calls, 0)).toBe(8);
    expect(gateway?.series.reduce((n, p) => n + p.errors, 0)).toBe(5);
    expect(gateway?.series.length).toBeLessThanOrEqual(60);
    expect(board[1]?.rolling).toMatchObject({ calls: 1, errors: 0, errorPercent: 0 });
  });

  it("puts a service with a breaker not closed before one whose breakers are all closed", async () => {
    await db.query("INSERT INTO breaker_states (service, breaker, state, since) VALUES ($1, $2, 'closed', now())", [`aaa-${id}`, "calm"]);
    const services = (await breakerBoard(window)).map((b) => b.service).filter((s) => s === PAY || s === `aaa-${id}`);
    expect(services.indexOf(PAY)).toBeLessThan(services.indexOf(`aaa-${id}`));
  });

  it("leaves out calls outside the window", async () => {
    const early = (await breakerBoard({ from: ago(60), to: ago(30) })).find((b) => b.name === GATEWAY);
    expect(early?.series.reduce((n, p) => n + p.calls, 0)).toBe(0);
    expect(early?.rolling.errorPercent).toBeNull();
  });
});

describe("bulkheads and retries", () => {
  it("counts admissions and rejections, and finds when the bulkhead last filled", async () => {
    const summary = await resilienceSummary(window);
    const carrier = summary.bulkheads.find((b) => b.name === CARRIER);
    expect(carrier).toMatchObject({ service: SHIP, admitted: 3, rejected: 2, lastSaturation: { at: second(ago(2), 2), inFlight: 2, limit: 2 } });
    expect(carrier?.rejectedPerMinute).toBeGreaterThan(0);
    expect(summary.retries.find((r) => r.topic === TOPIC)).toEqual({ service: INV, topic: TOPIC, attempts: 4, exhausted: 1 });
  });

  it("has no saturation when the bulkhead did not fill in the window", async () => {
    const summary = await resilienceSummary({ from: ago(60), to: ago(3) });
    expect(summary.bulkheads.find((b) => b.name === CARRIER)).toBeUndefined();
  });
});

describe("a breaker's page", () => {
  it("finds a breaker by its state or its calls, and nothing for an unknown one", async () => {
    expect(await findBreaker(PAY, GATEWAY)).toEqual({ service: PAY, name: GATEWAY, state: "half_open", since: ago(10) });
    expect(await findBreaker(PAY, QUIET)).toEqual({ service: PAY, name: QUIET, state: null, since: null });
    expect(await findBreaker(PAY, `nope-${id}`)).toBeNull();
    expect(await findBreaker(SHIP, GATEWAY)).toBeNull();
  });

  it("reads the transitions in the window and the state before it, for the step chart", async () => {
    const history = await breakerHistory(PAY, GATEWAY, window);
    expect(history.before).toMatchObject({ toState: "open", at: ago(90) });
    expect(history.transitions.map((t) => t.toState)).toEqual(["half_open", "open", "half_open"]);
    expect(history.capped).toBe(false);
    const steps = stateSteps(history.before, history.transitions, window.from, window.to);
    expect(steps.map((s) => s.state)).toEqual(["open", "half_open", "open", "half_open", "half_open"]);
  });

  it("counts calls by outcome per minute", async () => {
    const minutes = await breakerMinutes(PAY, GATEWAY, window);
    expect(minutes.plan.binMinutes).toBe(1);
    const total = (key: "success" | "failure" | "timeout" | "rejected") => minutes.points.reduce((n, p) => n + p[key], 0);
    expect([total("success"), total("failure"), total("timeout"), total("rejected")]).toEqual([3, 3, 1, 1]);
    const busy = minutes.points.find((p) => p.at === ago(20).getTime() - 30_000);
    expect(busy).toMatchObject({ success: 1, failure: 2, timeout: 1 });
  });

  it("finds the service's failing calls just before a transition, not after the margin or in other services", async () => {
    const [around, none] = await failingCallsAround(PAY, [ago(10), ago(40)]);
    expect(around?.map((c) => c.message)).toEqual(["connection reset"]);
    expect(around?.[0]).toMatchObject({ name: "refund", startTime: second(ago(10), -30), breaker: null });
    expect(none).toEqual([]);
    // Before the trip, the four closest failures (of five) win over older ones; after it, the first two.
    await writeSpanLines([-50, -40, -30, -20, -10, 3, 6, 9].map((s) =>
      span(PAY, second(ago(45), s), {}, { statusCode: 2, statusMessage: `at ${s}`, name: "charge" })).map((s) => spanCopyLine(s, indexColumns(s, () => "local"))));
    expect((await failingCallsAround(PAY, [ago(45)]))[0]?.map((c) => c.message)).toEqual(["at 6", "at 3", "at -10", "at -20", "at -30", "at -40"]);
    const atTrip = (await failingCallsAround(PAY, [second(ago(19), 0)]))[0];
    expect(atTrip?.map((c) => c.message)).toEqual(["gateway failure", "gateway timeout", "gateway failure"]);
    expect(atTrip?.every((c) => c.breaker === GATEWAY)).toBe(true);
  });
});

describe("query plans", () => {
  const plan = async (sql: string, params: unknown[]) => {
    const client = await db.connect();
    try {
      // The tables here are tiny, so the planner would scan them whole; forbid that to see which index serves the query.
      await client.query("SET enable_seqscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  };

  it("reads failing calls through the partial index of error spans", async () => {
    const text = await plan(FAILING_CALLS_SQL, [PAY, [ago(10)], 60, 10, 4, 2]);
    // Partitions name their copies of an index themselves: find those of the error-span index.
    const { rows } = await db.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'spans_service_error_time_idx'::regclass");
    const used = text.match(/using (\S+) on spans_p/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const scan of used) expect(rows.map((r) => r.name)).toContain(scan.split(" ")[1]);
    expect(text).not.toMatch(/Seq Scan on spans/);
  });

  it("reads a day of 200 breakers from ten-minute buckets, with the same sums as the minutes", async () => {
    // Old minutes only (2 to 27 hours ago), so the other tests' windows do not see them.
    await db.query(
      `INSERT INTO resilience_minutes (kind, service, name, minute, outcome, count)
       SELECT 'breaker', 'bulk-' || $1, 'b' || b, date_trunc('minute', now()) - make_interval(mins => m), o, 1 + (b + m) % 3
       FROM generate_series(1, 200) b, generate_series(120, 1620) m, unnest(ARRAY['success', 'failure']) o`, [id]);
    // The projector's upsert adds to existing minutes: the buckets must follow.
    await db.query(
      `INSERT INTO resilience_minutes AS r (kind, service, name, minute, outcome, count)
       SELECT 'breaker', 'bulk-' || $1, 'b1', date_trunc('minute', now()) - make_interval(mins => m), 'failure', 5 FROM generate_series(200, 260) m
       ON CONFLICT (kind, service, name, minute, outcome) DO UPDATE SET count = r.count + EXCLUDED.count`, [id]);
    await db.query("ANALYZE resilience_minutes; ANALYZE resilience_ten_minutes");
    const day = { from: new Date(Date.now() - 26 * 3_600_000 - 17_000), to: new Date(Date.now() - 2 * 3_600_000 - 43_000) };
    const expected = await db.query<{ name: string; calls: number; errors: number }>(
      `SELECT name, sum(count)::float8 AS calls, (sum(count) FILTER (WHERE outcome = 'failure'))::float8 AS errors FROM resilience_minutes
       WHERE kind = 'breaker' AND service = $1 AND minute >= date_trunc('minute', $2::timestamptz) AND minute <= $3 GROUP BY name`,
      [`bulk-${id}`, day.from, day.to]);
    const board = (await breakerBoard(day)).filter((b) => b.service === `bulk-${id}`);
    expect(board).toHaveLength(200);
    const sums = new Map(board.map((b) => [b.name, { calls: b.series.reduce((n, p) => n + p.calls, 0), errors: b.series.reduce((n, p) => n + p.errors, 0) }]));
    for (const row of expected.rows) expect(sums.get(row.name), row.name).toEqual({ calls: row.calls, errors: row.errors });
    expect(board[0]?.series.length).toBeLessThanOrEqual(60);

    const { rows } = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${BOARD_BINS_SQL}`,
      ["breaker", ...splitParams(splitWindow(day.from, day.to)), day.from, "30 minutes"]);
    const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("resilience_ten_minutes");
    expect(text).not.toContain("Seq Scan on resilience_minutes");
  });

  it("takes deleted minutes off their ten-minute sums, as retention deletes them", async () => {
    const service = `bulk-${id}`;
    const sums = async () => (await db.query<{ minutes: number; buckets: number }>(
      `SELECT (SELECT coalesce(sum(count), 0)::float8 FROM resilience_minutes WHERE kind = 'breaker' AND service = $1) AS minutes,
              (SELECT coalesce(sum(count), 0)::float8 FROM resilience_ten_minutes WHERE kind = 'breaker' AND service = $1) AS buckets`, [service])).rows[0];
    // A cut in the middle of a bucket: part of it goes, part stays.
    await db.query("DELETE FROM resilience_minutes WHERE kind = 'breaker' AND service = $1 AND minute < date_bin('10 minutes', now() - interval '20 hours', 'epoch') + interval '3 minutes'", [service]);
    const after = await sums();
    expect(after?.minutes).toBeGreaterThan(0);
    expect(after?.buckets).toBe(after?.minutes);
    await db.query("DELETE FROM resilience_minutes WHERE kind = 'breaker' AND service = $1", [service]);
    expect(await sums()).toEqual({ minutes: 0, buckets: 0 });
    expect((await db.query("SELECT 1 FROM resilience_ten_minutes WHERE service = $1", [service])).rowCount).toBe(0);
  });
});
