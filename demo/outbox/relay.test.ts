import type { Producer, ProducerBatch } from "kafkajs";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { OutboxRelay } from "./relay";

type Row = { id: string; topic: string; key: string; value: string; headers: Record<string, string> };

/** A pool whose one client answers the relay's claim query with `rows` and records every statement. */
function fakePool(rows: Row[]) {
  const statements: { sql: string; params?: unknown[] }[] = [];
  const client = {
    query: async (sql: string, params?: unknown[]) => {
      statements.push({ sql, params });
      return { rows: sql.startsWith("SELECT") ? rows : [], rowCount: 0 };
    },
    release: () => {},
  };
  return { pool: { connect: async () => client } as unknown as pg.Pool, statements };
}

function fakeProducer(fail: boolean) {
  const batches: ProducerBatch[] = [];
  const producer = {
    sendBatch: async (batch: ProducerBatch) => {
      if (fail) throw new Error("broker unavailable");
      batches.push(batch);
      return [];
    },
  } as unknown as Producer;
  return { producer, batches };
}

const rows: Row[] = [
  { id: "1", topic: "orders.inventory", key: "o-1", value: '{"n":1}', headers: { "event-id": "e-1" } },
  { id: "2", topic: "orders.payment", key: "o-2", value: '{"n":2}', headers: { "event-id": "e-2" } },
  { id: "3", topic: "orders.inventory", key: "o-1", value: '{"n":3}', headers: { "event-id": "e-3" } },
];

describe("OutboxRelay", () => {
  it("publishes claimed rows grouped by topic in id order, then marks exactly those rows sent, in one transaction", async () => {
    const { pool, statements } = fakePool(rows);
    const { producer, batches } = fakeProducer(false);
    expect(await new OutboxRelay(pool, producer, "order", "127.0.0.1:9092", 10).relayOnce()).toBe(3);

    expect(batches).toHaveLength(1);
    const topics = batches[0]?.topicMessages ?? [];
    expect(topics.map((t) => [t.topic, t.messages.map((m) => m.value)])).toEqual([
      ["orders.inventory", ['{"n":1}', '{"n":3}']],
      ["orders.payment", ['{"n":2}']],
    ]);
    // The event-id (the consumers' dedupe key) travels unchanged.
    expect(topics[0]?.messages.map((m) => m.headers?.["event-id"])).toEqual(["e-1", "e-3"]);
    expect(batches[0]?.acks).toBe(-1);

    const sqls = statements.map((s) => s.sql.split(" ")[0]);
    expect(sqls).toEqual(["BEGIN", "SELECT", "UPDATE", "COMMIT"]);
    expect(statements[1]?.sql).toContain("FOR UPDATE SKIP LOCKED");
    expect(statements[2]?.params).toEqual([["1", "2", "3"]]);
  });

  it("marks nothing sent and rolls back when the broker refuses, so the rows go out on the next pass", async () => {
    const { pool, statements } = fakePool(rows);
    const { producer } = fakeProducer(true);
    await expect(new OutboxRelay(pool, producer, "order", "127.0.0.1:9092", 10).relayOnce()).rejects.toThrow("broker unavailable");
    expect(statements.map((s) => s.sql.split(" ")[0])).toEqual(["BEGIN", "SELECT", "ROLLBACK"]);
  });

  it("does nothing when no row is waiting", async () => {
    const { pool, statements } = fakePool([]);
    const { producer, batches } = fakeProducer(false);
    expect(await new OutboxRelay(pool, producer, "order", "127.0.0.1:9092", 10).relayOnce()).toBe(0);
    expect(batches).toEqual([]);
    expect(statements.map((s) => s.sql.split(" ")[0])).toEqual(["BEGIN", "SELECT", "COMMIT"]);
  });
});
