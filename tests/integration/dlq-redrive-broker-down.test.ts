// Redrive through a broker outage: a job under a velocity limit is moving when its cluster's only broker is
// killed, right after a batch was produced and before the executor heard back (so the batch is in doubt).
// The job must say why it waits (wait_reason, still running) and send nothing while the broker is down;
// when the broker is back it settles the batch in doubt, goes on by itself and completes, every message in
// the target exactly once. The broker is a throwaway one of this file's own; the executor runs here, as the
// worker's redrive-executor task does.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedriveJob, getRedriveJob } from "@/lib/dlq";
import { runRedriveExecutor, type ExecutorOptions } from "@/lib/dlq/redrive/executor";
import { disconnectDb, getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/log";
import { closeAllClusters } from "@/lib/kafka";
import { expectSentExactlyOnce } from "./support/exactly-once";
import { deadLetter, indexAll, topicsOn, type TopicsHelper } from "./support/redrive-topics";
import { startThrowawayBroker, type ThrowawayBroker } from "./support/throwaway-broker";
import { operator } from "./support/operators";

const CLUSTER = "outage";
const MESSAGES = 2_000;
const VELOCITY = 200; // messages per second: 10 s for the whole job, in batches of 50
const BATCH = 50;
const OUTAGE_AT_BATCH = 8;
const LOST_ACK = `the broker went down before acknowledging batch ${OUTAGE_AT_BATCH}`;
const name = `it-outage-${randomUUID().slice(0, 8)}`;
const dlq = `${name}.DLQ`;
const orders = `${name}.orders`;

let broker: ThrowawayBroker | undefined;
let topics: TopicsHelper;
const stopExecutor = new AbortController();
let executor: Promise<void> = Promise.resolve();
const executorErrors: string[] = [];
let testStarted = Date.now();

function note(text: string): void {
  console.log(`broker-down test [${((Date.now() - testStarted) / 1_000).toFixed(1)} s]: ${text}`);
}

/** The worker's redrive-executor task, in this process: a pass every second; a failed pass is noted and the next one runs. */
async function executorLoop(signal: AbortSignal, options: ExecutorOptions): Promise<void> {
  while (!signal.aborted) {
    await runRedriveExecutor(signal, options).catch((error: unknown) => {
      if (!signal.aborted) executorErrors.push(errorMessage(error));
    });
    await sleep(1_000, undefined, { signal }).catch(() => undefined);
  }
}

type JobRow = { status: string; sent: number; inDoubt: number; waitReason: string | null };
async function job(jobId: string): Promise<JobRow> {
  const { rows: [row] } = await getPool().query<JobRow>(
    `SELECT status, sent, wait_reason AS "waitReason",
            (SELECT count(*)::int FROM redrive_items WHERE job_id = j.id AND status = 'pending' AND id <= j.in_doubt_upto) AS "inDoubt"
       FROM redrive_jobs j WHERE id = $1`, [jobId]);
  if (!row) throw new Error(`no job ${jobId}`);
  return row;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  broker = await startThrowawayBroker();
  // Flowdeck's configuration for this process, read once on first use: one cluster, the throwaway broker,
  // and a short Kafka timeout so the outage is noticed quickly.
  vi.stubEnv("FLOWDECK_CLUSTERS", CLUSTER);
  vi.stubEnv("FLOWDECK_DEFAULT_CLUSTER", CLUSTER);
  vi.stubEnv("KAFKA_OUTAGE_BROKERS", broker.address);
  vi.stubEnv("FLOWDECK_KAFKA_TIMEOUT", "3s");
  topics = topicsOn(broker.address);
}, 150_000);

afterAll(async () => {
  stopExecutor.abort();
  await executor;
  await closeAllClusters();
  await disconnectDb();
  await broker?.destroy();
  vi.unstubAllEnvs();
}, 60_000);

describe("redrive while the broker is down", () => {
  it("waits with a reason and sends nothing while the broker is down, then goes on by itself and sends each message exactly once", { timeout: 180_000 }, async () => {
    testStarted = Date.now();
    if (!broker) throw new Error("no broker");
    await topics.createTopics([{ topic: dlq, numPartitions: 2 }, { topic: orders, numPartitions: 3 }]);
    await topics.produce(dlq, Array.from({ length: MESSAGES }, (_, i) => deadLetter(i, orders)));
    await indexAll(dlq, MESSAGES, 60_000, CLUSTER);
    const created = await createRedriveJob({
      cluster: CLUSTER, topic: dlq, targetTopic: null, velocity: VELOCITY, overrideBreakers: false, overrideLoopGuard: false, indexedBefore: null, confirmedCount: MESSAGES,
      operator: operator("ana"), selection: { kind: "filter", input: { cluster: CLUSTER, topic: dlq, status: "pending" } },
    });
    expect(created).toMatchObject({ total: MESSAGES, conflicts: 0 });
    note("job created");

    // The outage: batch 8 reached the broker, then the broker died before its acknowledgement came back.
    let outageAt: number | null = null;
    const outage = broker;
    executor = executorLoop(stopExecutor.signal, {
      afterProduce: async (_job, batch) => {
        if (outageAt !== null || batch < OUTAGE_AT_BATCH) return;
        outageAt = batch;
        await outage.kill();
        note(`broker killed after batch ${batch} was produced`);
        throw new AppError("UNAVAILABLE", LOST_ACK);
      },
    });

    // The executor's own reason, from a pass after the outage (the first one only repeats the lost acknowledgement).
    const waiting = await waitFor("a wait reason from the executor", async () => {
      const row = await job(created.jobId);
      return row.waitReason !== null && !row.waitReason.includes(LOST_ACK) ? row : undefined;
    }, 60_000);
    note(`${waiting.waitReason ?? ""} (${waiting.sent} sent, ${waiting.inDoubt} in doubt)`);
    expect(outageAt).toBe(OUTAGE_AT_BATCH);
    expect(waiting).toMatchObject({ status: "running", sent: (OUTAGE_AT_BATCH - 1) * BATCH, inDoubt: BATCH });
    expect(waiting.waitReason).toMatch(new RegExp(`^Waiting: Cluster ${CLUSTER}\\b`));
    expect((await getRedriveJob(created.jobId))?.waitReason).toBe(waiting.waitReason);
    // Several executor passes later it still waits, has marked nothing more sent, and what is in doubt stays in
    // doubt: it can only be settled by reading the target, which is down.
    await sleep(6_000);
    const later = await job(created.jobId);
    expect(later).toMatchObject({ status: "running", sent: waiting.sent, inDoubt: BATCH });
    expect(later.waitReason).toMatch(/^Waiting: /);

    await broker.start();
    note("broker started again");
    await waitFor("the job to complete", async () => ((await job(created.jobId)).status === "running" ? undefined : true), 90_000);
    note("job completed");
    expect(executorErrors).toEqual([]);

    const target = await topics.readAll(orders);
    await expectSentExactlyOnce({ id: created.jobId, cluster: CLUSTER, dlqTopic: dlq, total: MESSAGES }, await topics.readAll(dlq), target);
    expect(target).toHaveLength(MESSAGES); // and nothing else
    note("checked");
  });
});
