// A 10 MB message in a DLQ topic that allows it (max.message.bytes 12,000,000; the broker's own default
// is about 1 MB): the indexer records it without choking (its size, a short preview); a redrive to a topic
// that accepts only the default fails that one message as MESSAGE_TOO_LARGE with a clear reason and sends
// the rest of the job; a redrive of it to a topic that allows 12 MB sends it whole.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedriveJob, getRedriveJob, listRedriveItems, type RedriveRequest } from "@/lib/dlq";
import { PREVIEW_LENGTH } from "@/lib/dlq/decode";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { expectKeptCounts } from "./support/exactly-once";
import { countByRedriveId, createTopics, deadLetter, deleteTopics, indexAll, produce, readAll, type DeadLetter } from "./support/redrive-topics";
import { runUntilSettled } from "./support/run-until-settled";
import { operator } from "./support/operators";

const name = `it-large-${randomUUID().slice(0, 8)}`;
const dlq = `${name}.DLQ`;
const orders = `${name}.orders`; // the broker's default max.message.bytes
const large = `${name}.large`;
const TWELVE_MB = "12000000";
const BIG = 5; // the offset of the 10 MB message, among five ordinary ones

/** A JSON document of exactly 10 MiB. */
function tenMegabytes(): Buffer {
  const head = '{"orderId":"order-5","blob":"';
  const tail = '"}';
  return Buffer.from(head + "x".repeat(10 * 1024 * 1024 - head.length - tail.length) + tail);
}
const bigValue = tenMegabytes();

const request = (changes: Partial<RedriveRequest>): RedriveRequest => ({
  cluster: "local", topic: dlq, targetTopic: null, velocity: null, overrideBreakers: false, overrideLoopGuard: false, indexedBefore: null, confirmedCount: null,
  operator: operator("ana"), selection: { kind: "filter", input: { cluster: "local", topic: dlq, status: "pending" } }, ...changes,
});


beforeAll(async () => {
  vi.stubEnv("FLOWDECK_DLQ_TOPIC_PATTERN", `^${name}\\.DLQ$`); // this file's DLQ only: the shared broker holds others
  await createTopics([
    { topic: dlq, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: TWELVE_MB }] },
    { topic: orders, numPartitions: 3 },
    { topic: large, numPartitions: 1, configEntries: [{ name: "max.message.bytes", value: TWELVE_MB }] },
  ]);
  const messages: DeadLetter[] = Array.from({ length: 7 }, (_, i) => deadLetter(i, orders));
  messages[BIG] = { ...deadLetter(BIG, orders), value: bigValue };
  await produce(dlq, messages);
  await indexAll(dlq, messages.length);
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq, orders, large]);
  await closeAllClusters();
  await disconnectDb();
  vi.unstubAllEnvs();
});

describe("redrive of a 10 MB message", () => {
  it("is indexed with its size and a short preview", async () => {
    const { rows } = await getPool().query<{ offset: string; size: number; format: string; preview: string; status: string }>(
      `SELECT "offset"::text, size, format, preview, status FROM dlq_messages WHERE cluster = 'local' AND topic = $1 ORDER BY "offset"`, [dlq]);
    expect(rows.map((r) => r.offset)).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
    const big = rows[BIG];
    expect(big).toMatchObject({ size: 10 * 1024 * 1024, format: "json", status: "pending" });
    expect(big?.preview.length).toBeLessThanOrEqual(PREVIEW_LENGTH);
    expect(big?.preview.startsWith('{"orderId":"order-5","blob":"xxx')).toBe(true);
  });

  it("fails it as MESSAGE_TOO_LARGE for a target that accepts the default ~1 MB, and sends the others", { timeout: 120_000 }, async () => {
    const created = await createRedriveJob(request({}));
    expect(created.total).toBe(7);
    await runUntilSettled(created.jobId);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", total: 7, sent: 6, failed: 1, skipped: 0, inDoubt: false });
    const { items } = await listRedriveItems(created.jobId);
    const big = items.find((i) => i.offset === BigInt(BIG));
    expect(big).toMatchObject({ status: "failed", errorCode: "MESSAGE_TOO_LARGE", targetPartition: null, targetOffset: null });
    // The reason says how large the message is and what the target accepts.
    expect(big?.error).toMatch(new RegExp(`^10,4\\d\\d,\\d{3} bytes; ${name}\\.orders accepts at most 1,048,588 \\(max\\.message\\.bytes\\)\\.$`));
    expect(items.filter((i) => i.offset !== BigInt(BIG)).map((i) => i.status)).toEqual(Array(6).fill("sent"));

    const landed = await readAll(orders);
    expect(landed).toHaveLength(6);
    expect([...countByRedriveId(landed).values()]).toEqual(Array(6).fill(1));
    expect(landed.map((m) => m.key).sort()).toEqual(["order-0", "order-1", "order-2", "order-3", "order-4", "order-6"]);
    for (const item of items.filter((i) => i.status === "sent")) {
      expect(landed.find((m) => m.headers["flowdeck.redrive.id"] === item.id)).toMatchObject({ partition: item.targetPartition, offset: String(item.targetOffset) });
    }
    const { rows } = await getPool().query<{ offset: string; status: string }>(
      `SELECT "offset"::text, status FROM dlq_messages WHERE cluster = 'local' AND topic = $1 ORDER BY "offset"`, [dlq]);
    expect(rows.map((r) => r.status)).toEqual(["redriven", "redriven", "redriven", "redriven", "redriven", "pending", "redriven"]);
    await expectKeptCounts("local", dlq);
  });

  it("sends it whole to a target that allows 12 MB", { timeout: 120_000 }, async () => {
    const created = await createRedriveJob(request({ targetTopic: large }));
    expect(created.total).toBe(1); // the only message still pending
    await runUntilSettled(created.jobId);
    expect(await getRedriveJob(created.jobId)).toMatchObject({ status: "completed", total: 1, sent: 1, failed: 0, inDoubt: false });
    const { items: [item] } = await listRedriveItems(created.jobId);
    expect(item).toMatchObject({ offset: BigInt(BIG), status: "sent", errorCode: null });

    const landed = await readAll(large);
    expect(landed).toHaveLength(1);
    const [message] = landed;
    expect(message).toMatchObject({ partition: item?.targetPartition, offset: String(item?.targetOffset), key: `order-${BIG}` });
    expect(message?.value?.equals(bigValue)).toBe(true);
    expect(message?.headers).toMatchObject({ "event-id": `evt-${BIG}`, "flowdeck.redrive.job": created.jobId, "flowdeck.redrive.id": item?.id, "flowdeck.redrive.count": "1" });
    const { rows } = await getPool().query("SELECT status FROM dlq_messages WHERE cluster = 'local' AND topic = $1 AND \"offset\" = $2", [dlq, BIG]);
    expect(rows).toEqual([{ status: "redriven" }]);
    await expectKeptCounts("local", dlq);
  });
});
