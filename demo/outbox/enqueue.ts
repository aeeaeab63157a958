// Writing side of the transactional outbox: a message is stored in the same transaction as the state change
// that caused it, so either both happen or neither. The relay publishes it afterwards.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { withTraceContext, type StringHeaders } from "../telemetry/kafka-context";

export type OutgoingMessage = { topic: string; key: string; value: unknown; headers?: StringHeaders };

/** Stores the message for `service`'s relay, with a fresh event-id and the current trace context. */
export async function enqueue(client: pg.PoolClient, service: string, message: OutgoingMessage): Promise<string> {
  const eventId = randomUUID();
  const headers = withTraceContext({ ...message.headers, "event-id": eventId, "content-type": "application/json" });
  // A string value is stored as is: the order service's poison knob writes deliberately broken JSON.
  const value = typeof message.value === "string" ? message.value : JSON.stringify(message.value);
  await client.query("INSERT INTO outbox (service, topic, key, value, headers) VALUES ($1, $2, $3, $4, $5)",
    [service, message.topic, message.key, value, JSON.stringify(headers)]);
  return eventId;
}
