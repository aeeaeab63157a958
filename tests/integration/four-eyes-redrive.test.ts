// The four-eyes rule on bulk redrives, against the real broker and Postgres: a redrive above the size is held
// (nothing produced, its messages held against other jobs), its requester cannot approve it, a second operator
// can and then every message arrives exactly once; rejection, withdrawal and expiry let the messages go; below
// the size or with the rule off nothing waits; of two approvers at once exactly one takes effect.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideApprovalAction } from "@/app/dlq/approvals/actions";
import { startRedriveAction } from "@/app/dlq/[cluster]/[topic]/redrive-actions";
import { getConfig } from "@/lib/config";
import {
  controlRedriveJob, createRedriveJob, decideApprovalRequest, expireApprovalRequests, getApprovalRequestForJob, getRedriveJob, prepareRedrive,
  type RedriveRequest,
} from "@/lib/dlq";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { expectSentExactlyOnce } from "./support/exactly-once";
import { operator } from "./support/operators";
import { createTopics, deadLetter, deleteTopics, indexAll, produce, readAll } from "./support/redrive-topics";
import { raceWhileLocked } from "./support/row-lock";
import { runUntilSettled } from "./support/run-until-settled";
import { makeUser, signInAs, signOutOfRequests } from "./support/sign-in-as";

vi.mock("next/headers", () => import("./support/next-request"));

// Read when the configuration is first loaded, in this file's process: more than 5 messages need a second operator.
process.env.FLOWDECK_FOUR_EYES_ABOVE = "5";
process.env.FLOWDECK_FOUR_EYES_EXPIRY = "3h";

const id = randomUUID().slice(0, 8);
const dlq = `it-four-eyes-${id}.DLQ`;
const orders = `it-four-eyes-${id}.orders`;
const signal = new AbortController().signal;
const ana = operator("ana");
const ben = operator("ben");
const cy = operator("cy");

const request = (changes: Partial<RedriveRequest>): RedriveRequest => ({
  cluster: "local", topic: dlq, targetTopic: null, velocity: null, overrideBreakers: false, overrideLoopGuard: false,
  indexedBefore: null, confirmedCount: null, operator: ana, selection: { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending" } }, ...changes,
});
const range = (from: number, count: number) => ({
  kind: "messages" as const, positions: Array.from({ length: count }, (_, i) => ({ partition: 0, offset: BigInt(from + i) })),
});

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await getPool().query<T>(sql, params)).rows[0];
}
/** How a promise was refused: its code and message (it must be refused). */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(() => new Error("expected a refusal, but it succeeded"), (e: unknown) => e);
  return { code: (error as { code?: string }).code ?? "none", message: (error as Error).message };
}
const sentBy = async (jobId: string) => (await readAll(orders)).filter((m) => m.headers["flowdeck.redrive.job"] === jobId);
const auditOf = async (jobId: string) => (await getPool().query<{ action: string; actor: string; outcome: string; details: Record<string, unknown> }>(
  "SELECT action, actor, outcome, details FROM audit_events WHERE details->>'job' = $1 ORDER BY id", [jobId])).rows;
const itemStatuses = async (jobId: string) => (await getPool().query<{ status: string; n: number }>(
  "SELECT status, count(*)::int AS n FROM redrive_items WHERE job_id = $1 GROUP BY status ORDER BY status", [jobId])).rows;

beforeAll(async () => {
  await createTopics([{ topic: dlq, numPartitions: 1 }, { topic: orders, numPartitions: 3 }]);
  await produce(dlq, Array.from({ length: 90 }, (_, i) => deadLetter(i, orders)));
  await indexAll(dlq, 90);
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq, orders]);
  await closeAllClusters();
  await disconnectDb();
});

