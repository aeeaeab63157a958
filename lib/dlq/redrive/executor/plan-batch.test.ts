import { describe, expect, it } from "vitest";
import { partitionChooser, planBatch, recordSize, sourceKey, type LedgerItem, type PlanInput, type SourceMessage } from "./plan-batch";
import { batchLimit } from "./run-job";

const item = (offset: number, targetTopic = "orders"): LedgerItem => ({ id: String(100 + offset), partition: 0, offset: BigInt(offset), targetTopic });
const message = (offset: number, value: string | Buffer, headers: Record<string, string> = {}): SourceMessage => ({
  partition: 0, offset: BigInt(offset), key: Buffer.from(`k-${offset}`), value: Buffer.isBuffer(value) ? value : Buffer.from(value),
  headers: { "dlq.error.type": "Timeout", "event-id": `e-${offset}`, ...headers },
});

function input(items: LedgerItem[], messages: SourceMessage[], maxMessageBytes = 10_000): PlanInput {
  return {
    jobId: "job-1", items, maxRedrives: 3, overrideLoopGuard: false,
    messages: new Map(messages.map((m) => [sourceKey(m.partition, m.offset), m])),
    targets: new Map([["orders", { partitions: [0, 1, 2], maxMessageBytes }]]),
    choosePartition: () => 0,
  };
}

describe("planBatch", () => {
  it("sends in ledger order with the redrive headers, and fails what is gone or too large, skipping what the loop guard holds", () => {
    const plan = planBatch(input(
      [item(1), item(2), item(3), item(4)],
      [message(1, "{}"), message(3, Buffer.alloc(20_000)), message(4, "{}", { "flowdeck.redrive.count": "3" })],
    ));
    expect(plan.sends.map((s) => s.item.offset)).toEqual([1n]);
    expect(plan.sends[0]?.message.headers["flowdeck.redrive.id"]?.toString()).toBe("101");
    expect(plan.sends[0]?.message.headers["dlq.error.type"]).toBeUndefined();
    expect(plan.failures.map((f) => [f.item.offset, f.status, f.code])).toEqual([
      [2n, "failed", "EXPIRED"], [3n, "failed", "MESSAGE_TOO_LARGE"], [4n, "skipped", "LOOP_GUARD"],
    ]);
    expect(plan.failures[1]?.error).toContain("at most 10,000");
  });

  it("keeps each target partition's batch under max.message.bytes, and defers the rest of that partition in order", () => {
    const value = Buffer.alloc(3_000);
    const plan = planBatch(input([item(1), item(2), item(3), item(4)], [message(1, value), message(2, value), message(3, value), message(4, "{}")]));
    expect(plan.sends.map((s) => s.item.offset)).toEqual([1n, 2n, 3n]);
    const sizes = plan.sends.reduce((sum, s) => sum + recordSize(s.message), 0);
    expect(sizes).toBeLessThanOrEqual(10_000);
    expect(plan.deferred.map((i) => i.offset)).toEqual([4n]); // small enough, but it must not overtake anything
  });
});

describe("partitionChooser", () => {
  it("puts a key where Kafka's default partitioner (murmur2, as the Java client) does", () => {
    const choose = partitionChooser();
    const layout = { partitions: [0, 1, 2, 3, 4, 5], maxMessageBytes: 1_000_000 };
    // Computed with the Java client: Utils.toPositive(Utils.murmur2(key.getBytes())) % 6.
    expect(["order-1", "order-2", "order-3", "tenant-42"].map((k) => choose("t", layout, Buffer.from(k)))).toEqual([4, 3, 3, 2]);
    const spread = new Set(Array.from({ length: 50 }, (_, i) => choose("t", layout, Buffer.from(`order-${i}`))));
    expect(spread.size).toBe(6);
  });
});

describe("batchLimit", () => {
  it("is the batch size without a limit, and about a quarter second's worth with one", () => {
    expect(batchLimit(null, 500)).toBe(500);
    expect(batchLimit(500, 500)).toBe(125);
    expect(batchLimit(2, 500)).toBe(1);
    expect(batchLimit(100_000, 500)).toBe(500);
  });
});
