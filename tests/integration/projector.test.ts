import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { writeSpanLines } from "@/lib/ingest/write-spans";
import { deriveBreaker, deriveSaga, indexColumns } from "@/lib/projections";
import { projectNewSpans } from "@/lib/projector";
import type { Attributes, SpanEvent, SpanRecord } from "@/lib/traces";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

const t0 = BigInt(Date.now() - 120_000) * 1_000_000n;
const at = (ms: number) => t0 + BigInt(ms) * 1_000_000n;
const traceId = randomBytes(16).toString("hex");
const sagaId = `saga-${randomUUID()}`;
const breaker = `payment-gateway-${randomUUID().slice(0, 6)}`;
const topic = `orders-${randomUUID().slice(0, 6)}`;

function span(service: string, startMs: number, attributes: Attributes, over: Partial<SpanRecord> = {}, events: SpanEvent[] = []): SpanRecord {
  return {
    traceId, spanId: randomBytes(8).toString("hex"), parentSpanId: null, name: typeof attributes["saga.step"] === "string" ? attributes["saga.step"] : "op", kind: 1,
    serviceName: service, scopeName: null, startTimeUnixNano: at(startMs), endTimeUnixNano: at(startMs + 40), statusCode: 0,
    statusMessage: null, resourceAttributes: { "service.name": service }, attributes, events, links: [], ...over,
  };
}
const saga = (step: string, kind: string) => ({ "saga.id": sagaId, "saga.name": "order-fulfillment", "saga.key": "order-42", "saga.step": step, "saga.step.kind": kind });
const status = (value: string, ms: number): SpanEvent => ({ name: "saga.status", timeUnixNano: at(ms), attributes: { "saga.status": value } });
const change = (from: string, to: string, ms: number): SpanEvent => ({
  name: "circuit_breaker.state_change", timeUnixNano: at(ms),
  attributes: { "circuit_breaker.name": breaker, "circuit_breaker.state": to, "circuit_breaker.previous_state": from },
});

const spans: SpanRecord[] = [
  span("order", 0, saga("reserve-inventory", "action"), {}, [status("started", 0)]),
  span("payment", 100, { ...saga("charge-payment", "action"), "circuit_breaker.name": breaker, "circuit_breaker.outcome": "failure" },
    { statusCode: 2, statusMessage: "card declined" }, [change("closed", "open", 120)]),
  span("inventory", 200, saga("release-inventory", "compensation"), {}, [status("compensating", 150), status("compensated", 260)]),
  span("payment", 5_000, { "circuit_breaker.name": breaker, "circuit_breaker.outcome": "success" }, {}, [change("open", "half_open", 4_990), change("half_open", "closed", 5_050)]),
  span("order", 10, { "messaging.system": "kafka", "messaging.operation.type": "send", "messaging.destination.name": topic }, { kind: 4 }),
  span("payment", 60, { "messaging.system": "kafka", "messaging.operation.type": "process", "messaging.destination.name": topic, "messaging.consumer.group.name": "payment" }, { kind: 5, statusCode: 2 }),
];

async function store(batch: SpanRecord[]): Promise<void> {
  const resolve = () => "local";
  await writeSpanLines(batch.map((s) => spanCopyLine(s, indexColumns(s, resolve))));
}

async function projectAll(): Promise<void> {
  while (!(await projectNewSpans(3)).caughtUp) { /* next batch */ }
}

describe("the projector", () => {
  it("converges to the projections of all spans when they arrive late, out of order and in pieces", async () => {
    const reversed = [...spans].reverse();
    await store(reversed.slice(0, 2));
    await projectAll();
    await store(reversed.slice(2, 5));
    await projectAll();
    await store([...reversed.slice(5), reversed[0] as SpanRecord]); // with a duplicate, as an exporter retry
    await projectAll();

    const expected = deriveSaga(sagaId, spans);
    const sagaRow = await db.query("SELECT name, key, status, failed_step, error, step_count, ended_at FROM sagas WHERE id = $1", [sagaId]);
    expect(sagaRow.rows[0]).toEqual({
      name: "order-fulfillment", key: "order-42", status: "compensated", failed_step: "charge-payment", error: "card declined",
      step_count: 3, ended_at: expected?.saga.endedAt,
    });
    const steps = await db.query<{ step: string; kind: string; status: string }>("SELECT step, kind, status FROM saga_steps WHERE saga_id = $1 ORDER BY started_at", [sagaId]);
    expect(steps.rows).toEqual(expected?.steps.map((s) => ({ step: s.step, kind: s.kind, status: s.status })));

    const transitions = await db.query<{ to_state: string }>("SELECT to_state FROM breaker_transitions WHERE breaker = $1 ORDER BY at_ns", [breaker]);
    expect(transitions.rows.map((r) => r.to_state)).toEqual(deriveBreaker("payment", breaker, spans).transitions.map((t) => t.toState));
    expect(transitions.rows.map((r) => r.to_state)).toEqual(["open", "half_open", "closed"]);
    const state = await db.query("SELECT state FROM breaker_states WHERE breaker = $1", [breaker]);
    expect(state.rows).toEqual([{ state: "closed" }]);

    const outcomes = await db.query<{ outcome: string; count: string }>(
      "SELECT outcome, sum(count)::text AS count FROM resilience_minutes WHERE name = $1 GROUP BY outcome ORDER BY outcome", [breaker]);
    expect(outcomes.rows).toEqual([{ outcome: "failure", count: "1" }, { outcome: "success", count: "1" }]);
    const edges = await db.query<{ direction: string; count: string; errors: string }>(
      "SELECT direction, sum(count)::text AS count, sum(errors)::text AS errors FROM flow_edge_minutes WHERE topic = $1 GROUP BY direction ORDER BY direction", [topic]);
    expect(edges.rows).toEqual([{ direction: "consume", count: "1", errors: "1" }, { direction: "produce", count: "1", errors: "0" }]);
  });
});

