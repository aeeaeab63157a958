// Sign-in and roles against the real store and broker: a viewer or a signed-out caller cannot act, and
// nothing is produced or recorded as done; sign-in is limited per address and per account; disabling a
// user or changing their password ends their sessions; every attempt is audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { discardAction } from "@/app/dlq/[cluster]/[topic]/actions";
import { startRedriveAction } from "@/app/dlq/[cluster]/[topic]/redrive-actions";
import { controlJobAction } from "@/app/dlq/jobs/[id]/actions";
import { GET as payloadRoute } from "@/app/api/dlq/[cluster]/[topic]/payload/route";
import { GET as auditExport } from "@/app/api/audit/export/route";
import { currentOperator } from "@/lib/auth";
import { getAuth } from "@/lib/auth/better-auth";
import { ACCOUNT_LOCK_FAILURES } from "@/lib/auth/sign-in-events";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { createLocalUser, disableUser, enableUser, findUserIdByEmail, setUserPassword, setUserRole } from "@/lib/users";
import { createTopics, deadLetter, deleteTopics, indexAll, kafka, produce } from "./support/redrive-topics";
import { makeUser, signInAs, signOutOfRequests, type TestUser } from "./support/sign-in-as";

vi.mock("next/headers", () => import("./support/next-request"));

const id = randomUUID().slice(0, 8);
const dlq = `it-auth-${id}.DLQ`;
const orders = `it-auth-${id}.orders`;
const ORIGIN = "http://127.0.0.1:3000";
let viewer: TestUser;
let operator: TestUser;

beforeAll(async () => {
  await createTopics([{ topic: dlq, numPartitions: 1 }, { topic: orders, numPartitions: 1 }]);
  await produce(dlq, [0, 1, 2].map((i) => deadLetter(i, orders)));
  await indexAll(dlq, 3);
  viewer = await makeUser("viewer");
  operator = await makeUser("operator");
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq, orders]);
  await closeAllClusters();
  await disconnectDb();
});

async function ordersDepth(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(orders)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function pendingCount(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND status = 'pending'", [dlq]);
  return rows[0]?.n ?? -1;
}

const all = { kind: "messages" as const, positions: ["0:0", "0:1", "0:2"] };
const redrive = () => startRedriveAction({ cluster: "local", topic: dlq, selection: all, targetTopic: null, velocity: null,
  overrideBreakers: false, overrideLoopGuard: false, asOf: new Date().toISOString(), confirmedCount: null });
const discard = () => discardAction({ cluster: "local", topic: dlq, reason: "poison messages", selection: all });

/** A Better Auth endpoint called over HTTP, as a browser would, from a given address. */
function authRequest(path: string, body: unknown, options: { ip: string; origin?: string; cookie?: string }): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: options.origin ?? ORIGIN, "x-forwarded-for": options.ip };
  if (options.cookie) headers.cookie = options.cookie;
  return getAuth().handler(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}
const someIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

describe("a viewer", () => {
  it("gets FORBIDDEN from redrive, discard and job control, and nothing is produced, discarded or started", async () => {
    await signInAs(viewer);
    expect(await redrive()).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await discard()).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await controlJobAction({ jobId: randomUUID(), control: "cancel" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await ordersDepth()).toBe(0);
    expect(await pendingCount()).toBe(3);
    const jobs = await getPool().query("SELECT 1 FROM redrive_jobs WHERE source_topic = $1", [dlq]);
    expect(jobs.rowCount).toBe(0);
    const { rows } = await getPool().query<{ action: string; outcome: string }>(
      "SELECT action, outcome FROM audit_events WHERE actor = $1 ORDER BY id", [viewer.email]);
    expect(rows.filter((r) => r.action !== "auth.sign-in")).toEqual([
      { action: "dlq.redrive", outcome: "denied" }, { action: "dlq.discard", outcome: "denied" }, { action: "dlq.redrive.cancel", outcome: "denied" }]);
  });

  it("may read: the payload download and the audit export answer a viewer", async () => {
    await signInAs(viewer);
    const payload = await payloadRoute(new Request(`${ORIGIN}/api/dlq/local/${dlq}/payload?partition=0&offset=0`), { params: Promise.resolve({ cluster: "local", topic: dlq }) });
    expect(payload.status).toBe(200);
    expect((await auditExport(new Request(`${ORIGIN}/api/audit/export`))).status).toBe(200);
  });
});

