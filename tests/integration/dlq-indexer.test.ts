// The DLQ index against the real broker and Postgres: topics found by name and by headers, every message's
// metadata indexed once across repeated runs, the kept counts equal to a recount, and messages deleted by
// retention shown as expired.
import { randomUUID } from "node:crypto";
import { CompressionTypes, Kafka, logLevel, type Message } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverByHeaders, discoverByName, indexCluster, indexPartition } from "@/lib/dlq";
import { disconnectDb, getPool } from "@/lib/db";
import { int32, int64 } from "@/lib/dlq/decode/testing/binary-headers";
import { closeAllClusters } from "@/lib/kafka";
import { LOCAL_BROKER } from "./env";
import { deleteRecordsWithJavaClient } from "./support/java-producer";

const run = randomUUID().slice(0, 8);
const dlq = `it-dlq-${run}.orders.DLQ`;
const hidden = `it-dlq-${run}-failed-orders`;
const kafka = new Kafka({ clientId: "it-dlq", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING });
// Without auto-creation: a producer that knew a deleted topic would otherwise bring it back on its next send.
const producer = kafka.producer({ allowAutoTopicCreation: false });
const admin = kafka.admin();
const signal = new AbortController().signal;


const flowdeckMessage = (i: number): Message => ({
  key: `order-${i}`,
  value: JSON.stringify({ orderId: `order-${i}`, amountCents: "12.99 EUR" }),
  headers: {
    "event-id": `evt-${i}`,
    traceparent: `00-${"ab".repeat(16)}-${"cd".repeat(8)}-01`,
    "dlq.original.topic": "orders.payment",
    "dlq.original.partition": "1",
    "dlq.original.offset": String(100 + i),
    "dlq.consumer.group": "payment-service",
    "dlq.error.type": i % 3 === 0 ? "GatewayUnavailableError" : "PoisonMessageError",
    "dlq.error.message": "message does not match its schema",
    "dlq.attempts": "4",
  },
});

const springMessage: Message = {
  key: Buffer.from([0xff, 0x00, 0x81]),
  value: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x41]),
  headers: {
    "kafka_dlt-original-topic": "payments",
    "kafka_dlt-original-partition": int32(2),
    "kafka_dlt-original-offset": int64(9_007_199_254_740_993n),
    "kafka_dlt-exception-fqcn": "org.springframework.kafka.listener.ListenerExecutionFailedException",
    "kafka_dlt-exception-message": "<script>alert('x')</script>",
    "kafka_dlt-original-consumer-group": "payments-java",
    "not-utf8": Buffer.from([0xc3, 0x28]),
  },
};

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await getPool().query<Record<string, unknown>>(sql, params);
  return Number(Object.values(rows[0] ?? {})[0] ?? -1);
}

