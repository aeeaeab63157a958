import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEGRATION_DATABASE_URL } from "./env";

// Flowdeck itself connects as the app role here, as a deployment does (DATABASE_URL names flowdeck_app).
const APP_URL = (() => {
  const url = new URL(INTEGRATION_DATABASE_URL);
  url.username = "flowdeck_app";
  url.password = "";
  return url.toString();
})();
process.env.DATABASE_URL = APP_URL;

const { applyAuditRetention, recordAuditEvent, reserveAuditEventId } = await import("@/lib/audit");
const { disconnectDb, getPool } = await import("@/lib/db");
const { applySpanRetention } = await import("@/lib/traces/retention");

const APPEND_ONLY = /audit_events is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/;
const DENIED = /permission denied for table audit_events/;
const DAY = 86_400_000;
const run = `${Date.now()}`;

let superuser: pg.Pool;
let app: pg.Pool;

beforeAll(() => {
  // The role exists after the migration; the setup script lets it log in (trust auth on 127.0.0.1 here).
  execFileSync("node", ["scripts/db/roles.mjs", "--app-login"], { env: { ...process.env, DATABASE_URL: INTEGRATION_DATABASE_URL }, stdio: "pipe" });
  superuser = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 2 });
  app = new pg.Pool({ connectionString: APP_URL, max: 2 });
});

afterAll(async () => {
  await superuser.query("SET ROLE flowdeck_audit_owner; UPDATE audit_retention_policy SET minimum_retention_days = 400; RESET ROLE");
  await Promise.all([superuser.end(), app.end(), disconnectDb()]);
});

/** Inserts an event as the superuser (the only one that may choose `at`) and returns its id. */
async function eventAged(days: number, label: string): Promise<string> {
  const { rows } = await superuser.query<{ id: string }>(
    "INSERT INTO audit_events (at, actor, action, target, outcome) VALUES (now() - $1::int * interval '1 day', $2, 'test.retention', $3, 'ok') RETURNING id::text",
    [days, `retention-${run}`, label]);
  return rows[0]?.id ?? "";
}

async function remaining(): Promise<string[]> {
  const { rows } = await superuser.query<{ target: string }>("SELECT target FROM audit_events WHERE actor = $1 ORDER BY at", [`retention-${run}`]);
  return rows.map((r) => r.target);
}

describe("audit_events as the app role", () => {
  it("is the app role Flowdeck connects as, not a superuser nor the audit owner", async () => {
    const { rows: [who] } = await getPool().query<{ user: string; superuser: boolean; owner: boolean }>(
      "SELECT current_user AS user, rolsuper AS superuser, pg_has_role(current_user, 'flowdeck_audit_owner', 'MEMBER') AS owner FROM pg_roles WHERE rolname = current_user");
    expect(who).toEqual({ user: "flowdeck_app", superuser: false, owner: false });
    const { rows: [table] } = await superuser.query<{ owner: string }>("SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'");
    expect(table?.owner).toBe("flowdeck_audit_owner");
  });

  it("records events through recordAuditEvent and reads them back", async () => {
    const id = await recordAuditEvent({ actor: `ana-${run}`, action: "dlq.discard", target: "local/orders.DLQ", details: { reason: "dup" }, outcome: "ok" });
    const { rows } = await app.query("SELECT actor, action, details FROM audit_events WHERE id = $1", [id]);
    expect(rows).toEqual([{ actor: `ana-${run}`, action: "dlq.discard", details: { reason: "dup" } }]);
  });

  it("writes a reserved event at the end of a transaction that also writes other tables", async () => {
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      const reserved = await reserveAuditEventId(client);
      await client.query("INSERT INTO worker_task_runs (task, last_started_at) VALUES ($1, now())", [`audit-${run}`]);
      await client.query("UPDATE worker_task_runs SET runs = runs + 1 WHERE task = $1", [`audit-${run}`]);
      const id = await recordAuditEvent({ actor: `ana-${run}`, action: "dlq.redrive", target: "t", details: { count: 3 }, outcome: "ok" }, client, reserved);
      await client.query("COMMIT");
      expect(id).toBe(reserved);
    } finally {
      client.release();
    }
    const { rows } = await app.query("SELECT details FROM audit_events WHERE id = (SELECT max(id) FROM audit_events WHERE actor = $1)", [`ana-${run}`]);
    expect(rows).toEqual([{ details: { count: 3 } }]);
  });

  it("may not UPDATE, DELETE or TRUNCATE (no privilege), nor pick an event's time or an id ahead of the sequence", async () => {
    await expect(app.query("UPDATE audit_events SET actor = 'mallory'")).rejects.toThrow(DENIED);
    await expect(app.query("DELETE FROM audit_events")).rejects.toThrow(DENIED);
    await expect(app.query("TRUNCATE audit_events")).rejects.toThrow(DENIED);
    await expect(app.query("INSERT INTO audit_events (at, actor, action, target, outcome) VALUES (now() - interval '1 year', 'm', 'a.b', 't', 'ok')"))
      .rejects.toThrow(DENIED);
    await expect(app.query("INSERT INTO audit_events (id, actor, action, target, outcome) VALUES (9000000000000, 'm', 'a.b', 't', 'ok')"))
      .rejects.toThrow(/id 9000000000000 was not drawn from the sequence/);
    await expect(app.query("UPDATE audit_retention_policy SET minimum_retention_days = 1")).rejects.toThrow(/permission denied for table audit_retention_policy/);
    await expect(app.query("ALTER TABLE audit_events DISABLE TRIGGER ALL")).rejects.toThrow(/must be owner of table audit_events/);
  });

  it("reads and writes every other table (granted by the migration and default privileges)", async () => {
    const { rows } = await superuser.query<{ table: string; ok: boolean }>(
      `SELECT c.relname AS table,
              has_table_privilege('flowdeck_app', c.oid, 'SELECT') AND has_table_privilege('flowdeck_app', c.oid, 'INSERT')
              AND has_table_privilege('flowdeck_app', c.oid, 'UPDATE') AND has_table_privilege('flowdeck_app', c.oid, 'DELETE') AS ok
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN ('audit_events', 'audit_retention_policy', '_prisma_migrations')`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.ok).map((r) => r.table)).toEqual([]);
    // The start-up preflight reads which migrations were applied; changing them is the migrator's.
    const { rows: [applied] } = await app.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(applied?.n).toBeGreaterThan(5);
    await expect(app.query("DELETE FROM _prisma_migrations")).rejects.toThrow(/permission denied for table _prisma_migrations/);
  });

  it("keeps span partitions up as the app role (the partition functions run as the table owner)", async () => {
    // A clock ten days on: the app role creates the partitions ahead and drops today's as expired.
    const ahead = await applySpanRetention(new Date(Date.now() + 10 * DAY), 7 * DAY);
    expect(ahead.partitionsCreated).toBeGreaterThan(0);
    expect(ahead.partitionsDropped).toBeGreaterThan(0);
    const back = await applySpanRetention(new Date(), 7 * DAY);
    expect(back.partitionsCreated).toBeGreaterThan(0);
    const { rows } = await superuser.query<{ owner: string }>("SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE tablename LIKE 'spans_p%'");
    expect(rows.map((r) => r.owner)).not.toContain("flowdeck_app");
    await expect(app.query("CREATE TABLE app_made (x int)")).rejects.toThrow(/permission denied for schema/);
  });
});

