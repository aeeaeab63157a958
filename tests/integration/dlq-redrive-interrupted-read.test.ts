// Redrive when another task's call to the same cluster fails while the executor is reading: the worker's
// tasks (DLQ indexer, cluster probe, redrive executor) share one client per cluster, and a failed call drops
// that client's connections, the offset reader with them. A read cut short that way must count as a failed
// read (the job waits and reads again), never as "the range holds only these messages": the in-doubt scan
// would then send again what is already in the target, and a batch would fail messages as deleted by retention.
// OffsetReader.close() (lib/kafka/offset-reader.ts) therefore fails the reads in flight; both tests fail if
// it answers them with the messages they have so far.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedriveJob, getRedriveJob } from "@/lib/dlq";
import { runRedriveExecutor } from "@/lib/dlq/redrive/executor";
import { disconnectDb } from "@/lib/db";
import { closeAllClusters, getClusterClient } from "@/lib/kafka";
import { expectSentExactlyOnce } from "./support/exactly-once";
import { createTopics, deadLetter, deleteTopics, indexAll, produce, readAll } from "./support/redrive-topics";
import { runUntilSettled } from "./support/run-until-settled";
import { operator } from "./support/operators";

const run = `it-cut-${randomUUID().slice(0, 8)}`;
const topics: string[] = [];
const signal = new AbortController().signal;

async function deadLetteredOrders(name: string, count: number): Promise<{ dlq: string; orders: string; jobId: string }> {
  const dlq = `${run}-${name}.DLQ`;
  const orders = `${run}-${name}.orders`;
  topics.push(dlq, orders);
  await createTopics([{ topic: dlq, numPartitions: 1 }, { topic: orders, numPartitions: 1 }]);
  await produce(dlq, Array.from({ length: count }, (_, i) => deadLetter(i, orders)));
  await indexAll(dlq, count);
  const created = await createRedriveJob({
    cluster: "local", topic: dlq, targetTopic: null, velocity: null, overrideBreakers: false, overrideLoopGuard: false, indexedBefore: null, confirmedCount: count,
    operator: operator("ana"), selection: { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending" } },
  });
  expect(created.total).toBe(count);
  return { dlq, orders, jobId: created.jobId };
}

/**
 * Fails one call of "another task" on the local cluster as soon as the offset reader has a read of `topic`
 * in flight. The reader's reads in flight are private; they are looked at through a cast, as that moment
 * cannot be seen from outside. True when the failure landed during such a read.
 */
async function failAnotherCallDuringRead(topic: string, withinMs = 30_000): Promise<boolean> {
  const client = getClusterClient("local");
  const peek = client as unknown as { reader?: { pending: Map<string, unknown> } };
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (peek.reader?.pending.has(`${topic}\u00000`)) {
      await client.admin("another task's call", () => Promise.reject(new Error("the broker did not answer in time"))).catch(() => undefined);
      return true;
    }
    await sleep(1);
  }
  return false;
}


beforeAll(() => {
  vi.stubEnv("FLOWDECK_DLQ_TOPIC_PATTERN", `^${run}-.*\\.DLQ$`); // this file's DLQ topics only
});

afterAll(async () => {
  await deleteTopics(topics);
  await closeAllClusters();
  await disconnectDb();
  vi.unstubAllEnvs();
});

describe("redrive when a read is cut short by another task's failure", () => {
  it("the in-doubt scan does not take a cut-short read for 'not in the target' and send the batch again", { timeout: 120_000 }, async () => {
    const { dlq, orders, jobId } = await deadLetteredOrders("scan", 3_000);
    // A crash after the first batch (2,000 messages) was produced and before it was marked: all in doubt.
    await expect(runRedriveExecutor(signal, { batchSize: 2_000, afterProduce: () => { throw new Error("injected crash after produce"); } }))
      .rejects.toThrow("injected crash");
    expect(await getRedriveJob(jobId)).toMatchObject({ status: "running", sent: 0, inDoubt: true });

    const scan = runRedriveExecutor(signal); // settles what is in doubt by reading the target first
    expect(await failAnotherCallDuringRead(orders), "the failure must land while the scan reads the target").toBe(true);
    await scan.catch(() => undefined); // a failed pass is retried below, as the worker's next run would
    await runUntilSettled(jobId);

    const target = await readAll(orders);
    await expectSentExactlyOnce({ id: jobId, cluster: "local", dlqTopic: dlq, total: 3_000 }, await readAll(dlq), target);
    expect(target).toHaveLength(3_000);
  });

  it("a batch whose DLQ read was cut short does not fail its messages as deleted by retention", { timeout: 120_000 }, async () => {
    const { dlq, orders, jobId } = await deadLetteredOrders("source", 1_000);
    const pass = runRedriveExecutor(signal);
    expect(await failAnotherCallDuringRead(dlq), "the failure must land while the executor reads the DLQ").toBe(true);
    await pass.catch(() => undefined);
    await runUntilSettled(jobId);

    expect(await getRedriveJob(jobId)).toMatchObject({ status: "completed", sent: 1_000, failed: 0 });
    const target = await readAll(orders);
    await expectSentExactlyOnce({ id: jobId, cluster: "local", dlqTopic: dlq, total: 1_000 }, await readAll(dlq), target);
  });
});