/** The kept counts, recounted from the rows: they must always agree. */
async function countsAgree(topic: string): Promise<void> {
  const { rows } = await getPool().query<{ kept: string; counted: string }>(
    `SELECT (SELECT pending_count FROM dlq_topics WHERE cluster = 'local' AND topic = $1)::text AS kept,
            (SELECT count(*) FROM dlq_messages WHERE cluster = 'local' AND topic = $1 AND status = 'pending')::text AS counted`, [topic]);
  expect(rows[0]?.kept).toBe(rows[0]?.counted);
  const groups = await getPool().query<{ error_type: string; pending: string; counted: string }>(
    `SELECT g.error_type, g.pending_count::text AS pending,
       (SELECT count(*) FROM dlq_messages m WHERE m.cluster = g.cluster AND m.topic = g.topic AND m.error_type = g.error_type AND m.status = 'pending')::text AS counted
     FROM dlq_error_groups g WHERE g.cluster = 'local' AND g.topic = $1`, [topic]);
  for (const group of groups.rows) expect(group.pending, group.error_type).toBe(group.counted);
  // Arrivals per minute of each error type: each (type, minute) kept as many times as messages arrived in it.
  const mismatched = await getPool().query<{ n: string }>(
    `SELECT count(*)::text AS n FROM (SELECT error_type, minute, count FROM dlq_error_minutes WHERE cluster = 'local' AND topic = $1) kept
     FULL JOIN (SELECT error_type, to_timestamp(floor(extract(epoch FROM timestamp) / 60) * 60) AS minute, count(*) AS count FROM dlq_messages
                WHERE cluster = 'local' AND topic = $1 GROUP BY 1, 2) counted USING (error_type, minute)
     WHERE kept.count IS DISTINCT FROM counted.count`, [topic]);
  expect(mismatched.rows[0]?.n).toBe("0");
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: dlq, numPartitions: 2 }, { topic: hidden, numPartitions: 1 }], waitForLeaders: true });
  await producer.connect();
  await producer.send({ topic: dlq, messages: Array.from({ length: 30 }, (_, i) => ({ ...flowdeckMessage(i), partition: 0 })) });
  // A gzip batch and a message with Spring's binary headers, a binary key and a header that is not UTF-8.
  await producer.send({ topic: dlq, compression: CompressionTypes.GZIP, messages: Array.from({ length: 5 }, (_, i) => ({ ...flowdeckMessage(100 + i), partition: 1 })) });
  await producer.send({ topic: dlq, messages: [{ ...springMessage, partition: 1 }] });
  await producer.send({ topic: hidden, messages: [{ key: "o-1", value: "{}", headers: { "dlq.original.topic": "orders", "dlq.error.type": "Boom" } }] });
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [dlq, hidden] }).catch(() => {});
  await admin.disconnect();
  await producer.disconnect();
  await closeAllClusters();
  await disconnectDb();
});

