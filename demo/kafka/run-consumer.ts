// One consumer loop with the patterns the demo shows: each attempt at a message is a CONSUMER span in the
// producer's trace (retry.attempt), transient failures are retried with exponential backoff and jitter, and a
// message that still fails — or can never succeed — goes to its topic's DLQ before its offset is committed,
// so nothing is lost and a stuck partition moves on.
import { SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
import type { Consumer, EachMessagePayload, Kafka, Producer } from "kafkajs";
import { PoisonMessageError } from "../messages";
import { contextFromHeaders, headersAsText, withTraceContext, type StringHeaders } from "../telemetry/kafka-context";
import { messagingAttributes } from "../telemetry/messaging-attributes";
import { tracer } from "../telemetry/tracing";
import type { Timings } from "../timings";
import { deadLetterHeaders } from "./dead-letter";
import { dlqOf } from "./topics";

export type Delivery = {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: Buffer | null;
  headers: StringHeaders;
  /** The message's idempotency key. */
  eventId: string;
  /** 1 for the first try. */
  attempt: number;
  /** This attempt's span: handlers add saga attributes and mark business failures on it. */
  span: Span;
};

export type ConsumerSpec = {
  kafka: Kafka;
  producer: Producer;
  broker: string;
  group: string;
  topic: string;
  timings: Timings;
  /** Extra time per message (the slow-consumer knob), read on every message. */
  delayMs: () => number;
  handle: (delivery: Delivery) => Promise<void>;
};

export async function runConsumer(spec: ConsumerSpec): Promise<Consumer> {
  const consumer = spec.kafka.consumer({
    groupId: spec.group,
    sessionTimeout: spec.timings.sessionTimeoutMs,
    heartbeatInterval: Math.floor(spec.timings.sessionTimeoutMs / 5),
  });
  consumer.on(consumer.events.CRASH, (event) => {
    console.error(`${spec.group}: consumer crashed (${event.payload.error.message}); restart: ${String(event.payload.restart)}`);
  });
  await consumer.connect();
  await consumer.subscribe({ topic: spec.topic, fromBeginning: true });
  await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: (payload) => deliver(spec, payload) });
  return consumer;
}

async function deliver(spec: ConsumerSpec, payload: EachMessagePayload): Promise<void> {
  const { topic, partition, message } = payload;
  const heartbeat = () => payload.heartbeat();
  const headers = headersAsText(message.headers);
  const delay = spec.delayMs();
  if (delay > 0) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await heartbeat();
  }
  const base = {
    topic, partition, offset: message.offset, key: message.key?.toString() ?? "", value: message.value, headers,
    eventId: headers["event-id"] ?? headers.ce_id ?? `${topic}/${partition}/${message.offset}`,
  };
  const attempts = spec.timings.retryAttempts;
  const policy = retry(handleWhen((error) => !(error instanceof PoisonMessageError)), {
    maxAttempts: attempts - 1,
    backoff: new ExponentialBackoff({ initialDelay: spec.timings.retryInitialDelayMs, maxDelay: spec.timings.retryMaxDelayMs }),
  });
  let lastSpan: Span | undefined;
  let attemptsMade = 0;
  try {
    await policy.execute(async ({ attempt }) => {
      attemptsMade = attempt + 1;
      await heartbeat();
      await inAttemptSpan(spec, base, attempt + 1, attempts, (span) => {
        lastSpan = span;
        return spec.handle({ ...base, attempt: attempt + 1, span });
      });
    });
  } catch (error) {
    await sendToDeadLetter(spec, base, error instanceof Error ? error : new Error(String(error)), attemptsMade, lastSpan);
  }
}

async function inAttemptSpan(
  spec: ConsumerSpec,
  message: Omit<Delivery, "attempt" | "span">,
  attempt: number,
  attempts: number,
  work: (span: Span) => Promise<void>,
): Promise<void> {
  const attributes = {
    ...messagingAttributes("process", { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key, messageId: message.eventId }, spec.broker, spec.group),
    "retry.attempt": attempt,
  };
  return tracer().startActiveSpan(`process ${message.topic}`, { kind: SpanKind.CONSUMER, attributes }, contextFromHeaders(message.headers), async (span) => {
    try {
      await work(span);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      span.recordException(failure);
      span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      // The last failed attempt before the DLQ says so: a poison message has no other attempt.
      if (attempt >= attempts || failure instanceof PoisonMessageError) span.setAttribute("retry.exhausted", true);
      throw failure;
    } finally {
      span.end();
    }
  });
}

async function sendToDeadLetter(spec: ConsumerSpec, message: Omit<Delivery, "attempt" | "span">, error: Error, attempts: number, lastAttempt: Span | undefined): Promise<void> {
  const dlq = dlqOf(message.topic);
  const parent = lastAttempt ? trace.setSpan(contextFromHeaders(message.headers), lastAttempt) : contextFromHeaders(message.headers);
  const span = tracer().startSpan(`send ${dlq}`, {
    kind: SpanKind.PRODUCER,
    attributes: messagingAttributes("send", { topic: dlq, key: message.key, messageId: message.eventId }, spec.broker),
  }, parent);
  const headers = withTraceContext(deadLetterHeaders(message.headers, {
    topic: message.topic, partition: message.partition, offset: message.offset, consumerGroup: spec.group, error, attempts, failedAt: new Date(),
  }), trace.setSpan(parent, span));
  try {
    // If this throws, the offset is not committed and the message is delivered again: never lost.
    await spec.producer.send({ topic: dlq, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    console.warn(`${spec.group}: ${message.topic}[${message.partition}]@${message.offset} → ${dlq} after ${attempts} attempt(s): ${error.message}`);
  } catch (sendError) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (sendError as Error).message });
    throw sendError;
  } finally {
    span.end();
  }
}
