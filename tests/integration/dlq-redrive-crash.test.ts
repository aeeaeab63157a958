// Redrive under crashes (DESIGN.md, "Redrive"): the ledger is written, then the batch produced, then marked;
// a process killed between "produced" and "marked" leaves items in doubt, which the next run finds in the
// target partitions by flowdeck.redrive.id before it sends anything again. So after any crash, each of the
// 10,000 messages is in the target exactly once, none is lost, and the ledger and the DLQ index agree.
// First a crash injected right in that window (a child process runs the executor and kills itself after
// batch 5 is produced), then the real worker killed with SIGKILL at random moments and restarted.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createRedriveJob } from "@/lib/dlq";
import type { InDoubtFrom } from "@/lib/dlq/redrive/executor/ledger";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { INTEGRATION_DATABASE_URL, LOCAL_BROKER } from "./env";
import { expectSentExactlyOnce } from "./support/exactly-once";
import { freePort } from "./support/free-port";
import { killStartedProcesses, startFlowdeckProcess, workerEnv } from "./support/flowdeck-process";
import { countByRedriveId, createTopics, deadLetter, deleteTopics, indexAll, produce, readAll } from "./support/redrive-topics";
import { runUntilSettled } from "./support/run-until-settled";
import { operator } from "./support/operators";

const MESSAGES = 10_000;
const BATCH = 500; // small enough that batches follow the crash: 20 in all
// The worker is killed KILLS times, each a random 0 to MAX_KILL_DELAY_MS after it recorded a batch in doubt (the
// job moving): about the time a batch takes here, so a kill may land while the batch is produced, while it is
// marked, or after; 10,000 messages take 20 s or more, so every kill lands mid-job.
const KILLS = 3;
const MAX_KILL_DELAY_MS = 1_000;
const run = `it-crash-${randomUUID().slice(0, 8)}`;
const topics: string[] = [];
let testStarted = Date.now();

/** A line of progress with the seconds since the test began: what a slow or failed run is read from. */
function note(text: string): void {
  console.log(`crash test [${((Date.now() - testStarted) / 1_000).toFixed(1)} s]: ${text}`);
}

/** A DLQ of MESSAGES dead letters over 3 partitions whose original topic (3 partitions) is empty, all indexed. */
async function deadLetteredOrders(name: string): Promise<{ dlq: string; orders: string }> {
  const dlq = `${run}-${name}.DLQ`;
  const orders = `${run}-${name}.orders`;
  topics.push(dlq, orders);
  await createTopics([{ topic: dlq, numPartitions: 3 }, { topic: orders, numPartitions: 3 }]);
  await produce(dlq, Array.from({ length: MESSAGES }, (_, i) => deadLetter(i, orders)));
  await indexAll(dlq, MESSAGES, 120_000);
  note(`${MESSAGES} messages dead-lettered and indexed`);
  return { dlq, orders };
}

