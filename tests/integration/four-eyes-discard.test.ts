// The four-eyes rule on bulk discards, against the real broker and Postgres: above the size a discard is a
// request and nothing is discarded; a second operator's approval performs it on the selection as it is then
// (messages that left pending meanwhile are left, messages indexed after the request are not taken); the
// requester cannot approve it; rejection discards nothing; two approvers at once discard once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { discardAction } from "@/app/dlq/[cluster]/[topic]/actions";
import { getConfig } from "@/lib/config";
import { decideApprovalRequest, listAwaitingApprovalRequests, requestDiscard, type DiscardAsk, type DlqSelection } from "@/lib/dlq";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { expectKeptCounts } from "./support/exactly-once";
import { operator } from "./support/operators";
import { createTopics, deadLetter, deleteTopics, indexAll, produce } from "./support/redrive-topics";
import { raceWhileLocked } from "./support/row-lock";
import { makeUser, signInAs } from "./support/sign-in-as";

vi.mock("next/headers", () => import("./support/next-request"));

process.env.FLOWDECK_FOUR_EYES_ABOVE = "5";

const id = randomUUID().slice(0, 8);
const dlq = `it-four-eyes-discard-${id}.DLQ`;
const ana = operator("ana");
const ben = operator("ben");
const cy = operator("cy");
// deadLetter(i) is a Timeout for even i and Poison for odd i; the first 20 sit at offsets 0..19, later ones follow on.
const timeouts: DlqSelection = { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending", errorType: "Timeout" } };
const poison: DlqSelection = { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending", errorType: "Poison" } };
const at = (...offsets: number[]): DlqSelection => ({ kind: "messages", positions: offsets.map((o) => ({ partition: 0, offset: BigInt(o) })) });
const ask = (changes: Partial<DiscardAsk>): DiscardAsk => ({
  cluster: "local", topic: dlq, selection: timeouts, reason: "poison from the v1 client", confirmedCount: null, operator: ana, ...changes,
});

async function statuses(offsets: number[]): Promise<Record<string, number>> {
  const { rows } = await getPool().query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND "offset" = ANY($2::bigint[]) GROUP BY status`, [dlq, offsets]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(() => new Error("expected a refusal, but it succeeded"), (e: unknown) => e);
  return { code: (error as { code?: string }).code ?? "none", message: (error as Error).message };
}
const auditOf = async (requestId: string) => (await getPool().query<{ action: string; actor: string; outcome: string; details: Record<string, unknown> }>(
  "SELECT action, actor, outcome, details FROM audit_events WHERE details->>'request' = $1 OR details->>'approvalRequest' = $1 ORDER BY id", [requestId])).rows;
const evens = (from: number, to: number) => Array.from({ length: (to - from) / 2 + 1 }, (_, i) => from + 2 * i);

beforeAll(async () => {
  await createTopics([{ topic: dlq, numPartitions: 1 }]);
  await produce(dlq, Array.from({ length: 20 }, (_, i) => deadLetter(i, "orders")));
  await indexAll(dlq, 20);
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq]);
  await closeAllClusters();
  await disconnectDb();
});

describe("four-eyes rule on discards", () => {
  it("holds a discard above the size; a second operator's approval performs it on the selection as it is then", async () => {
    expect(await refusal(requestDiscard(ask({ confirmedCount: 9 })))).toEqual({
      code: "VALIDATION", message: "The selection holds 10 pending messages now, not the 9 shown; look again before asking for approval." });
    expect(await listAwaitingApprovalRequests({ cluster: "local", topic: dlq })).toEqual([]);

    const asked = await requestDiscard(ask({ confirmedCount: 10 }));
    expect(asked).toMatchObject({ kind: "awaiting", count: 10 });
    const requestId = asked.kind === "awaiting" ? asked.requestId : "";
    expect(await statuses(evens(0, 18))).toEqual({ pending: 10 });
    expect(await listAwaitingApprovalRequests({ cluster: "local", topic: dlq, kind: "discard" })).toMatchObject([{
      id: requestId, status: "awaiting", count: 10, reason: "poison from the v1 client", requestedBy: "ana", selection: "pending messages with error type “Timeout”",
    }]);

    // Meanwhile: two of its messages are discarded on their own (below the size, at once), and two new ones arrive.
    expect(await requestDiscard(ask({ operator: ben, selection: at(0, 2), reason: "duplicates" }))).toMatchObject({ kind: "discarded", discarded: 2 });
    await produce(dlq, [deadLetter(20, "orders"), deadLetter(22, "orders")]);
    await indexAll(dlq, 22);

    expect(await refusal(decideApprovalRequest(requestId, "approve", ana))).toMatchObject({ code: "FORBIDDEN" });
    expect(await statuses(evens(4, 18))).toEqual({ pending: 8 });

    expect(await decideApprovalRequest(requestId, "approve", ben)).toEqual({ requestId, kind: "discard", status: "approved", jobId: null, discarded: 8 });
    expect(await statuses(evens(4, 18))).toEqual({ discarded: 8 });
    expect(await statuses([20, 21])).toEqual({ pending: 2 }); // indexed after the request (at offsets 20, 21): not what was approved
    const { rows: dispositions } = await getPool().query<{ actor: string; reason: string; n: number }>(
      `SELECT actor, reason, count(*)::int AS n FROM dlq_dispositions WHERE topic = $1 AND "offset" BETWEEN 4 AND 18 GROUP BY actor, reason`, [dlq]);
    expect(dispositions).toEqual([{ actor: "ana", reason: "poison from the v1 client", n: 8 }]);
    await expectKeptCounts("local", dlq);
    expect(await listAwaitingApprovalRequests({ cluster: "local", topic: dlq })).toEqual([]);

    const audit = await auditOf(requestId);
    expect(audit.map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.discard.request", "ana", "ok"], ["dlq.discard.approve", "ana", "denied"], ["dlq.discard", "ana", "ok"], ["dlq.discard.approve", "ben", "ok"],
    ]);
    expect(audit[0]?.details).toMatchObject({ count: 10, reason: "poison from the v1 client", actorId: "it:ana", above: 5 });
    expect(audit[2]?.details).toMatchObject({ discarded: 8, approvedBy: "ben", approvedById: "it:ben", reason: "poison from the v1 client" });
    expect(audit[3]?.details).toMatchObject({ discarded: 8, count: 10, requestedBy: "ana", actorId: "it:ben" });
  }, 60_000);

  it("discards nothing when a request is rejected or withdrawn", async () => {
    const asked = await requestDiscard(ask({ selection: poison, confirmedCount: null }));
    expect(asked).toMatchObject({ kind: "awaiting", count: 10 });
    const requestId = asked.kind === "awaiting" ? asked.requestId : "";
    expect(await decideApprovalRequest(requestId, "reject", ben, "these are still being investigated")).toMatchObject({ status: "rejected", discarded: null });
    expect(await statuses(evens(1, 19))).toEqual({ pending: 10 });
    expect(await refusal(decideApprovalRequest(requestId, "approve", cy))).toMatchObject({ code: "CONFLICT" });
    expect(await statuses(evens(1, 19))).toEqual({ pending: 10 });

    const again = await requestDiscard(ask({ selection: poison }));
    const againId = again.kind === "awaiting" ? again.requestId : "";
    expect(await decideApprovalRequest(againId, "withdraw", ana)).toMatchObject({ status: "withdrawn" });
    expect(await statuses(evens(1, 19))).toEqual({ pending: 10 });
    expect((await auditOf(againId)).map((e) => [e.action, e.actor, e.outcome])).toEqual([["dlq.discard.request", "ana", "ok"], ["dlq.discard.withdraw", "ana", "ok"]]);
  });

  it("discards once when two operators approve at once", async () => {
    const asked = await requestDiscard(ask({ selection: poison }));
    const requestId = asked.kind === "awaiting" ? asked.requestId : "";
    // The first approver holds the request's lock while it waits for a message row; the second waits for the request.
    const results = await raceWhileLocked(`SELECT 1 FROM dlq_messages WHERE topic = $1 AND "offset" = 1 FOR UPDATE`, [dlq],
      [() => decideApprovalRequest(requestId, "approve", ben), () => decideApprovalRequest(requestId, "approve", cy)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const won = results.find((r) => r.status === "fulfilled");
    expect(won?.status === "fulfilled" ? won.value : null).toMatchObject({ status: "approved", discarded: 10 });
    expect(await statuses(evens(1, 19))).toEqual({ discarded: 10 });
    expect(await getPool().query(`SELECT 1 FROM dlq_dispositions WHERE topic = $1 AND "offset" % 2 = 1`, [dlq]).then((r) => r.rowCount)).toBe(10);
    expect((await auditOf(requestId)).filter((e) => e.action === "dlq.discard").length).toBe(1);
    await expectKeptCounts("local", dlq);
  }, 60_000);

  it("discards at once at or below the size, and above it with the rule off", async () => {
    expect(await requestDiscard(ask({ selection: at(20) }))).toMatchObject({ kind: "discarded", discarded: 1, requested: 1 });
    const config = getConfig();
    config.fourEyesAbove = null; // as a restart with FLOWDECK_FOUR_EYES_ABOVE unset
    try {
      await produce(dlq, Array.from({ length: 8 }, (_, i) => deadLetter(30 + 2 * i, "orders")));
      await indexAll(dlq, 30);
      expect(await requestDiscard(ask({ selection: timeouts }))).toMatchObject({ kind: "discarded", discarded: 9 });
    } finally {
      config.fourEyesAbove = 5;
    }
  }, 60_000);

  it("answers the discard action with the request when it waits", async () => {
    await signInAs(await makeUser("operator"));
    await produce(dlq, Array.from({ length: 6 }, (_, i) => deadLetter(50 + 2 * i, "orders")));
    await indexAll(dlq, 36);
    const result = await discardAction({ cluster: "local", topic: dlq, reason: "bulk via the page", selection: { kind: "filter", query: "error=Timeout" }, confirmedCount: 6 });
    expect(result).toMatchObject({ ok: true, data: { kind: "awaiting", count: 6 } });
    expect(await discardAction({ cluster: "local", topic: dlq, reason: "bulk via the page", selection: { kind: "filter", query: "error=Timeout" }, confirmedCount: 7 }))
      .toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await statuses([30, 31, 32, 33, 34, 35])).toEqual({ pending: 6 });
  }, 60_000);
});
