// Reading side of the outbox: claims unsent rows in id order, publishes them, then marks them sent. A crash
// after publishing and before marking sends them again on restart: consumers dedupe on event-id, so the
// effect still happens once. Rows are claimed with SKIP LOCKED, so two relays never send the same batch.
import { SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type pg from "pg";
import type { Message, Producer } from "kafkajs";
import { inTransaction } from "../db/pool";
import { contextFromHeaders, withTraceContext, type StringHeaders } from "../telemetry/kafka-context";
import { messagingAttributes } from "../telemetry/messaging-attributes";
import { tracer } from "../telemetry/tracing";

type OutboxRow = { id: string; topic: string; key: string; value: string; headers: StringHeaders };

const BATCH = 200;

export class OutboxRelay {
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly producer: Producer,
    private readonly service: string,
    private readonly broker: string,
    private readonly idleMs: number,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const sent = await this.relayOnce().catch((error: unknown) => {
        console.error(`${this.service} outbox: ${(error as Error).message}; retrying`);
        return 0;
      });
      if (sent < BATCH) await new Promise((resolve) => setTimeout(resolve, this.idleMs));
    }
  }

  /** Publishes one batch of unsent rows; returns how many were sent. */
  async relayOnce(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<OutboxRow>(
        "SELECT id::text, topic, key, value, headers FROM outbox WHERE service = $1 AND sent_at IS NULL ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED",
        [this.service, BATCH]);
      if (rows.length === 0) return 0;
      const spans: Span[] = [];
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const span = this.sendSpan(row);
        spans.push(span);
        const headers = withTraceContext(row.headers, trace.setSpan(contextFromHeaders(row.headers), span));
        byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), { key: row.key, value: row.value, headers }]);
      }
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      } catch (error) {
        for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message }).end();
        throw error;
      }
      for (const span of spans) span.end();
      await client.query("UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])", [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  /** The producer span continues the trace of the transaction that wrote the row. */
  private sendSpan(row: OutboxRow): Span {
    return tracer().startSpan(`send ${row.topic}`, {
      kind: SpanKind.PRODUCER,
      attributes: messagingAttributes("send", { topic: row.topic, key: row.key, messageId: row.headers["event-id"] }, this.broker),
    }, contextFromHeaders(row.headers));
  }
}