describe("a caller who is not signed in", () => {
  it("gets UNAUTHENTICATED from actions and 401 from routes", async () => {
    signOutOfRequests();
    expect(await discard()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await redrive()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const payload = await payloadRoute(new Request(`${ORIGIN}/api/dlq/local/${dlq}/payload?partition=0&offset=0`), { params: Promise.resolve({ cluster: "local", topic: dlq }) });
    expect(payload.status).toBe(401);
    expect((await auditExport(new Request(`${ORIGIN}/api/audit/export`))).status).toBe(401);
    expect(await pendingCount()).toBe(3);
  });

  it("is signed out when the session expires", async () => {
    const user = await makeUser("viewer");
    await signInAs(user);
    expect((await currentOperator())?.name).toBe(user.email);
    const userId = (await findUserIdByEmail(user.email)) ?? "";
    await getPool().query(`UPDATE auth_sessions SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [userId]);
    expect(await currentOperator()).toBeNull();
  });

  it("is not signed in by a forged or stale cookie", async () => {
    const { setRequestCookie } = await import("./support/next-request");
    setRequestCookie("flowdeck.session_token=forged-token.c2lnbmF0dXJl");
    expect(await currentOperator()).toBeNull();
  });
});

describe("an operator", () => {
  it("may discard (the action is theirs in the audit trail)", async () => {
    await signInAs(operator);
    expect(await discard()).toEqual({ ok: true, data: { kind: "discarded", discarded: 3, requested: 3 } });
    const { rows } = await getPool().query("SELECT actor FROM dlq_dispositions WHERE topic = $1", [dlq]);
    expect(rows.map((r) => (r as { actor: string }).actor)).toEqual([operator.email, operator.email, operator.email]);
  });
});

describe("user changes", () => {
  it("disabling a user ends their sessions at once and refuses their sign-in; enabling lets them back", async () => {
    const user = await makeUser("operator");
    await signInAs(user);
    expect((await currentOperator())?.name).toBe(user.email);
    const userId = (await findUserIdByEmail(user.email)) ?? "";
    await disableUser(userId, "left the team", "admin@flowdeck.test");
    expect(await currentOperator()).toBeNull();
    await expect(signInAs(user)).rejects.toThrow(/signing in .* failed/);
    await enableUser(userId, "admin@flowdeck.test");
    await signInAs(user);
    expect((await currentOperator())?.roles).toEqual(["viewer", "operator"]);
  });

  it("a new password ends the old sessions; a role change applies to the next request", async () => {
    const user = await makeUser("viewer");
    await signInAs(user);
    const userId = (await findUserIdByEmail(user.email)) ?? "";
    await setUserRole(userId, "operator", "admin@flowdeck.test");
    expect((await currentOperator())?.roles).toEqual(["viewer", "operator"]);
    await setUserPassword(userId, "a-brand-new-password", "admin@flowdeck.test");
    expect(await currentOperator()).toBeNull();
    await signInAs({ ...user, password: "a-brand-new-password" });
    expect((await currentOperator())?.name).toBe(user.email);
  });

  it("refuses to leave no active admin, a duplicate email, and an unknown user", async () => {
    const { rows } = await getPool().query<{ id: string }>("SELECT id FROM auth_users WHERE role = 'admin' AND coalesce(banned, false) = false");
    const admin = rows.length === 0 ? await makeUser("admin") : null;
    const adminIds = admin ? [(await findUserIdByEmail(admin.email)) ?? ""] : rows.map((r) => r.id);
    // Demote all but one, then the last one is refused.
    for (const adminId of adminIds.slice(1)) await setUserRole(adminId, "operator", "test");
    const last = adminIds[0] ?? "";
    await expect(setUserRole(last, "viewer", "test")).rejects.toThrow("This is the last active admin");
    await expect(disableUser(last, "testing", "test")).rejects.toThrow("This is the last active admin");
    await expect(createLocalUser({ email: viewer.email, name: "again", role: "viewer", password: "long-enough-password" }, "test")).rejects.toThrow("already exists");
    await expect(setUserRole(randomUUID(), "viewer", "test")).rejects.toThrow("No user with id");
    for (const adminId of adminIds.slice(1)) await setUserRole(adminId, "admin", "test");
  });
});

describe("sign-in over HTTP", () => {
  it("is audited, ok and failed, with the address", async () => {
    const ip = someIp();
    expect((await authRequest("/sign-in/email", { email: viewer.email, password: "wrong-password-x" }, { ip })).status).toBe(401);
    expect((await authRequest("/sign-in/email", { email: viewer.email, password: viewer.password }, { ip })).status).toBe(200);
    const { rows } = await getPool().query<{ outcome: string; ip: string }>(
      "SELECT outcome, details->>'ip' AS ip FROM audit_events WHERE action = 'auth.sign-in' AND target = $1 ORDER BY id DESC LIMIT 2", [viewer.email]);
    expect(rows).toEqual([{ outcome: "ok", ip }, { outcome: "failed", ip }]);
  });

  it(`locks an account after ${ACCOUNT_LOCK_FAILURES} failures, even for the right password, whatever the address`, async () => {
    const user = await makeUser("operator");
    for (let i = 0; i < ACCOUNT_LOCK_FAILURES; i++) {
      expect((await authRequest("/sign-in/email", { email: user.email, password: `guess-number-${i}` }, { ip: someIp() })).status).toBe(401);
    }
    const locked = await authRequest("/sign-in/email", { email: user.email, password: user.password }, { ip: someIp() });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ message: expect.stringContaining("Too many failed sign-ins for this account") as unknown });
  });

  it("limits sign-in attempts per address", async () => {
    const ip = someIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await authRequest("/sign-in/email", { email: `nobody-${randomUUID()}@flowdeck.test`, password: "not-a-password" }, { ip })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("refuses a sign-out from another origin with a valid session cookie, and signs out from its own", async () => {
    const cookie = await signInAs(operator);
    const foreign = await authRequest("/sign-out", {}, { ip: someIp(), origin: "https://evil.example", cookie });
    expect(foreign.status).toBe(403);
    expect((await currentOperator())?.name).toBe(operator.email);
    expect((await authRequest("/sign-out", {}, { ip: someIp(), cookie })).status).toBe(200);
    expect(await currentOperator()).toBeNull();
  });

  it("has no sign-up and no self-service profile change", async () => {
    const ip = someIp();
    const signUp = await authRequest("/sign-up/email", { email: `new-${randomUUID()}@flowdeck.test`, password: "long-enough-password", name: "x" }, { ip });
    expect(signUp.status).toBe(404);
    const cookie = await signInAs(viewer);
    const update = await authRequest("/update-user", { name: "root", role: "admin" }, { ip, cookie });
    expect(update.status).toBe(404);
    expect((await currentOperator())?.roles).toEqual(["viewer"]);
  });
});