describe("the projector's incremental merge", () => {
  type Row = Record<string, unknown> & { step_count: number; current_step: string | null };
  const read = async (id: string) =>
    (await db.query<Row>("SELECT name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count FROM sagas WHERE id = $1", [id])).rows[0];
  const expectedRow = (id: string, all: SpanRecord[]) => {
    const s = deriveSaga(id, all)?.saga;
    return s && { name: s.name, key: s.key, status: s.status, started_at: s.startedAt, last_progress_at: s.lastProgressAt, ended_at: s.endedAt,
      current_step: s.currentStep, failed_step: s.failedStep, error: s.error, step_count: s.stepCount };
  };
  const stepOf = (id: string, step: string, ms: number, over: Partial<SpanRecord> = {}) =>
    span("order", ms, { "saga.id": id, "saga.name": "n", "saga.step": step }, over);

  it("rebuilds a saga whose stored summary is missing, then merges again", async () => {
    const id = `saga-${randomUUID()}`;
    const first = [stepOf(id, "a", 0), stepOf(id, "b", 50)];
    await store(first);
    await projectAll();
    await db.query("UPDATE sagas SET merge_state = NULL WHERE id = $1", [id]);
    const second = [stepOf(id, "c", 20, { statusCode: 2, statusMessage: "boom" })];
    await store(second);
    await projectAll();
    const third = [stepOf(id, "d", 10)];
    await store(third);
    await projectAll();
    const all = [...first, ...second, ...third];
    expect(await read(id)).toEqual(expectedRow(id, all));
    const state = await db.query<{ merge_state: unknown }>("SELECT merge_state FROM sagas WHERE id = $1", [id]);
    expect(state.rows[0]?.merge_state).not.toBeNull();
  });

  it("rebuilds a saga two of whose spans share a span id, as deriveSaga dedupes them", async () => {
    const id = `saga-${randomUUID()}`;
    const later = stepOf(id, "late-name", 30);
    const earlier = { ...stepOf(id, "early", 10), spanId: later.spanId, traceId: randomBytes(16).toString("hex") };
    const other = stepOf(id, "x", 40);
    await store([later, other]);
    await projectAll();
    await store([earlier]);
    await projectAll();
    const all = [later, earlier, other];
    expect((await read(id))?.step_count).toBe(2);
    expect((await read(id))?.current_step).toBe(expectedRow(id, all)?.current_step);
    const steps = await db.query<{ step: string }>("SELECT step FROM saga_steps WHERE saga_id = $1 ORDER BY started_at", [id]);
    expect(steps.rows.map((r) => r.step)).toEqual(["early", "x"]);
  });

  it("keeps a breaker's since across a long run of repeated reports", async () => {
    const name = `flappy-${randomUUID().slice(0, 6)}`;
    const report = (ms: number, from: string | null) => span("payment", ms, { "circuit_breaker.name": name }, {}, [{
      name: "circuit_breaker.state_change", timeUnixNano: at(ms), attributes: { "circuit_breaker.state": "open", ...(from ? { "circuit_breaker.previous_state": from } : {}) },
    }]);
    const opened = report(0, "closed");
    await store([opened]);
    await projectAll();
    for (let batch = 0; batch < 3; batch++) {
      await store(Array.from({ length: 20 }, (_, i) => report(10 + batch * 100 + i, batch % 2 === 0 ? "open" : null)));
      await projectAll();
    }
    const state = await db.query<{ state: string; since: Date }>("SELECT state, since FROM breaker_states WHERE breaker = $1", [name]);
    expect(state.rows).toEqual([{ state: "open", since: new Date(Number(at(0) / 1_000_000n)) }]);
  });
});
