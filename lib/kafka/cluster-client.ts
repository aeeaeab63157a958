import { Kafka, Partitioners, type Admin, type Producer } from "kafkajs";
import type { ClusterConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { log, errorMessage } from "@/lib/log";
import { kafkaConfigFor } from "./client-options";
import { registerCodecs } from "./codecs";
import { brokerAnswer } from "./broker-answer";
import { BrokerGuard, type GuardState } from "./guard";
import { OffsetReader, type ReadRequest, type ReadResult } from "./offset-reader";

export type ClusterClientOptions = { timeoutMs: number; halfOpenAfterMs?: number; failuresToOpen?: number };

/**
 * One cluster's kafkajs clients, created on first use and reused. A connection that failed or hung is
 * thrown away rather than reused: after a broker was frozen, kafkajs may keep waiting on the old socket.
 */
export class ClusterClient {
  readonly name: string;
  readonly guard: BrokerGuard;
  private readonly kafka: Kafka;
  private adminConnection?: Promise<Admin>;
  private adminInstance?: Admin;
  private adminGeneration = 0;
  private producerConnection?: Promise<Producer>;
  private reader?: OffsetReader;

  constructor(readonly config: ClusterConfig, private readonly options: ClusterClientOptions) {
    registerCodecs();
    this.name = config.name;
    this.kafka = new Kafka(kafkaConfigFor(config, options.timeoutMs));
    this.guard = new BrokerGuard(config.name, {
      timeoutMs: options.timeoutMs,
      halfOpenAfterMs: options.halfOpenAfterMs ?? 5_000,
      failuresToOpen: options.failuresToOpen ?? 2,
    }, () => this.dropConnections());
  }

  get state(): GuardState {
    return this.guard.state;
  }

  /** Runs one admin operation under the cluster's timeout and circuit breaker. */
  admin<T>(operation: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
    return this.guard.run(operation, () => this.onFreshAdminIfNeeded(fn));
  }

  private async onFreshAdminIfNeeded<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connectedAdmin();
    try {
      return await fn(admin);
    } catch (error) {
      if (brokerAnswer(error)?.code !== "NOT_FOUND") throw error;
      // kafkajs refreshes metadata for every topic an admin has seen, so once one is deleted every
      // later call on that admin fails; retry once on a fresh admin that never knew the topic.
      this.dropAdmin(admin);
      return fn(await this.connectedAdmin());
    }
  }

  /** Produces through one shared idempotent producer (no duplicates from kafkajs' own retries). */
  produce<T>(operation: string, fn: (producer: Producer) => Promise<T>): Promise<T> {
    return this.guard.run(operation, async () => fn(await this.connectedProducer()));
  }

  /** Reads messages by offset; see OffsetReader for how, since kafkajs has no manual assignment. */
  read(request: ReadRequest): Promise<ReadResult> {
    return this.guard.run("read", async (signal) => {
      const offsets = await this.onFreshAdminIfNeeded((admin) => admin.fetchTopicOffsets(request.topic));
      const bounds = offsets.find((o) => o.partition === request.partition);
      if (!bounds) throw new AppError("NOT_FOUND", `Topic ${request.topic} has no partition ${request.partition}.`);
      this.reader ??= new OffsetReader(this.kafka, this.name, this.options.timeoutMs);
      return this.reader.read(request, { low: BigInt(bounds.low), high: BigInt(bounds.high) }, signal);
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.reader?.close(), this.disconnect(this.adminConnection), this.disconnect(this.producerConnection)]);
    this.reader = undefined;
    this.adminConnection = undefined;
    this.producerConnection = undefined;
  }

  private connectedAdmin(): Promise<Admin> {
    if (this.adminConnection) return this.adminConnection;
    const generation = ++this.adminGeneration;
    this.adminConnection = (async () => {
      const admin = this.kafka.admin({ retry: { retries: 1 } });
      await admin.connect();
      // Dropped while connecting: this admin must not become the current one.
      if (this.adminGeneration === generation) this.adminInstance = admin;
      return admin;
    })();
    return this.adminConnection;
  }

  private connectedProducer(): Promise<Producer> {
    this.producerConnection ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    return this.producerConnection;
  }

  private dropAdmin(admin: Admin): void {
    if (this.adminInstance !== admin) return; // already replaced by a concurrent call
    this.adminGeneration++;
    this.adminInstance = undefined;
    this.adminConnection = undefined;
    // Calls still running on it end within the timeout; close it after that, not under them.
    setTimeout(() => void admin.disconnect().catch(() => {}), this.options.timeoutMs * 2).unref();
  }

  private dropConnections(): void {
    const admin = this.adminConnection;
    const producer = this.producerConnection;
    const reader = this.reader;
    this.adminGeneration++;
    this.adminConnection = undefined;
    this.adminInstance = undefined;
    this.producerConnection = undefined;
    this.reader = undefined;
    // Not awaited: disconnecting from a frozen broker can itself hang.
    void this.disconnect(admin);
    void this.disconnect(producer);
    void reader?.close().catch(() => {});
  }

  private async disconnect(connection: Promise<Admin | Producer> | undefined): Promise<void> {
    if (!connection) return;
    try {
      await (await connection).disconnect();
    } catch (error) {
      log.debug("kafka client disconnect failed", { cluster: this.name, error: errorMessage(error) });
    }
  }
}
