import { randomUUID } from "node:crypto";
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from "kafkajs";
import { log, errorMessage } from "@/lib/log";

export type ReadRequest = { topic: string; partition: number; fromOffset: bigint; limit: number };
export type ReadMessage = {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: Date;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer[]>;
};
export type ReadResult = { messages: ReadMessage[]; lowWatermark: bigint; highWatermark: bigint };
/** The partition's bounds, fetched by the caller before reading. */
export type Bounds = { low: bigint; high: bigint };

type PendingRead = {
  next: bigint;
  end: bigint; // exclusive
  messages: ReadMessage[];
  resolve: (messages: ReadMessage[]) => void;
  /** A read cut short fails: answering with the part read would pass for the whole range. */
  reject: (error: Error) => void;
};

/**
 * A read ended because Flowdeck closed the reader (after another call failed, or on shutdown), not because
 * the broker failed it: the guard does not count it as a failure of its own.
 */
export class ReaderClosedError extends Error {}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function toReadMessage(topic: string, partition: number, m: KafkaMessage): ReadMessage {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values.flatMap((v) => (v === undefined ? [] : [Buffer.isBuffer(v) ? v : Buffer.from(v)]));
  }
  return { topic, partition, offset: BigInt(m.offset), timestamp: new Date(Number(m.timestamp)), key: m.key, value: m.value, headers };
}

/**
 * kafkajs cannot assign partitions by hand, so reads by offset go through one long-lived consumer per
 * cluster in a group of its own that never commits: every partition of its topics stays paused, and a
 * read seeks one partition, resumes it until the range is in, then pauses it again. kafkajs subscriptions
 * are fixed once running, so a read of a new topic restarts the consumer with the larger topic set
 * (reads under way are re-sought after the restart). Reads of one partition are serialised.
 */
