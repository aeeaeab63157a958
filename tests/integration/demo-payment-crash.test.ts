// The reference system's promise under failure: the payment consumer dies mid-stream — once right after
// the gateway charged a card and before it recorded that, once with kill -9 while orders flow — and still
// every order completes, and every card is charged exactly once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoStack, type DemoStack } from "@/demo/testing/demo-stack";

let stack: DemoStack;

beforeAll(async () => {
  stack = await startDemoStack({ name: `it-crash-${randomUUID().slice(0, 8)}`, knobs: { "payment.gatewayLatencyMs": 20, "shipping.carrierLatencyMs": 5 } });
});

afterAll(async () => {
  await stack.stop();
});

async function count(sql: string): Promise<number> {
  const { rows } = await stack.pool.query<{ n: number }>(sql);
  return rows[0]?.n ?? -1;
}

describe("demo: payment consumer crashes", () => {
  it("loses no order and charges none twice", { timeout: 150_000 }, async () => {
    const placed = await stack.placeOrders(20);
    await stack.waitFor("a few charges", async () => (await count("SELECT count(*)::int AS n FROM payments")) >= 3);

    // Crash right after the gateway charged, before the payment is recorded: the redelivered command must
    // reuse the charge instead of taking the money again.
    await stack.setKnobs({ "payment.crashRate": 1 });
    await stack.waitFor("the payment service to crash", async () => stack.crashCount("payment") >= 1);
    await stack.setKnobs({ "payment.crashRate": 0 });

    placed.push(...(await stack.placeOrders(20)));
    await stack.waitFor("charges to flow again", async () => (await count("SELECT count(*)::int AS n FROM payments")) >= 25, 60_000);
    stack.kill("payment");
    await stack.waitFor("the kill to be seen", async () => stack.crashCount("payment") >= 2);
    placed.push(...(await stack.placeOrders(10)));

    await stack.waitFor("all 50 sagas to finish", async () => (await stack.sagaStates()).completed === 50, 120_000);

    expect(await stack.sagaStates()).toEqual({ completed: 50 });
    const { rows: orders } = await stack.pool.query<{ id: string }>("SELECT id FROM orders ORDER BY id");
    expect(orders.map((order) => order.id)).toEqual(placed.map((order) => order.orderId).sort());
    // The gateway's own ledger: one charge per order, for the order's amount, and no refunds.
    const { rows: charges } = await stack.pool.query<{ order_id: string; charges: number; amount_ok: boolean }>(
      `SELECT o.id AS order_id, count(g.*)::int AS charges, coalesce(sum(g.amount_cents), 0) = o.amount_cents AS amount_ok
       FROM orders o LEFT JOIN gateway_operations g ON g.order_id = o.id AND g.kind = 'charge' GROUP BY o.id, o.amount_cents`);
    expect(charges.filter((row) => row.charges !== 1 || !row.amount_ok)).toEqual([]);
    expect(charges).toHaveLength(50);
    expect(await count("SELECT count(*)::int AS n FROM gateway_operations WHERE kind = 'refund'")).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM shipments")).toBe(50);
    expect(await stack.dlqDepth(stack.topics.payment)).toBe(0);
    expect(stack.crashCount("payment")).toBeGreaterThanOrEqual(2);
  });
});
