import { randomUUID } from "node:crypto";
import kafkajs from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { closeAllClusters, getClusterClient } from "@/lib/kafka";
import { LOCAL_BROKER } from "./env";
import { produceWithJavaClient } from "./support/java-producer";

const { CompressionTypes } = kafkajs;
const topic = `it-codecs-${randomUUID().slice(0, 8)}`;
const client = () => getClusterClient("local");

afterAll(async () => {
  await client().admin("deleteTopics", (admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
  await closeAllClusters();
});

// The broker decompresses each batch to validate it, so a codec that writes a wrong format fails here.
describe("compressed batches through the real broker", () => {
  it.each([
    ["gzip", CompressionTypes.GZIP],
    ["snappy", CompressionTypes.Snappy],
  ])("produces a %s batch and reads it back", async (_name, compression) => {
    await client().admin("createTopics", (admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
    const before = await client().admin("offsets", (admin) => admin.fetchTopicOffsets(topic));
    const from = BigInt(before[0]?.high ?? "0");
    const values = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, pad: "x".repeat(200) }));
    await client().produce("send", (producer) => producer.send({ topic, compression, messages: values.map((value) => ({ value })) }));
    const read = await client().read({ topic, partition: 0, fromOffset: from, limit: 100 });
    expect(read.messages.map((m) => m.value?.toString())).toEqual(values);
  });

  it.each(["lz4", "zstd", "snappy"] as const)("reads a %s batch written by the Java client", async (codec) => {
    await client().admin("createTopics", (admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
    const before = await client().admin("offsets", (admin) => admin.fetchTopicOffsets(topic));
    const from = BigInt(before[0]?.high ?? "0");
    produceWithJavaClient(LOCAL_BROKER, topic, codec, 30);
    const read = await client().read({ topic, partition: 0, fromOffset: from, limit: 100 });
    expect(read.messages).toHaveLength(30);
    expect(read.messages[29]?.value?.toString()).toBe(`${codec}-29-${"x".repeat(200)}`);
    expect(read.messages[0]?.key?.toString()).toBe("k0");
  });
});
