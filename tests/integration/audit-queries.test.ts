import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCsvStream, listAuditEvents, type AuditFilter } from "@/lib/audit";
import { disconnectDb } from "@/lib/db";
import { INTEGRATION_DATABASE_URL } from "./env";

const run = `${Date.now()}`;
const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
const now = new Date();
const hour: Pick<AuditFilter, "from" | "to"> = { from: new Date(now.getTime() - 3_600_000), to: new Date(now.getTime() + 60_000) };

beforeAll(async () => {
  // 25 events a minute apart, plus two at the very same instant (the keyset must order them by id).
  await db.query(
    `INSERT INTO audit_events (at, actor, action, target, details, outcome)
     SELECT now() - i * interval '1 minute', CASE WHEN i % 2 = 0 THEN 'ana-${run}' ELSE 'bob-${run}' END,
            CASE WHEN i % 3 = 0 THEN 'dlq.discard' ELSE 'dlq.redrive' END, 'local/orders_' || i || '-${run}.DLQ', jsonb_build_object('i', i), 'ok'
       FROM generate_series(1, 25) i`);
  await db.query(
    `INSERT INTO audit_events (at, actor, action, target, details, outcome)
     SELECT timestamptz '2026-01-01 00:00:00.123456+00', 'tie-${run}', 'dlq.discard', 't', jsonb_build_object('n', n), 'ok' FROM generate_series(1, 2) n`);
});

afterAll(async () => {
  await db.end();
  await disconnectDb();
});

async function all(filter: AuditFilter, pageSize: number): Promise<number[]> {
  const seen: number[] = [];
  let page = await listAuditEvents(filter, pageSize);
  for (;;) {
    seen.push(...page.events.map((e) => Number((e.details as { i?: number; n?: number }).i ?? (e.details as { n?: number }).n)));
    if (page.nextCursor === null) return seen;
    page = await listAuditEvents({ ...filter, cursor: page.nextCursor }, pageSize);
  }
}

describe("listAuditEvents", () => {
  it("pages through every match once, newest first", async () => {
    expect(await all({ ...hour, target: `-${run}.DLQ` }, 7)).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
  });

  it("filters by actor, action, target (contains, any case, wildcards literal) and window", async () => {
    expect(await all({ ...hour, actor: `ana-${run}`, action: "dlq.discard" }, 100)).toEqual([6, 12, 18, 24]);
    expect(await all({ ...hour, target: `ORDERS_1-${run}` }, 100)).toEqual([1]);
    expect(await all({ ...hour, target: `orders%-${run}` }, 100)).toEqual([]);
    expect(await all({ from: new Date(now.getTime() - 10.5 * 60_000), to: hour.to, target: `-${run}.DLQ` }, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps events of the same microsecond apart by id across a page boundary", async () => {
    const window = { from: new Date("2025-12-31T23:00:00Z"), to: new Date("2026-01-01T01:00:00Z"), actor: `tie-${run}` };
    expect(await all(window, 1)).toEqual([2, 1]);
  });
});

describe("auditCsvStream", () => {
  it("streams every page of the filter as CSV, header once", async () => {
    const text = await new Response(await auditCsvStream({ ...hour, actor: `bob-${run}` })).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor,action,target,outcome,details");
    expect(lines).toHaveLength(14);
    expect(lines.slice(1).every((l) => l.includes(`,bob-${run},`))).toBe(true);
  });

  it("is a header alone when nothing matches", async () => {
    expect(await new Response(await auditCsvStream({ ...hour, actor: `nobody-${run}` })).text()).toBe("id,at,actor,action,target,outcome,details\r\n");
  });
});