describe("audit_events for everyone else", () => {
  it("rejects UPDATE, DELETE and TRUNCATE even from a superuser and the owner, with a clear message", async () => {
    const id = await eventAged(0, "fresh");
    await expect(superuser.query("UPDATE audit_events SET actor = 'x' WHERE id = $1", [id])).rejects.toThrow(APPEND_ONLY);
    await expect(superuser.query("DELETE FROM audit_events WHERE id = $1", [id])).rejects.toThrow(APPEND_ONLY);
    await expect(superuser.query("TRUNCATE audit_events")).rejects.toThrow(APPEND_ONLY);
    const owner = await superuser.connect();
    try {
      await owner.query("SET ROLE flowdeck_audit_owner");
      await expect(owner.query("UPDATE audit_events SET actor = 'x' WHERE id = $1", [id])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query("DELETE FROM audit_events WHERE id = $1", [id])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query("TRUNCATE audit_events")).rejects.toThrow(APPEND_ONLY);
    } finally {
      await owner.query("RESET ROLE");
      owner.release();
    }
    expect(await remaining()).toContain("fresh");
  });
});

describe("audit retention", () => {
  it("as the app role cannot delete events the owner's policy keeps, however short a retention it asks for", async () => {
    await eventAged(1, "a day old");
    await eventAged(399, "399 days old");
    await expect(app.query("SELECT flowdeck_audit_purge(interval '1 second')")).rejects.toThrow(/shorter than the minimum of 400 days set by the audit owner/);
    await expect(applyAuditRetention(DAY)).rejects.toThrow(/shorter than the minimum of 400 days/);
    // Nor by announcing a cutoff itself: the guard wants the owner, and the app has no DELETE at all.
    const client = await app.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('flowdeck.audit_purge_cutoff', (now() + interval '1 day')::text, true)");
      await expect(client.query("DELETE FROM audit_events WHERE actor = $1", [`retention-${run}`])).rejects.toThrow(DENIED);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    expect(await remaining()).toEqual(expect.arrayContaining(["a day old", "399 days old"]));
  });

  it("deletes only the events past the cutoff, through the owner's purge function", async () => {
    await eventAged(500, "500 days old");
    await eventAged(401, "401 days old");
    expect(await remaining()).toEqual(expect.arrayContaining(["500 days old", "401 days old", "399 days old", "a day old", "fresh"]));

    // The worker's call (as the app role) with the default 400 days.
    const deleted = await applyAuditRetention(400 * DAY);
    expect(deleted).toBe(2);
    expect(await remaining()).toEqual(["399 days old", "a day old", "fresh"]);

    // The owner lowers the policy; a shorter retention then reaches further back, still not past its cutoff.
    await superuser.query("SET ROLE flowdeck_audit_owner; UPDATE audit_retention_policy SET minimum_retention_days = 30; RESET ROLE");
    const { rows } = await superuser.query<{ n: string }>("SELECT flowdeck_audit_purge(interval '200 days')::text AS n");
    expect(rows[0]?.n).toBe("1");
    expect(await remaining()).toEqual(["a day old", "fresh"]);
  });
});
