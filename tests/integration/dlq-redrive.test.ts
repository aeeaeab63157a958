// Redrive against the real broker and Postgres: what is sent and where it lands, the ledger, the counts, the
// loop guard, MESSAGE_TOO_LARGE, the breaker gate, pause/resume/cancel, CONFLICT between two operators, and
// a crash between "produced" and "marked" settled by scanning the target, without sending anything twice.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlRedriveJob, createRedriveJob, getRedriveJob, listRedriveItems, prepareRedrive, type RedriveRequest } from "@/lib/dlq";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { countByRedriveId, createTopics, kafka, deadLetter, deleteTopics, indexAll, produce, readAll } from "./support/redrive-topics";
import { runUntilSettled } from "./support/run-until-settled";
import { operator } from "./support/operators";

// Above ten messages the operator types the count (read when the configuration is first loaded, in this file's process).
process.env.FLOWDECK_REDRIVE_CONFIRM_ABOVE = "10";

const id = randomUUID().slice(0, 8);
const dlq = `it-redrive-${id}.DLQ`;
const orders = `it-redrive-${id}.orders`;
const small = `it-redrive-${id}.small`;
const signal = new AbortController().signal;

const request = (changes: Partial<RedriveRequest>): RedriveRequest => ({
  cluster: "local", topic: dlq, targetTopic: null, velocity: null, overrideBreakers: false, overrideLoopGuard: false,
  indexedBefore: null, confirmedCount: null, operator: operator("ana"), selection: { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending" } }, ...changes,
});
const positions = (...offsets: number[]) => ({ kind: "messages" as const, positions: offsets.map((o) => ({ partition: 0, offset: BigInt(o) })) });

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await getPool().query<T>(sql, params)).rows[0];
}

/** How a request was refused: its code and message (it must be refused). */
async function refusal(request: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await request.then(() => new Error("expected a refusal, but the request succeeded"), (e: unknown) => e);
  return { code: (error as { code?: string }).code ?? "none", message: (error as Error).message };
}


beforeAll(async () => {
  await createTopics([
    { topic: dlq, numPartitions: 1 },
    { topic: orders, numPartitions: 3 },
    { topic: small, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: "4096" }] },
  ]);
  await produce(dlq, [
    ...Array.from({ length: 40 }, (_, i) => deadLetter(i, orders)),
    deadLetter(40, orders, { "flowdeck.redrive.count": "3" }), // redriven three times already: the loop guard holds it
    { ...deadLetter(41, small), value: Buffer.alloc(8_000, 0x61) }, // larger than the small topic accepts
    deadLetter(42, small),
    { ...deadLetter(43, orders), headers: { "dlq.error.type": "NoOrigin" } }, // names no original topic
  ]);
  await indexAll(dlq, 44);
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq, orders, small]);
  await closeAllClusters();
  await disconnectDb();
});

