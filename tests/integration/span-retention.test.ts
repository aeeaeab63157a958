import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { applySpanRetention } from "@/lib/traces/retention";
import { INTEGRATION_DATABASE_URL } from "./env";

const DAY = 86_400_000;
const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });

afterAll(async () => {
  // Put back today's partitions for the suites that run after this one.
  await applySpanRetention(new Date(), 7 * DAY);
  await db.end();
  await disconnectDb();
});

async function partitions(): Promise<string[]> {
  const { rows } = await db.query<{ relname: string }>(
    `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = 'spans' ORDER BY c.relname`);
  return rows.map((r) => r.relname);
}

const day = (ms: number) => `spans_p${new Date(ms).toISOString().slice(0, 10).replaceAll("-", "")}`;

describe("span retention", () => {
  it("keeps day partitions from the retention horizon to three days ahead, and drops expired ones whole", async () => {
    const now = Date.now() + 20 * DAY; // a clock three weeks on: everything the migration made has expired
    await db.query(
      `INSERT INTO sagas (id, name, status, started_at, last_progress_at, step_count, updated_at)
       VALUES ('old-saga', 'order-fulfillment', 'completed', $1, $1, 1, now()), ('new-saga', 'order-fulfillment', 'started', $2, $2, 1, now())`,
      [new Date(now - 10 * DAY), new Date(now - DAY)]);

    const result = await applySpanRetention(new Date(now), 7 * DAY);

    const names = await partitions();
    expect(names).toContain(day(now - 7 * DAY));
    expect(names).toContain(day(now + 3 * DAY));
    expect(names).not.toContain(day(now - 8 * DAY));
    expect(names).not.toContain(day(Date.now()));
    expect(result.partitionsDropped).toBeGreaterThan(0);
    const { rows } = await db.query<{ id: string }>("SELECT id FROM sagas ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["new-saga"]);

    const again = await applySpanRetention(new Date(now), 7 * DAY);
    expect(again).toEqual({ partitionsCreated: 0, partitionsDropped: 0, projectionRowsDeleted: 0 });
  });
});