describe("four-eyes rule on redrives", () => {
  it("holds a redrive above the size until a second operator approves it; then each message arrives exactly once", async () => {
    const created = await createRedriveJob(request({ selection: range(0, 10) }));
    expect(created).toMatchObject({ total: 10, conflicts: 0, approval: { requestId: expect.any(String) as string } });
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "awaiting_approval", total: 10, sent: 0 });
    const held = await getApprovalRequestForJob(created.jobId);
    expect(held).toMatchObject({ kind: "redrive", status: "awaiting", count: 10, requestedBy: "ana", requestedById: "it:ana", decidedBy: null });
    expect((held?.expiresAt.getTime() ?? 0) - (held?.requestedAt.getTime() ?? 0)).toBe(3 * 3_600_000);

    // The executor never claims it: nothing reaches the target.
    await runRedriveExecutor(signal);
    await runRedriveExecutor(signal);
    expect(await sentBy(created.jobId)).toHaveLength(0);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "awaiting_approval", sent: 0, inDoubt: false });

    // Its messages are held: a second request for them is a CONFLICT, and the dry run counts them as taken.
    expect(await refusal(createRedriveJob(request({ operator: ben, selection: range(0, 10) }))))
      .toEqual({ code: "CONFLICT", message: `10 selected messages are already being redriven by job ${created.jobId}.` });
    expect(await prepareRedrive("local", dlq, range(0, 10), null)).toMatchObject({ inOtherJobs: 10, approvalAbove: 5 });
    expect(await refusal(controlRedriveJob(created.jobId, "cancel", "ana"))).toMatchObject({ code: "CONFLICT" });

    // The requester cannot approve it, under another display name neither: ids decide.
    for (const self of [ana, { ...ana, name: "Ana (laptop)" }]) {
      expect(await refusal(decideApprovalRequest(held?.id ?? "", "approve", self)))
        .toEqual({ code: "FORBIDDEN", message: "You asked for this, so you cannot approve it: a second operator must (four-eyes rule)." });
    }
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "awaiting_approval" });
    await runRedriveExecutor(signal);
    expect(await sentBy(created.jobId)).toHaveLength(0);

    const approved = await decideApprovalRequest(held?.id ?? "", "approve", ben);
    expect(approved).toEqual({ requestId: held?.id, kind: "redrive", status: "approved", jobId: created.jobId, discarded: null });
    expect(await getApprovalRequestForJob(created.jobId)).toMatchObject({ status: "approved", decidedBy: "ben", decidedAt: expect.any(Date) as Date });
    expect(await one("SELECT decided_by_id FROM approval_requests WHERE id = $1", [held?.id])).toEqual({ decided_by_id: "it:ben" });
    expect(await refusal(decideApprovalRequest(held?.id ?? "", "approve", cy))).toMatchObject({ code: "CONFLICT" });
    expect((await refusal(decideApprovalRequest(held?.id ?? "", "reject", cy, "too late"))).message).toMatch(/^This request was already approved by ben at .* UTC; nothing changed\.$/);

    await runUntilSettled(created.jobId);
    await expectSentExactlyOnce({ id: created.jobId, cluster: "local", dlqTopic: dlq, total: 10 }, await readAll(dlq), await readAll(orders));

    const audit = await auditOf(created.jobId);
    expect(audit.map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.redrive", "ana", "ok"],
      ["dlq.redrive.approve", "ana", "denied"],
      ["dlq.redrive.approve", "Ana (laptop)", "denied"],
      ["dlq.redrive.approve", "ben", "ok"],
      ["dlq.redrive.approve", "cy", "failed"],
      ["dlq.redrive.reject", "cy", "failed"],
      ["dlq.redrive.finished", "flowdeck-worker", "ok"],
    ]);
    expect(audit[0]?.details).toMatchObject({ count: 10, actorId: "it:ana", awaitingApproval: { request: held?.id, above: 5 } });
    expect(audit[1]?.details).toMatchObject({ request: held?.id, actorId: "it:ana", requestedById: "it:ana", error: expect.stringContaining("cannot approve") as string });
    expect(audit[3]?.details).toMatchObject({ request: held?.id, actorId: "it:ben", requestedBy: "ana", count: 10 });
  }, 120_000);

  it("lets the messages go when a request is rejected (with a reason) or withdrawn, so they can be redriven again", async () => {
    const first = await createRedriveJob(request({ selection: range(10, 10) }));
    const requestId = first.approval?.requestId ?? "";
    expect(await refusal(decideApprovalRequest(requestId, "reject", ben))).toEqual({ code: "VALIDATION", message: "A rejection needs a reason (a few words the requester will read)." });
    expect(await refusal(decideApprovalRequest(requestId, "reject", ana, "changed my mind"))).toMatchObject({ code: "FORBIDDEN" });
    expect(await decideApprovalRequest(requestId, "reject", ben, "the consumer is not fixed yet")).toMatchObject({ status: "rejected", jobId: first.jobId });
    expect(await getRedriveJob(first.jobId)).toMatchObject({ status: "cancelled", cancelled: 10, sent: 0, finishedAt: expect.any(Date) as Date });
    expect(await itemStatuses(first.jobId)).toEqual([{ status: "cancelled", n: 10 }]);
    expect(await getApprovalRequestForJob(first.jobId)).toMatchObject({ status: "rejected", decidedBy: "ben", decisionReason: "the consumer is not fixed yet" });
    expect(await one("SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND \"offset\" BETWEEN 10 AND 19 AND status = 'pending'", [dlq])).toEqual({ n: 10 });

    // Released: the same messages may be asked for again; only the requester may withdraw that request.
    const second = await createRedriveJob(request({ selection: range(10, 10) }));
    expect(second).toMatchObject({ total: 10, conflicts: 0 });
    const secondId = second.approval?.requestId ?? "";
    expect(await refusal(decideApprovalRequest(secondId, "withdraw", ben)))
      .toEqual({ code: "FORBIDDEN", message: "Only ana, who asked for it, can withdraw this request; reject it instead." });
    expect(await decideApprovalRequest(secondId, "withdraw", ana)).toMatchObject({ status: "withdrawn" });
    expect(await getRedriveJob(second.jobId)).toMatchObject({ status: "cancelled", cancelled: 10 });
    await runRedriveExecutor(signal);
    expect([...await sentBy(first.jobId), ...await sentBy(second.jobId)]).toHaveLength(0);

    expect((await auditOf(first.jobId)).map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.redrive", "ana", "ok"], ["dlq.redrive.reject", "ben", "failed"], ["dlq.redrive.reject", "ana", "denied"], ["dlq.redrive.reject", "ben", "ok"],
    ]);
    expect((await auditOf(first.jobId))[3]?.details).toMatchObject({ reason: "the consumer is not fixed yet", cancelled: 10 });
    expect((await auditOf(second.jobId)).map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.redrive", "ana", "ok"], ["dlq.redrive.withdraw", "ben", "denied"], ["dlq.redrive.withdraw", "ana", "ok"],
    ]);
  }, 60_000);

  it("does not hold a redrive at or below the size", async () => {
    const created = await createRedriveJob(request({ selection: range(20, 5) }));
    expect(created).toMatchObject({ total: 5, approval: null });
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "running" });
    expect(await getApprovalRequestForJob(created.jobId)).toBeNull();
    await runUntilSettled(created.jobId);
    expect(await sentBy(created.jobId)).toHaveLength(5);
  }, 60_000);

  it("holds nothing with the rule off", async () => {
    const config = getConfig();
    // What a restart with FLOWDECK_FOUR_EYES_ABOVE unset gives: the rule is read for each request.
    config.fourEyesAbove = null;
    try {
      const created = await createRedriveJob(request({ selection: range(25, 10) }));
      expect(created).toMatchObject({ total: 10, approval: null });
      await runUntilSettled(created.jobId);
      expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", sent: 10 });
    } finally {
      config.fourEyesAbove = 5;
    }
  }, 60_000);

  it("expires a request nobody decided: a late approval is refused and the messages are let go", async () => {
    const late = await createRedriveJob(request({ selection: range(35, 10) }));
    const swept = await createRedriveJob(request({ selection: range(45, 10) }));
    const fresh = await createRedriveJob(request({ selection: range(55, 10) }));
    // As three hours passing would leave them.
    await getPool().query("UPDATE approval_requests SET expires_at = now() - interval '1 second' WHERE redrive_job_id = ANY($1)", [[late.jobId, swept.jobId]]);
    expect(await getApprovalRequestForJob(late.jobId)).toMatchObject({ status: "expired" }); // shown so before the worker marks it

    expect((await refusal(decideApprovalRequest(late.approval?.requestId ?? "", "approve", ben))).message)
      .toMatch(/^This request expired at .* UTC without a decision; nothing changed\. Ask again if it is still needed\.$/);
    expect(await one("SELECT status, decided_by FROM approval_requests WHERE redrive_job_id = $1", [late.jobId])).toEqual({ status: "expired", decided_by: "flowdeck-worker" });
    expect(await getRedriveJob(late.jobId)).toMatchObject({ status: "cancelled", cancelled: 10 });
    expect(await refusal(decideApprovalRequest(late.approval?.requestId ?? "", "approve", ben))).toMatchObject({ code: "CONFLICT" });

    expect(await expireApprovalRequests()).toBeGreaterThanOrEqual(1);
    expect(await getRedriveJob(swept.jobId)).toMatchObject({ status: "cancelled", cancelled: 10 });
    expect(await itemStatuses(swept.jobId)).toEqual([{ status: "cancelled", n: 10 }]);
    expect(await getRedriveJob(fresh.jobId)).toMatchObject({ status: "awaiting_approval" });
    await runRedriveExecutor(signal);
    expect([...await sentBy(late.jobId), ...await sentBy(swept.jobId), ...await sentBy(fresh.jobId)]).toHaveLength(0);
    // Released: asked for again at once.
    expect(await createRedriveJob(request({ selection: range(35, 10) }))).toMatchObject({ total: 10, conflicts: 0 });

    expect((await auditOf(late.jobId)).map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.redrive", "ana", "ok"], ["dlq.redrive.expire", "flowdeck-worker", "ok"], ["dlq.redrive.approve", "ben", "failed"], ["dlq.redrive.approve", "ben", "failed"],
    ]);
    expect((await auditOf(swept.jobId)).map((e) => [e.action, e.actor])).toEqual([["dlq.redrive", "ana"], ["dlq.redrive.expire", "flowdeck-worker"]]);
    await decideApprovalRequest(fresh.approval?.requestId ?? "", "withdraw", ana);
  }, 60_000);

  it("gives exactly one of two operators approving at once the approval; the job runs once", async () => {
    const created = await createRedriveJob(request({ selection: range(65, 10) }));
    const requestId = created.approval?.requestId ?? "";
    // Both wait until the job's row is let go: the first holds the request's lock meanwhile, the second waits for it.
    const results = await raceWhileLocked("SELECT 1 FROM redrive_jobs WHERE id = $1 FOR UPDATE", [created.jobId],
      [() => decideApprovalRequest(requestId, "approve", ben), () => decideApprovalRequest(requestId, "approve", cy)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; message: string }] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (await getApprovalRequestForJob(created.jobId))?.decidedBy;
    expect(lost[0]).toMatchObject({ code: "CONFLICT" });
    expect(lost[0]?.message).toContain(`already approved by ${winner ?? "?"}`);
    const approvals = (await auditOf(created.jobId)).filter((e) => e.action === "dlq.redrive.approve");
    expect(approvals.map((e) => e.outcome).sort()).toEqual(["failed", "ok"]);

    await runUntilSettled(created.jobId);
    await expectSentExactlyOnce({ id: created.jobId, cluster: "local", dlqTopic: dlq, total: 10 }, await readAll(dlq), await readAll(orders));
  }, 120_000);

  it("checks the rule in the server actions too, for signed-in users: the requester cannot approve, a viewer cannot, another operator can", async () => {
    const [requester, second, viewer] = [await makeUser("operator"), await makeUser("operator"), await makeUser("viewer")];
    await signInAs(requester);
    const started = await startRedriveAction({
      cluster: "local", topic: dlq, selection: { kind: "messages", positions: Array.from({ length: 10 }, (_, i) => `0:${75 + i}`) }, targetTopic: null,
      velocity: null, overrideBreakers: false, overrideLoopGuard: false, asOf: new Date().toISOString(), confirmedCount: null,
    });
    expect(started).toMatchObject({ ok: true, data: { total: 10, awaitingApproval: true } });
    const jobId = started.ok ? started.data.jobId : "";
    const held = await getApprovalRequestForJob(jobId);
    expect(held).toMatchObject({ requestedBy: requester.email, status: "awaiting" });
    const requestId = held?.id ?? "";
    expect(await decideApprovalAction({ requestId, decision: "approve", reason: null }))
      .toEqual({ ok: false, error: { code: "FORBIDDEN", message: "You asked for this, so you cannot approve it: a second operator must (four-eyes rule)." } });
    expect(await decideApprovalAction({ requestId, decision: "reject", reason: "" }))
      .toEqual({ ok: false, error: { code: "VALIDATION", message: "reason: say in a few words why this is rejected" } });
    expect(await decideApprovalAction({ requestId: "not-a-request", decision: "approve", reason: null })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

    await signInAs(viewer);
    expect(await decideApprovalAction({ requestId, decision: "approve", reason: null })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signOutOfRequests();
    expect(await decideApprovalAction({ requestId, decision: "approve", reason: null })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await signInAs(second);
    expect(await decideApprovalAction({ requestId: randomUUID(), decision: "approve", reason: null })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await getRedriveJob(jobId)).toMatchObject({ status: "awaiting_approval" });
    await runRedriveExecutor(signal);
    expect(await sentBy(jobId)).toHaveLength(0);

    expect(await decideApprovalAction({ requestId, decision: "approve", reason: null })).toMatchObject({ ok: true, data: { status: "approved", jobId } });
    await runUntilSettled(jobId);
    expect(await sentBy(jobId)).toHaveLength(10);
    expect((await auditOf(jobId)).map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["dlq.redrive", requester.email, "ok"],
      ["dlq.redrive.approve", requester.email, "denied"],
      ["dlq.redrive.approve", second.email, "ok"],
      ["dlq.redrive.finished", "flowdeck-worker", "ok"],
    ]);
    // The viewer's and the signed-out attempts are audited by the action (neither reached the request).
    const { rows: refused } = await getPool().query<{ actor: string; outcome: string }>(
      "SELECT actor, outcome FROM audit_events WHERE action = 'dlq.approval.approve' AND details->>'request' = $1 ORDER BY id", [requestId]);
    expect(refused).toEqual([{ actor: viewer.email, outcome: "denied" }, { actor: "(not signed in)", outcome: "denied" }]);
  }, 120_000);
});