describe("DLQ index", () => {
  it("finds DLQ topics by name and, by sampling their newest message, by headers", async () => {
    const names = await discoverByName("local");
    expect(names).toContain(dlq);
    expect(await count("SELECT count(*) FROM dlq_topics WHERE cluster = 'local' AND topic = $1 AND discovered_by = 'pattern'", [dlq])).toBe(1);
    expect(await count("SELECT count(*) FROM dlq_topics WHERE topic = $1", [hidden])).toBe(0);
    // Sampling repeats on a schedule; a first read on a fresh broker can outlast the read timeout while the
    // reader joins its group, so it is asked again until the topic is found.
    await expect.poll(() => discoverByHeaders("local", [hidden, dlq]), { timeout: 30_000, interval: 500 }).toEqual([hidden]);
    expect(await count("SELECT count(*) FROM dlq_topics WHERE cluster = 'local' AND topic = $1 AND discovered_by = 'headers'", [hidden])).toBe(1);
  });

  it("indexes every message once, with its metadata, however often it runs", async () => {
    await indexCluster("local", signal, 30_000);
    await indexCluster("local", signal, 30_000);
    await indexPartition("local", dlq, 0);
    expect(await count("SELECT count(*) FROM dlq_messages WHERE cluster = 'local' AND topic = $1", [dlq])).toBe(36);
    await countsAgree(dlq);

    const { rows: [first] } = await getPool().query<Record<string, unknown>>(
      `SELECT key_text, original_topic, original_partition, original_offset::text, consumer_group, error_type, attempts, trace_id,
         parent_span_id, event_id, format, preview FROM dlq_messages WHERE topic = $1 AND partition = 0 AND "offset" = 0`, [dlq]);
    expect(first).toEqual({
      key_text: "order-0", original_topic: "orders.payment", original_partition: 1, original_offset: "100", consumer_group: "payment-service",
      error_type: "GatewayUnavailableError", attempts: 4, trace_id: "ab".repeat(16), parent_span_id: "cd".repeat(8), event_id: "evt-0",
      format: "json", preview: '{"orderId":"order-0","amountCents":"12.99 EUR"}',
    });
    const { rows: [spring] } = await getPool().query<Record<string, unknown>>(
      `SELECT encode(key, 'hex') AS key, key_text, original_topic, original_partition, original_offset::text, consumer_group, error_type,
         error_message, format, schema_id, headers FROM dlq_messages WHERE topic = $1 AND partition = 1 AND "offset" = 5`, [dlq]);
    expect(spring).toMatchObject({
      key: "ff0081", key_text: null, original_topic: "payments", original_partition: 2, original_offset: "9007199254740993",
      consumer_group: "payments-java", error_type: "org.springframework.kafka.listener.ListenerExecutionFailedException",
      error_message: "<script>alert('x')</script>", format: "schema-registry", schema_id: 7,
    });
    expect((spring as { headers: { name: string; binary: boolean }[] } | undefined)?.headers).toContainEqual(expect.objectContaining({ name: "not-utf8", binary: true }));
    expect(await count("SELECT count(*) FROM dlq_messages WHERE topic = $1 AND partition = 1 AND error_type = 'GatewayUnavailableError'", [dlq])).toBe(1);
    expect(await count("SELECT next_offset FROM dlq_partitions WHERE topic = $1 AND partition = 0", [dlq])).toBe(30);
  });

  it("indexes only what arrived since, after a restart", async () => {
    await producer.send({ topic: dlq, messages: Array.from({ length: 4 }, (_, i) => ({ ...flowdeckMessage(200 + i), partition: 0 })) });
    await indexCluster("local", signal, 30_000);
    expect(await count("SELECT count(*) FROM dlq_messages WHERE topic = $1", [dlq])).toBe(40);
    expect(await count("SELECT count(*) FROM dlq_messages WHERE topic = $1 AND event_id = 'evt-200'", [dlq])).toBe(1);
    await countsAgree(dlq);
    expect(await count("SELECT sum(count) FROM dlq_minutes WHERE topic = $1", [dlq])).toBe(40);
  });

  it("keeps indexing after a topic it read from was deleted", async () => {
    await admin.deleteTopics({ topics: [hidden] });
    const later = `it-dlq-${run}-later.DLQ`;
    await admin.createTopics({ topics: [{ topic: later, numPartitions: 1 }], waitForLeaders: true });
    try {
      // A fresh producer: kafkajs clients that knew the deleted topic fail their metadata refreshes.
      const fresh = kafka.producer({ allowAutoTopicCreation: false });
      await fresh.connect();
      await fresh.send({ topic: later, messages: [flowdeckMessage(1)] });
      await fresh.disconnect();
      await discoverByName("local");
      // The indexer runs every 2 s; the reader may need a run to notice the deleted topic and start afresh.
      await expect.poll(async () => {
        await indexCluster("local", signal, 30_000);
        return count("SELECT count(*) FROM dlq_messages WHERE topic = $1", [later]);
      }, { timeout: 30_000, interval: 500 }).toBe(1);
      // Deletion finishes in the background; the next discovery after it marks the topic gone.
      await expect.poll(async () => {
        await discoverByName("local");
        return count("SELECT count(*) FROM dlq_topics WHERE topic = $1 AND gone_at IS NOT NULL", [hidden]);
      }, { timeout: 15_000, interval: 500 }).toBe(1);
    } finally {
      await admin.deleteTopics({ topics: [later] }).catch(() => {});
    }
  });

  it("shows messages that retention deleted as expired, not pending", async () => {
    deleteRecordsWithJavaClient(LOCAL_BROKER, dlq, 0, 10);
    await indexPartition("local", dlq, 0);
    expect(await count("SELECT count(*) FROM dlq_messages WHERE topic = $1 AND status = 'expired'", [dlq])).toBe(10);
    expect(await count("SELECT count(*) FROM dlq_messages WHERE topic = $1 AND status = 'expired' AND \"offset\" >= 10", [dlq])).toBe(0);
    expect(await count("SELECT expired_count FROM dlq_topics WHERE topic = $1", [dlq])).toBe(10);
    await countsAgree(dlq);
  });
});
