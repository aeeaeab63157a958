import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { closeAllClusters, getClusterClient, listConsumerGroups, listTopics, clusterStatus } from "@/lib/kafka";
import { LOCAL_BROKER } from "./env";

const topic = `it-roundtrip-${randomUUID().slice(0, 8)}`;
const otherTopic = `${topic}-other`;
const client = () => getClusterClient("local");

/** A consumer group that has processed `partition` up to `offset`, as a real service would leave it. */
async function commitAs(groupId: string, topicName: string, partition: number, offset: string): Promise<void> {
  const consumer = new Kafka({ clientId: "it", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING }).consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: topicName });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({ autoCommit: false, eachMessage: () => Promise.resolve() });
  await joined;
  await consumer.commitOffsets([{ topic: topicName, partition, offset }]);
  await consumer.disconnect();
}

afterAll(async () => {
  await client().admin("deleteTopics", (admin) => admin.deleteTopics({ topics: [topic, otherTopic] })).catch(() => {});
  await closeAllClusters();
});

describe("lib/kafka against the local broker", () => {
  it("reports the cluster up with its broker", async () => {
    const status = await clusterStatus("local");
    expect(status.up).toBe(true);
    if (status.up) expect(status.brokers.map((b) => `${b.host}:${b.port}`)).toContain("127.0.0.1:9092");
  });

  it("produces to a new topic and reads the messages back by offset", async () => {
    await client().admin("createTopics", (admin) => admin.createTopics({ topics: [{ topic, numPartitions: 2 }, { topic: otherTopic }], waitForLeaders: true }));
    await client().produce("send", (producer) =>
      producer.send({
        topic,
        messages: Array.from({ length: 5 }, (_, i) => ({ partition: 1, key: `k${i}`, value: JSON.stringify({ n: i }), headers: { "event-id": `e${i}` } })),
      }),
    );

    const all = await client().read({ topic, partition: 1, fromOffset: 0n, limit: 100 });
    expect(all.highWatermark).toBe(5n);
    expect(all.messages.map((m) => m.offset)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(all.messages.map((m) => m.key?.toString())).toEqual(["k0", "k1", "k2", "k3", "k4"]);
    expect(all.messages[3]?.headers["event-id"]?.[0]?.toString()).toBe("e3");
    expect(JSON.parse(all.messages[2]?.value?.toString() ?? "null")).toEqual({ n: 2 });

    const middle = await client().read({ topic, partition: 1, fromOffset: 2n, limit: 2 });
    expect(middle.messages.map((m) => m.offset)).toEqual([2n, 3n]);

    const empty = await client().read({ topic, partition: 0, fromOffset: 0n, limit: 10 });
    expect(empty.messages).toEqual([]);
  });

  it("reads a second topic, which restarts the reader with the larger subscription", async () => {
    await client().produce("send", (producer) => producer.send({ topic: otherTopic, messages: [{ value: "only" }] }));
    const other = await client().read({ topic: otherTopic, partition: 0, fromOffset: 0n, limit: 10 });
    expect(other.messages.map((m) => m.value?.toString())).toEqual(["only"]);
    // The first topic is still readable after the restart.
    const again = await client().read({ topic, partition: 1, fromOffset: 4n, limit: 10 });
    expect(again.messages.map((m) => m.key?.toString())).toEqual(["k4"]);
  });

  it("reads a range that ends in a transaction marker without waiting for more", async () => {
    const producer = new Kafka({ clientId: "it", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING })
      .producer({ transactionalId: `it-tx-${randomUUID()}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({ topic: otherTopic, messages: [{ value: "in a transaction" }] });
    await transaction.commit();
    await producer.disconnect();
    // The coordinator writes the commit marker after commit() returns: wait until it is stable.
    for (let i = 0; i < 40; i++) {
      const offsets = await client().admin("offsets", (admin) => admin.fetchTopicOffsets(otherTopic));
      if (BigInt(offsets[0]?.high ?? "0") >= 3n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const started = Date.now();
    const read = await client().read({ topic: otherTopic, partition: 0, fromOffset: 1n, limit: 100 });
    expect(read.messages.map((m) => m.value?.toString())).toEqual(["in a transaction"]);
    expect(read.highWatermark).toBe(3n); // message at 1, commit marker at 2
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("answers NOT_FOUND for a partition the topic does not have", async () => {
    await expect(client().read({ topic, partition: 7, fromOffset: 0n, limit: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the topic with its message count and a consumer group with its lag", async () => {
    const group = `it-group-${randomUUID().slice(0, 8)}`;
    await commitAs(group, topic, 1, "3");

    const topics = await listTopics("local");
    expect(topics.find((t) => t.name === topic)).toMatchObject({ partitions: 2, messages: 5, sizeBytes: null, isDlq: false });

    const groups = await listConsumerGroups("local");
    const summary = groups.find((g) => g.groupId === group);
    expect(summary?.partitions).toEqual([{ topic, partition: 1, committed: "3", high: "5", lag: 2 }]);
    expect(summary?.totalLag).toBe(2);
    expect(groups.some((g) => g.groupId.startsWith("flowdeck-reader-"))).toBe(false);
  });

  it("lists topics and groups right after another client deleted a topic", async () => {
    const doomed = `${topic}-doomed`;
    await client().admin("createTopics", (admin) => admin.createTopics({ topics: [{ topic: doomed }, { topic: otherTopic }], waitForLeaders: true }));
    expect((await listTopics("local")).some((t) => t.name === doomed)).toBe(true);
    // Deleted by another client, as a team-mate would: Flowdeck's cached metadata still names it.
    const other = new Kafka({ clientId: "it", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING }).admin();
    await other.connect();
    await other.deleteTopics({ topics: [doomed] });
    await other.disconnect();
    const after = await listTopics("local");
    expect(after.some((t) => t.name === otherTopic)).toBe(true);
    expect(after.some((t) => t.name === doomed)).toBe(false);
    await expect(listConsumerGroups("local")).resolves.toBeInstanceOf(Array);
  });
});