describe("redrive", () => {
  it("refuses bad requests with a clear error and writes nothing", async () => {
    expect(await refusal(createRedriveJob(request({ targetTopic: `it-redrive-${id}.missing` }))))
      .toEqual({ code: "NOT_FOUND", message: `Topic it-redrive-${id}.missing does not exist on local; a redrive does not create topics.` });
    expect(await refusal(createRedriveJob(request({ targetTopic: dlq }))))
      .toEqual({ code: "VALIDATION", message: "The target is the dead-letter topic itself; choose the original topic or another one." });
    expect(await refusal(createRedriveJob(request({}))))
      .toEqual({ code: "VALIDATION", message: "1 of the selected messages name no original topic in their headers; choose a target topic." });
    expect(await refusal(createRedriveJob(request({ selection: positions(999) }))))
      .toEqual({ code: "VALIDATION", message: "No pending message matches the selection; nothing to redrive." });
    await expect(createRedriveJob(request({ selection: positions(0), velocity: 0 }))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await one("SELECT count(*)::int AS n FROM redrive_jobs WHERE source_topic = $1", [dlq])).toEqual({ n: 0 });
  });

  it("previews a redrive without writing: count, targets, loop guard and the first messages as they will be sent", async () => {
    const preparation = await prepareRedrive("local", dlq, positions(0, 1, 40), null);
    expect(preparation).toMatchObject({ count: 3, loopGuarded: 1, inOtherJobs: 0, byTarget: [{ topic: orders, count: 3 }], maxRedrives: 3, confirmAbove: 10 });
    const first = preparation.preview[0];
    expect(first?.key).toBe("order-0");
    expect(first?.headers.map((h) => h.name).sort()).toEqual(["event-id", "flowdeck.redrive.count", "flowdeck.redrive.id", "flowdeck.redrive.job", "tenant", "traceparent"]);
    expect(first?.headers.some((h) => h.name.startsWith("dlq."))).toBe(false);
    expect(preparation.preview[2]?.refusal).toContain("already redriven 3 times");
    expect(await one("SELECT count(*)::int AS n FROM redrive_jobs WHERE source_topic = $1", [dlq])).toEqual({ n: 0 });
  });

  it("sends each message once with its key, value and business headers, and records where it landed", async () => {
    const eleven = positions(...Array.from({ length: 10 }, (_, i) => i), 40);
    expect(await refusal(createRedriveJob(request({ selection: eleven })))).toEqual({
      code: "VALIDATION", message: "A redrive of more than 10 messages needs its count typed to confirm: 11." });
    expect(await refusal(createRedriveJob(request({ selection: eleven, confirmedCount: 12 })))).toEqual({
      code: "VALIDATION", message: "The typed count 12 is not the 11 messages selected now; nothing was started." });
    const created = await createRedriveJob(request({ selection: eleven, confirmedCount: 11 }));
    expect(created).toMatchObject({ total: 11, conflicts: 0 });
    await runUntilSettled(created.jobId);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", total: 11, sent: 10, skipped: 1, failed: 0, inDoubt: false, etaSeconds: null });

    const landed = await readAll(orders);
    expect(landed).toHaveLength(10);
    expect([...countByRedriveId(landed).values()]).toEqual(Array(10).fill(1));
    const { items } = await listRedriveItems(created.jobId);
    for (const item of items.filter((i) => i.status === "sent")) {
      const message = landed.find((m) => m.headers["flowdeck.redrive.id"] === item.id);
      expect(message, `item ${item.id}`).toMatchObject({ partition: item.targetPartition, offset: String(item.targetOffset) });
      const i = Number(item.offset);
      expect(message?.key).toBe(`order-${i}`);
      expect(JSON.parse(message?.value?.toString() ?? "")).toEqual({ orderId: `order-${i}`, amount: i });
      expect(message?.headers).toMatchObject({ "event-id": `evt-${i}`, "tenant": "acme", "flowdeck.redrive.job": created.jobId, "flowdeck.redrive.count": "1" });
      expect(Object.keys(message?.headers ?? {}).filter((h) => h.startsWith("dlq."))).toEqual([]);
      expect(message?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(message?.headers.traceparent).toBe(`00-${item.traceId}-${message?.headers.traceparent?.slice(36, 52)}-01`);
      expect(message?.headers.traceparent?.slice(3, 35)).not.toBe(i.toString(16).padStart(32, "a")); // a new trace, not the original
      expect(item.outcome).toBe("not-seen");
    }
    // The same key lands in the same partition every time (Kafka's default partitioner).
    const byKey = new Map(landed.map((m) => [m.key, m.partition]));
    expect(new Set(byKey.values()).size).toBeGreaterThan(1);
    expect(items.find((i) => i.offset === 40n)).toMatchObject({ status: "skipped", errorCode: "LOOP_GUARD" });

    const statuses = await getPool().query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND \"offset\" <= 10 OR topic = $1 AND \"offset\" = 40 GROUP BY status ORDER BY status", [dlq]);
    expect(statuses.rows).toEqual([{ status: "pending", n: 2 }, { status: "redriven", n: 10 }]);
    expect(await one("SELECT count(*)::int AS n FROM dlq_dispositions WHERE topic = $1 AND kind = 'redriven' AND reason = $2", [dlq, `redrive job ${created.jobId}`])).toEqual({ n: 10 });
    const kept = await one<{ pending: string; redriven: string }>("SELECT pending_count::text AS pending, redriven_count::text AS redriven FROM dlq_topics WHERE topic = $1", [dlq]);
    const recount = await one<{ pending: string; redriven: string }>(
      "SELECT count(*) FILTER (WHERE status = 'pending')::text AS pending, count(*) FILTER (WHERE status = 'redriven')::text AS redriven FROM dlq_messages WHERE topic = $1", [dlq]);
    expect(kept).toEqual(recount);
    const groups = await getPool().query("SELECT error_type, pending_count::int AS n FROM dlq_error_groups WHERE topic = $1 ORDER BY error_type", [dlq]);
    const regrouped = await getPool().query("SELECT error_type, count(*) FILTER (WHERE status = 'pending')::int AS n FROM dlq_messages WHERE topic = $1 GROUP BY error_type ORDER BY error_type", [dlq]);
    expect(groups.rows).toEqual(regrouped.rows);
    const audit = await getPool().query<{ action: string; actor: string; details: Record<string, unknown> }>(
      "SELECT action, actor, details FROM audit_events WHERE details->>'job' = $1 ORDER BY id", [created.jobId]);
    expect(audit.rows.map((r) => [r.action, r.actor])).toEqual([["dlq.redrive", "ana"], ["dlq.redrive.finished", "flowdeck-worker"]]);
    expect(audit.rows[0]?.details).toMatchObject({ count: 11, conflicts: 0, targetTopic: "(original topics)" });
    expect((audit.rows[0]?.details.selection as { messages: string[] }).messages).toEqual([...Array.from({ length: 10 }, (_, i) => `0:${i}`), "0:40"]);
    expect(audit.rows[1]?.details).toMatchObject({ sent: 10, skipped: 1, failed: 0, total: 11, requestedBy: "ana" });
  }, 120_000);

  it("fails a message larger than the target accepts as MESSAGE_TOO_LARGE and goes on", async () => {
    const created = await createRedriveJob(request({ selection: positions(41, 42) }));
    await runUntilSettled(created.jobId);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", sent: 1, failed: 1 });
    const { items } = await listRedriveItems(created.jobId);
    expect(items.find((i) => i.offset === 41n)).toMatchObject({ status: "failed", errorCode: "MESSAGE_TOO_LARGE" });
    expect(items.find((i) => i.offset === 41n)?.error).toContain("accepts at most 4,096");
    expect(await readAll(small)).toHaveLength(1);
    expect(await one("SELECT status FROM dlq_messages WHERE topic = $1 AND \"offset\" = 41", [dlq])).toEqual({ status: "pending" });
  }, 60_000);

  it("gives overlapping messages to one of two operators asking at once; the other gets CONFLICT for them", async () => {
    const [a, b] = await Promise.allSettled([
      createRedriveJob(request({ operator: operator("ana"), selection: positions(10, 11, 12, 13) })),
      createRedriveJob(request({ operator: operator("ben"), selection: positions(12, 13, 14, 15) })),
    ]);
    expect(a.status === "fulfilled" && b.status === "fulfilled").toBe(true);
    const jobs = [a, b].flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(jobs.map((j) => j.total + j.conflicts)).toEqual([4, 4]);
    expect(jobs.map((j) => j.conflicts).sort()).toEqual([0, 2]);
    expect(jobs.find((j) => j.conflicts === 2)?.conflictingJobs).toEqual([jobs.find((j) => j.conflicts === 0)?.jobId]);
    // Asking again for messages that are all taken is a CONFLICT naming the job that has them.
    await expect(createRedriveJob(request({ operator: operator("cy"), selection: positions(12, 13) }))).rejects.toMatchObject({ code: "CONFLICT" });
    for (const job of jobs) await runUntilSettled(job.jobId);
    const landed = (await readAll(orders)).filter((m) => jobs.some((j) => j.jobId === m.headers["flowdeck.redrive.job"]));
    expect(landed.map((m) => m.key).sort()).toEqual(["order-10", "order-11", "order-12", "order-13", "order-14", "order-15"]);
  }, 120_000);

  it("waits while a breaker of a service consuming the target is open, and goes on with an override", async () => {
    await getPool().query(
      `INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors)
       VALUES (date_trunc('minute', now()), 'local', $1, 'consume', $2, 'g', 5, 0)`, [orders, `svc-${id}`]);
    await getPool().query("INSERT INTO breaker_states (service, breaker, state, since) VALUES ($1, 'gateway', 'open', now())", [`svc-${id}`]);
    const preparation = await prepareRedrive("local", dlq, positions(16), null);
    expect(preparation.breakers.map((b) => [b.service, b.breaker, b.topics])).toEqual([[`svc-${id}`, "gateway", [orders]]]);

    const gated = await createRedriveJob(request({ selection: positions(16) }));
    await runRedriveExecutor(signal);
    expect(await getRedriveJob(gated.jobId)).toMatchObject({ status: "running", sent: 0 });
    expect((await getRedriveJob(gated.jobId))?.waitReason).toContain(`breaker svc-${id}/gateway is open`);
    await getPool().query("UPDATE breaker_states SET state = 'closed' WHERE service = $1", [`svc-${id}`]);
    await runUntilSettled(gated.jobId);
    expect(await getRedriveJob(gated.jobId)).toMatchObject({ status: "completed", sent: 1, waitReason: null });

    await getPool().query("UPDATE breaker_states SET state = 'open' WHERE service = $1", [`svc-${id}`]);
    const overridden = await createRedriveJob(request({ selection: positions(17), overrideBreakers: true }));
    await runUntilSettled(overridden.jobId);
    expect(await getRedriveJob(overridden.jobId)).toMatchObject({ status: "completed", sent: 1 });
    await getPool().query("DELETE FROM breaker_states WHERE service = $1", [`svc-${id}`]);
  }, 60_000);

  it("pauses, resumes and cancels; a cancelled job lets its messages go", async () => {
    const created = await createRedriveJob(request({ selection: positions(18, 19, 20, 21) }));
    expect(await controlRedriveJob(created.jobId, "pause", "ana")).toMatchObject({ status: "paused" });
    await runRedriveExecutor(signal);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "paused", sent: 0 });
    await expect(controlRedriveJob(created.jobId, "pause", "ana")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await controlRedriveJob(created.jobId, "cancel", "ana")).toEqual({ status: "cancelled", cancelled: 4 });
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "cancelled", cancelled: 4, sent: 0 });
    await expect(controlRedriveJob(created.jobId, "resume", "ana")).rejects.toMatchObject({ code: "CONFLICT" });
    const again = await createRedriveJob(request({ selection: positions(18, 19) }));
    expect(again).toMatchObject({ total: 2, conflicts: 0 });
    expect(await controlRedriveJob(again.jobId, "pause", "ana")).toMatchObject({ status: "paused" });
    expect(await controlRedriveJob(again.jobId, "resume", "ana")).toMatchObject({ status: "running" });
    await runUntilSettled(again.jobId);
    expect(await getRedriveJob(again.jobId)).toMatchObject({ status: "completed", sent: 2 });
    const actions = await getPool().query<{ action: string }>("SELECT action FROM audit_events WHERE details->>'job' = $1 ORDER BY id", [created.jobId]);
    expect(actions.rows.map((r) => r.action)).toEqual(["dlq.redrive", "dlq.redrive.pause", "dlq.redrive.cancel"]);
  }, 60_000);

  it("settles a batch produced but not marked by finding it in the target, and sends nothing twice", async () => {
    const created = await createRedriveJob(request({ selection: positions(22, 23, 24, 25, 26, 27, 28, 29) }));
    await expect(runRedriveExecutor(signal, { batchSize: 3, afterProduce: (_job, batch) => { if (batch === 2) throw new Error("injected crash after produce"); } }))
      .rejects.toThrow("injected crash");
    const stopped = await getRedriveJob(created.jobId);
    expect(stopped).toMatchObject({ status: "running", sent: 3, inDoubt: true });
    expect(await one(`SELECT count(*)::int AS n FROM redrive_items i JOIN redrive_jobs j ON j.id = i.job_id
                       WHERE i.job_id = $1 AND i.status = 'pending' AND i.id <= j.in_doubt_upto`, [created.jobId])).toEqual({ n: 3 });

    await runUntilSettled(created.jobId);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", sent: 8, inDoubt: false });
    const landed = (await readAll(orders)).filter((m) => m.headers["flowdeck.redrive.job"] === created.jobId);
    expect(landed).toHaveLength(8);
    expect([...countByRedriveId(landed).values()]).toEqual(Array(8).fill(1));
    const { items } = await listRedriveItems(created.jobId);
    for (const item of items) {
      expect(landed.find((m) => m.headers["flowdeck.redrive.id"] === item.id)).toMatchObject({ partition: item.targetPartition, offset: String(item.targetOffset) });
    }
  }, 60_000);

  it("sends again what a worker marked in doubt but never produced, and cancels it instead if the job was cancelled", async () => {
    // As a worker leaves it when it dies after recording a batch in doubt and before producing it.
    const leaveInDoubt = async (jobId: string) => {
      const admin = kafka.admin();
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(orders);
      await admin.disconnect();
      await getPool().query(`UPDATE redrive_jobs SET in_doubt_from = $2,
                               in_doubt_upto = (SELECT max(id) FROM redrive_items WHERE job_id = $1) WHERE id = $1`,
        [jobId, JSON.stringify({ [orders]: Object.fromEntries(offsets.map((o) => [String(o.partition), o.high])) })]);
    };

    const resumed = await createRedriveJob(request({ selection: positions(30, 31) }));
    await leaveInDoubt(resumed.jobId);
    await runUntilSettled(resumed.jobId);
    expect(await getRedriveJob(resumed.jobId)).toMatchObject({ status: "completed", sent: 2, inDoubt: false });
    expect((await readAll(orders)).filter((m) => m.headers["flowdeck.redrive.job"] === resumed.jobId)).toHaveLength(2);

    const cancelled = await createRedriveJob(request({ selection: positions(32, 33) }));
    await leaveInDoubt(cancelled.jobId);
    await getPool().query("UPDATE redrive_jobs SET status = 'cancelled' WHERE id = $1", [cancelled.jobId]);
    await runUntilSettled(cancelled.jobId);
    expect(await getRedriveJob(cancelled.jobId)).toMatchObject({ status: "cancelled", sent: 0, cancelled: 2, inDoubt: false });
    expect((await readAll(orders)).filter((m) => m.headers["flowdeck.redrive.job"] === cancelled.jobId)).toHaveLength(0);
    // Released: another job may take them.
    expect(await createRedriveJob(request({ selection: positions(32, 33) }))).toMatchObject({ total: 2, conflicts: 0 });
  }, 60_000);
});
