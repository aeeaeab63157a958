// Consumers apply a message's effect once per event-id, however often the message arrives (a relay that
// crashed after publishing, a redrive), and a poison message goes to the DLQ after one attempt.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKafka } from "@/demo/kafka/client";
import { startDemoStack, type DemoStack } from "@/demo/testing/demo-stack";

let stack: DemoStack;
const kafka = createKafka("it-idempotency", "127.0.0.1:9092");
const producer = kafka.producer();

beforeAll(async () => {
  stack = await startDemoStack({ name: `it-idem-${randomUUID().slice(0, 8)}`, services: ["inventory"] });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await stack.stop();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  const { rows } = await stack.pool.query<T & object>(sql, params);
  return rows[0];
}

describe("demo: idempotent consumer", () => {
  it("reserves stock once for a command delivered three times with one event-id", async () => {
    const before = await one<{ available: number }>("SELECT available FROM inventory_stock WHERE sku = 'teapot'");
    const command = { type: "inventory.reserve", orderId: "o-dup", sagaId: "s-dup", sku: "teapot", quantity: 2 };
    const message = { key: "o-dup", partition: 0, value: JSON.stringify(command), headers: { "event-id": "evt-dup-1" } };
    await producer.send({ topic: stack.topics.inventory, messages: [message, message, message] });

    await stack.waitFor("the reserved reply", async () => (await one<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE service = 'inventory'"))?.n === 1);
    // The two duplicates are behind the first in partition 0: wait until the group has committed past all three.
    await stack.waitFor("all three deliveries consumed", async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const [offsets] = await admin.fetchOffsets({ groupId: stack.consumerGroup("inventory"), topics: [stack.topics.inventory] });
        return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) === 3;
      } finally {
        await admin.disconnect();
      }
    });

    expect(await one("SELECT sku, quantity, status FROM inventory_reservations WHERE order_id = 'o-dup'")).toEqual({ sku: "teapot", quantity: 2, status: "reserved" });
    expect(await one("SELECT available FROM inventory_stock WHERE sku = 'teapot'")).toEqual({ available: (before?.available ?? 0) - 2 });
    expect(await one("SELECT count(*)::int AS n FROM processed_events WHERE consumer = 'inventory'")).toEqual({ n: 1 });
    const reply = await one<{ value: string }>("SELECT value FROM outbox WHERE service = 'inventory'");
    expect(JSON.parse(reply?.value ?? "{}")).toEqual({ type: "inventory.reserved", orderId: "o-dup", sagaId: "s-dup" });
    expect(await stack.dlqDepth(stack.topics.inventory)).toBe(0);
  });

  it("sends a malformed command to the DLQ after one attempt, with Flowdeck's DLQ headers", async () => {
    await producer.send({ topic: stack.topics.inventory, messages: [{ key: "o-bad", partition: 0, value: "{not json", headers: { "event-id": "evt-bad-1" } }] });
    await stack.waitFor("the poison message in the DLQ", async () => (await stack.dlqDepth(stack.topics.inventory)) === 1);

    const consumer = kafka.consumer({ groupId: `it-dlq-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${stack.topics.inventory}.DLQ`, fromBeginning: true });
    const headers = await new Promise<Record<string, string>>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          resolve(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
        },
      });
    });
    await consumer.disconnect();
    expect(headers).toMatchObject({
      "event-id": "evt-bad-1",
      "dlq.original.topic": stack.topics.inventory,
      "dlq.consumer.group": stack.consumerGroup("inventory"),
      "dlq.original.partition": "0",
      "dlq.error.type": "PoisonMessageError",
      "dlq.error.message": "message value is not valid JSON",
      "dlq.attempts": "1",
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(headers["dlq.original.offset"]).toBe("3");
  });
});
