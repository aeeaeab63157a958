import { trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "./enqueue";

const provider = new NodeTracerProvider();
beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

function fakeClient() {
  const inserts: unknown[][] = [];
  const client = { query: async (_sql: string, params: unknown[]) => (inserts.push(params), { rowCount: 1, rows: [] }) } as unknown as pg.PoolClient;
  return { client, inserts };
}

describe("enqueue", () => {
  it("stores the message with a fresh event-id and the active span's traceparent, in the caller's transaction", async () => {
    const { client, inserts } = fakeClient();
    const eventId = await trace.getTracer("test").startActiveSpan("parent", async (active) => {
      const id = await enqueue(client, "order", { topic: "orders.inventory", key: "o-1", value: { type: "inventory.reserve" } });
      active.end();
      expect(inserts).toHaveLength(1);
      const [service, topic, key, value, headers] = inserts[0] ?? [];
      expect([service, topic, key, value]).toEqual(["order", "orders.inventory", "o-1", '{"type":"inventory.reserve"}']);
      const parsed = JSON.parse(headers as string) as Record<string, string>;
      expect(parsed["event-id"]).toBe(id);
      expect(parsed.traceparent).toMatch(new RegExp(`^00-${active.spanContext().traceId}-${active.spanContext().spanId}-01$`));
      return id;
    });
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every message its own event-id and stores a string value as is", async () => {
    const { client, inserts } = fakeClient();
    const first = await enqueue(client, "payment", { topic: "t", key: "k", value: "not json {" });
    const second = await enqueue(client, "payment", { topic: "t", key: "k", value: "not json {" });
    expect(first).not.toBe(second);
    expect(inserts.map((params) => params[3])).toEqual(["not json {", "not json {"]);
  });
});