export class OffsetReader {
  private readonly groupId: string;
  private readonly topics = new Set<string>();
  private readonly pending = new Map<string, PendingRead>();
  private readonly partitionQueues = new Map<string, Promise<unknown>>();
  private consumer?: Consumer;
  private starting: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly kafka: Kafka, cluster: string, private readonly joinTimeoutMs: number) {
    this.groupId = `flowdeck-reader-${cluster}-${randomUUID()}`;
  }

  read(request: ReadRequest, bounds: Bounds, signal?: AbortSignal): Promise<ReadResult> {
    const k = key(request.topic, request.partition);
    const previous = this.partitionQueues.get(k) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.readRange(request, bounds, signal));
    this.partitionQueues.set(k, run);
    void run.finally(() => {
      if (this.partitionQueues.get(k) === run) this.partitionQueues.delete(k);
    }).catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    const consumer = this.consumer;
    this.consumer = undefined;
    for (const p of this.pending.values()) p.reject(new ReaderClosedError("the offset reader was closed before the range was read"));
    this.pending.clear();
    await consumer?.disconnect();
  }

  private async readRange(request: ReadRequest, bounds: Bounds, signal?: AbortSignal): Promise<ReadResult> {
    const from = request.fromOffset < bounds.low ? bounds.low : request.fromOffset;
    const end = from + BigInt(request.limit) < bounds.high ? from + BigInt(request.limit) : bounds.high;
    const result = (messages: ReadMessage[]) => ({ messages, lowWatermark: bounds.low, highWatermark: bounds.high });
    if (from >= end || request.limit <= 0) return result([]);

    await this.subscribe(request.topic);
    const k = key(request.topic, request.partition);
    const messages = await new Promise<ReadMessage[]>((resolve, reject) => {
      const onAbort = () => {
        this.abandon(request.topic, request.partition);
        reject(signal?.reason instanceof Error ? signal.reason : new Error("read cancelled"));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.pending.set(k, {
        next: from,
        end,
        messages: [],
        resolve: (m) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(m);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      });
      this.seekAndResume(request.topic, request.partition, from);
    });
    return result(messages);
  }

  private seekAndResume(topic: string, partition: number, offset: bigint): void {
    const consumer = this.consumer;
    if (!consumer) return;
    try {
      consumer.seek({ topic, partition, offset: offset.toString() });
      consumer.resume([{ topic, partitions: [partition] }]);
    } catch (error) {
      // kafkajs restarts a consumer by itself after some failures (a rebalance on a busy machine), and while it
      // does, seek throws "consumer group was not initialized". A fresh consumer of ours re-seeks every pending
      // read, this one included.
      log.debug("offset reader seek failed; restarting its consumer", { error: errorMessage(error) });
      if (this.consumer === consumer) this.consumer = undefined;
      this.starting = this.starting.catch(() => {}).then(() => this.restart());
      this.starting.catch((restartError: unknown) => {
        for (const read of this.pending.values()) read.reject(restartError instanceof Error ? restartError : new Error(String(restartError)));
        this.pending.clear();
      });
    }
  }

  /** The range is in: the partition is paused again and the read answered. */
  private finish(topic: string, partition: number): void {
    const read = this.abandon(topic, partition);
    read?.resolve(read.messages);
  }

  /** Stops reading the partition: pauses it and takes its pending read out (the caller answers it). */
  private abandon(topic: string, partition: number): PendingRead | undefined {
    const k = key(topic, partition);
    const read = this.pending.get(k);
    this.pending.delete(k);
    try {
      this.consumer?.pause([{ topic, partitions: [partition] }]);
    } catch (error) {
      log.debug("offset reader pause failed", { error: errorMessage(error) });
    }
    return read;
  }

  private onBatch({ batch }: EachBatchPayload): Promise<void> {
    const read = this.pending.get(key(batch.topic, batch.partition));
    if (!read) return Promise.resolve();
    for (const m of batch.messages) {
      const offset = BigInt(m.offset);
      if (offset < read.next || offset >= read.end) continue;
      read.messages.push(toReadMessage(batch.topic, batch.partition, m));
      read.next = offset + 1n;
    }
    // Compaction and transaction markers leave gaps, so the batch's last offset says when the range is in.
    const last = BigInt(batch.lastOffset());
    if (last + 1n > read.next) read.next = last + 1n;
    if (read.next >= read.end) this.finish(batch.topic, batch.partition);
    return Promise.resolve();
  }

  private onBatchEnd(topic: string, partition: number, lastOffset: string): void {
    const read = this.pending.get(key(topic, partition));
    if (!read) return;
    const next = BigInt(lastOffset) + 1n;
    if (next > read.next) read.next = next;
    if (read.next >= read.end) this.finish(topic, partition);
  }

  /** Removes topics the cluster no longer has; true when there were any. Their pending reads end empty. */
  private async forgetDeletedTopics(): Promise<boolean> {
    const admin = this.kafka.admin();
    await admin.connect();
    const deleted: string[] = [];
    try {
      // Asked one by one: a topic being deleted may still be listed, but its metadata is already gone.
      for (const topic of this.topics) {
        await admin.fetchTopicMetadata({ topics: [topic] }).catch((error: unknown) => {
          if (isUnknownTopic(error)) deleted.push(topic);
        });
      }
    } finally {
      await admin.disconnect();
    }
    for (const topic of deleted) {
      this.topics.delete(topic);
      for (const [k, read] of this.pending) {
        if (k.startsWith(`${topic}\u0000`)) {
          this.pending.delete(k);
          read.resolve(read.messages);
        }
      }
    }
    if (deleted.length > 0) log.info("offset reader dropped deleted topics", { topics: deleted });
    return deleted.length > 0;
  }

  /** Makes sure the consumer runs with `topic` in its subscription; restarts it if the topic is new. */
  private subscribe(topic: string): Promise<void> {
    if (this.closed) return Promise.reject(new ReaderClosedError("offset reader closed"));
    if (this.topics.has(topic) && this.consumer) return this.starting;
    this.topics.add(topic);
    this.starting = this.starting.catch(() => {}).then(() => this.restart());
    return this.starting;
  }

  private async restart(): Promise<void> {
    const old = this.consumer;
    this.consumer = undefined;
    await old?.disconnect().catch(() => {});
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      // With every partition paused, the consumer polls on this period: a read waits up to one period before
      // its fetch starts, so a short one keeps reads quick; the polls themselves cost next to nothing.
      maxWaitTimeInMs: 25,
      retry: { retries: 2 },
    });
    let joinTimer: NodeJS.Timeout | undefined;
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      joinTimer = setTimeout(() => reject(new Error("the reader did not join its consumer group in time")), this.joinTimeoutMs);
    });
    joined.catch(() => {}).finally(() => clearTimeout(joinTimer)); // a failed connect must not leave it unhandled
    // Batches of only transaction markers or aborted records never reach eachBatch; this event still
    // tells how far the partition has been read, so a range ending in a marker completes.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => this.onBatchEnd(payload.topic, payload.partition, payload.lastOffset));
    // A crash (a subscribed topic deleted, say) makes the next read start a fresh consumer.
    consumer.on(consumer.events.CRASH, () => {
      if (this.consumer === consumer) this.consumer = undefined;
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.topics], fromBeginning: false });
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
      consumer.pause([...this.topics].map((t) => ({ topic: t })));
      await joined;
    } catch (error) {
      await consumer.disconnect().catch(() => {});
      // A topic deleted since it was first read would fail every later subscription: drop it and try again.
      if (isUnknownTopic(error) && (await this.forgetDeletedTopics())) return this.restart();
      throw error;
    }
    this.consumer = consumer;
    for (const [k, read] of this.pending) {
      const [topic, partition] = k.split("\u0000");
      if (topic !== undefined && partition !== undefined) this.seekAndResume(topic, Number(partition), read.next);
    }
  }
}

function isUnknownTopic(error: unknown): boolean {
  const e = error as { type?: unknown; cause?: unknown } | null;
  if (e?.type === "UNKNOWN_TOPIC_OR_PARTITION") return true;
  if (error instanceof Error && /does not host this topic-partition/.test(error.message)) return true;
  return e?.cause !== undefined && e.cause !== error && isUnknownTopic(e.cause);
}
