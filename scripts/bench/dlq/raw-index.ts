// The index baseline: a plain kafkajs consumer reads the DLQ from the beginning and COPYs each fetched batch,
// as the same rows (the same decoding, the same columns), into a copy of dlq_messages with the same indexes,
// as many partitions at once as Flowdeck's indexer. It keeps no counts, no position and no transaction beyond
// the COPY: the floor of the work.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { KafkaMessage } from "kafkajs";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { toDlqMessageRow, type DlqMessageRow } from "@/lib/dlq/message-row";
import { copyJson, copyNumber, copyText } from "@/lib/ingest/copy-format";
import type { ReadMessage } from "@/lib/kafka";
import { kafka } from "./kafka";

export const RAW_TABLE = "raw_dlq_messages";

const COLUMNS = [
  "cluster", "topic", "partition", "offset", "timestamp", "key", "key_text", "headers", "original_topic", "original_partition",
  "original_offset", "consumer_group", "error_type", "error_message", "attempts", "failed_at", "trace_id", "parent_span_id",
  "saga_id", "event_id", "redrive_count", "size", "format", "schema_id", "preview",
].map((c) => `"${c}"`).join(", ");

/** The same kind of message the indexer hands to toDlqMessageRow. */
export function toReadMessage(topic: string, partition: number, m: KafkaMessage): ReadMessage {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values.flatMap((v) => (v === undefined ? [] : [Buffer.isBuffer(v) ? v : Buffer.from(v)]));
  }
  return { topic, partition, offset: BigInt(m.offset), timestamp: new Date(Number(m.timestamp)), key: m.key, value: m.value, headers };
}

function copyLine(cluster: string, topic: string, r: DlqMessageRow, key: Buffer | null): string {
  return [
    copyText(cluster), copyText(topic), copyNumber(r.partition), r.offset, r.timestamp, key === null ? "\\N" : `\\\\x${key.toString("hex")}`,
    copyText(r.key_text), copyJson(r.headers), copyText(r.original_topic), copyNumber(r.original_partition), copyText(r.original_offset),
    copyText(r.consumer_group), copyText(r.error_type), copyText(r.error_message), copyNumber(r.attempts), copyText(r.failed_at),
    copyText(r.trace_id), copyText(r.parent_span_id), copyText(r.saga_id), copyText(r.event_id), copyNumber(r.redrive_count),
    copyNumber(r.size), copyText(r.format), copyNumber(r.schema_id), copyText(r.preview),
  ].join("\t") + "\n";
}

export async function createRawTable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE ${RAW_TABLE} (LIKE dlq_messages INCLUDING ALL)`);
  await client.end();
}

/** Flowdeck's indexer works on this many partitions of a topic at once (lib/dlq/indexer/index-cluster.ts). */
const PARTITIONS_AT_ONCE = 3;

/** Reads all `count` messages of the topic and COPYs them; resolves with the seconds it took. */
export async function rawIndex(databaseUrl: string, topic: string, ends: Map<number, bigint>, timeoutMs: number): Promise<number> {
  const db = new pg.Pool({ connectionString: databaseUrl, max: PARTITIONS_AT_ONCE });
  const consumer = kafka().consumer({ groupId: `flowdeck-bench-raw-index-${randomUUID()}` });
  const remaining = new Set([...ends].filter(([, high]) => high > 0n).map(([p]) => p));
  try {
    const started = performance.now();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`raw index of ${topic} timed out`)), timeoutMs);
      consumer.run({
        partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
        eachBatch: async ({ batch }) => {
          const lines = batch.messages.map((m) => copyLine("local", topic, toDlqMessageRow(toReadMessage(topic, batch.partition, m)), m.key));
          const client = await db.connect();
          try {
            await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(`COPY ${RAW_TABLE} (${COLUMNS}) FROM STDIN`)));
          } finally {
            client.release();
          }
          if (BigInt(batch.lastOffset()) + 1n >= (ends.get(batch.partition) ?? 0n)) remaining.delete(batch.partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
    return (performance.now() - started) / 1000;
  } finally {
    await consumer.disconnect();
    await db.end();
  }
}