async function redriveAll(dlq: string): Promise<string> {
  const created = await createRedriveJob({
    cluster: "local", topic: dlq, targetTopic: null, velocity: null, overrideBreakers: false, overrideLoopGuard: false, indexedBefore: null, confirmedCount: MESSAGES,
    operator: operator("ana"), selection: { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending" } },
  });
  expect(created).toMatchObject({ total: MESSAGES, conflicts: 0 });
  return created.jobId;
}

type JobState = { status: string; sent: number; inDoubt: number; inDoubtFrom: InDoubtFrom | null };
async function jobState(jobId: string): Promise<JobState> {
  const { rows: [row] } = await getPool().query<JobState>(
    `SELECT status, sent, in_doubt_from AS "inDoubtFrom",
            (SELECT count(*)::int FROM redrive_items WHERE job_id = j.id AND status = 'pending' AND id <= j.in_doubt_upto) AS "inDoubt"
       FROM redrive_jobs j WHERE id = $1`, [jobId]);
  if (!row) throw new Error(`no job ${jobId}`);
  return row;
}

async function waitFor(what: string, check: () => Promise<boolean>, withinMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function within<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function childEnv(workerPort: number): Record<string, string> {
  return workerEnv({ databaseUrl: INTEGRATION_DATABASE_URL, broker: LOCAL_BROKER, workerPort, dlqTopicPattern: `^${run}-.*\\.DLQ$` });
}

beforeAll(() => {
  // Only this file's DLQ topics are indexed here too: the shared broker may hold large ones of other runs.
  vi.stubEnv("FLOWDECK_DLQ_TOPIC_PATTERN", `^${run}-.*\\.DLQ$`);
});

beforeEach(() => {
  testStarted = Date.now();
});

afterAll(async () => {
  await killStartedProcesses();
  await deleteTopics(topics);
  await closeAllClusters();
  await disconnectDb();
  vi.unstubAllEnvs();
});

describe("redrive under crashes", () => {
  it("a process killed after producing batch 5 and before marking it: the next run finds the batch in the target and sends nothing twice", { timeout: 180_000 }, async () => {
    const { dlq, orders } = await deadLetteredOrders("a");
    const jobId = await redriveAll(dlq);

    const runner = startFlowdeckProcess("tests/integration/support/redrive-crash-runner.ts", {
      ...childEnv(await freePort()), REDRIVE_CRASH_JOB: jobId, REDRIVE_CRASH_AT_BATCH: "5", REDRIVE_CRASH_BATCH_SIZE: String(BATCH),
    });
    expect(await within("the runner to crash", runner.exited, 90_000), runner.output()).toEqual({ code: null, signal: "SIGKILL" });
    expect(runner.output()).toContain('"msg":"crashing after produce"');

    // Four batches marked sent; the fifth produced, in doubt, with the offsets to look from.
    const crashed = await jobState(jobId);
    expect(crashed).toMatchObject({ status: "running", sent: 4 * BATCH, inDoubt: BATCH });
    const from = crashed.inDoubtFrom?.[orders];
    expect(Object.keys(from ?? {}).sort()).toEqual(["0", "1", "2"]);
    const { rows: items } = await getPool().query<{ id: string; status: string }>("SELECT id::text, status FROM redrive_items WHERE job_id = $1 ORDER BY redrive_items.id", [jobId]);
    const statusOf = new Map(items.map((i) => [i.id, i.status]));
    const batchOf = new Map(items.map((i, rank) => [i.id, Math.floor(rank / BATCH) + 1]));
    const before = (await readAll(orders)).filter((m) => m.headers["flowdeck.redrive.job"] === jobId);
    expect(before).toHaveLength(5 * BATCH); // the fifth batch did reach the target
    expect([...countByRedriveId(before).values()].every((n) => n === 1)).toBe(true);
    // The scan looks in the right place: every item in doubt is at or after the recorded offsets, and what is
    // there besides belongs to the batch before (still being marked when the fifth was recorded), never earlier.
    const at = (m: (typeof before)[number]) => BigInt(m.offset) >= BigInt(from?.[String(m.partition)] ?? "-1");
    const idOf = (m: (typeof before)[number]) => m.headers["flowdeck.redrive.id"] ?? "";
    expect(before.filter((m) => statusOf.get(idOf(m)) === "pending" && !at(m))).toEqual([]);
    expect(before.filter((m) => at(m) && statusOf.get(idOf(m)) !== "pending" && batchOf.get(idOf(m)) !== 4)).toEqual([]);
    expect(before.filter((m) => statusOf.get(idOf(m)) === "pending").every((m) => batchOf.get(idOf(m)) === 5)).toBe(true);

    note(`runner killed itself after batch 5; ${crashed.inDoubt} items in doubt`);
    await runUntilSettled(jobId, 120_000);
    note("job settled by the executor in this process");
    const target = await readAll(orders);
    await expectSentExactlyOnce({ id: jobId, cluster: "local", dlqTopic: dlq, total: MESSAGES }, await readAll(dlq), target);
    expect(target).toHaveLength(MESSAGES); // and nothing else
  });

  it("the worker killed (SIGKILL) at random moments mid-job and restarted: every message still reaches the target exactly once", { timeout: 180_000 }, async () => {
    const { dlq, orders } = await deadLetteredOrders("b");
    const jobId = await redriveAll(dlq);
    // REDRIVE_KILL_AFTER_MS=a,b,c repeats a run's delays: each kill's, after a batch was recorded in doubt.
    const chosen = process.env.REDRIVE_KILL_AFTER_MS?.split(",").map(Number) ?? Array.from({ length: KILLS }, () => Math.floor(Math.random() * MAX_KILL_DELAY_MS));
    if (chosen.length === 0 || !chosen.every((ms) => Number.isInteger(ms) && ms >= 0)) throw new Error(`REDRIVE_KILL_AFTER_MS is a comma-separated list of delays in ms, got "${chosen.join(",")}"`);
    note(`killing the worker ${chosen.join(", ")} ms after it records a batch in doubt (REDRIVE_KILL_AFTER_MS=${chosen.join(",")} repeats these delays)`);
    const env = childEnv(await freePort());

    let sentAtKill = 0;
    let killedInDoubt = 0;
    for (const [round, delay] of chosen.entries()) {
      const worker = startFlowdeckProcess("lib/worker/main.ts", env);
      note(`worker ${worker.pid} started`);
      // Moving: a batch in doubt, past what was sent (or settled) before the last kill.
      await waitFor(`the worker to move the job (round ${round + 1})`, async () => {
        if (!worker.alive()) throw new Error(`the worker exited: ${worker.output()}`);
        const state = await jobState(jobId);
        return state.status !== "running" || (state.inDoubt > 0 && (round === 0 || state.sent > sentAtKill));
      }, 90_000, 20);
      await sleep(delay);
      worker.kill("SIGKILL");
      expect(await within("the killed worker to exit", worker.exited, 10_000)).toEqual({ code: null, signal: "SIGKILL" });
      const state = await jobState(jobId);
      note(`kill ${round + 1} after ${delay} ms: ${state.status}, ${state.sent} sent, ${state.inDoubt} in doubt`);
      if (round === 0) expect(state.status, "the first kill must come before the job completes").toBe("running");
      if (state.status !== "running") break;
      sentAtKill = state.sent;
      if (state.inDoubt > 0) killedInDoubt++;
    }
    note(`${killedInDoubt} of ${chosen.length} kills left items in doubt`);

    const worker = startFlowdeckProcess("lib/worker/main.ts", env);
    await waitFor("the restarted worker to complete the job", async () => {
      if (!worker.alive()) throw new Error(`the worker exited: ${worker.output()}`);
      return (await jobState(jobId)).status !== "running";
    }, 120_000);
    note("job completed by the restarted worker");
    worker.kill("SIGTERM");
    expect(await within("the worker to stop", worker.exited, 30_000), worker.output()).toEqual({ code: 0, signal: null });

    const target = await readAll(orders);
    await expectSentExactlyOnce({ id: jobId, cluster: "local", dlqTopic: dlq, total: MESSAGES }, await readAll(dlq), target);
    expect(target).toHaveLength(MESSAGES); // and nothing else
  });
});

