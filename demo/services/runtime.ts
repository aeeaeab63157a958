// What every demo service shares: config, tracing, its database pool, Kafka clients, topics, knobs, its
// outbox relay and a clean stop on SIGTERM/SIGINT (consumers leave their groups, spans are flushed).
import type { Consumer, Kafka, Producer } from "kafkajs";
import type pg from "pg";
import { demoConfig, type DemoConfig } from "../config";
import { migrateDemoDatabase } from "../db/migrate";
import { startHousekeeping } from "../db/housekeeping";
import { createPool } from "../db/pool";
import { createKafka } from "../kafka/client";
import { runConsumer, type Delivery } from "../kafka/run-consumer";
import { consumerGroup, ensureTopics, topicNames, type Topics } from "../kafka/topics";
import { KnobWatcher } from "../knobs/knob-store";
import type { KnobName, Knobs } from "../knobs/knobs";
import { OutboxRelay } from "../outbox/relay";
import { startTracing, stopTracing } from "../telemetry/tracing";
import { TIMINGS, type Timings } from "../timings";

export type ServiceName = "order" | "payment" | "inventory" | "shipping";

export type Runtime = {
  service: ServiceName;
  config: DemoConfig;
  timings: Timings;
  pool: pg.Pool;
  kafka: Kafka;
  producer: Producer;
  topics: Topics;
  broker: string;
  knobs: () => Knobs;
  /** Consumes `topic` in this service's group; `handle` throws to retry (or to DLQ a poison message). */
  consume: (topic: string, handle: (delivery: Delivery) => Promise<void>) => Promise<void>;
  /** Runs on stop, before the pool closes. */
  onStop: (stop: () => Promise<void>) => void;
};

export async function startRuntime(service: ServiceName): Promise<Runtime> {
  const config = demoConfig();
  const timings = TIMINGS[config.DEMO_PROFILE];
  startTracing(`${service}-service`, config.DEMO_OTLP_URL);
  await migrateDemoDatabase(config.DEMO_DATABASE_URL);
  const pool = createPool(config.DEMO_DATABASE_URL);
  const kafka = createKafka(`demo-${service}`, config.DEMO_KAFKA_BROKERS);
  const topics = topicNames(config.DEMO_TOPIC_PREFIX);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, topics);
  await admin.disconnect();
  // Idempotent: a retried send after a lost acknowledgement is not written twice.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const watcher = new KnobWatcher(pool, timings.knobPollMs);
  await watcher.start();
  const broker = config.DEMO_KAFKA_BROKERS.split(",")[0]?.trim() ?? "";
  const relay = new OutboxRelay(pool, producer, service, broker, timings.outboxPollMs);
  relay.start();
  const stopHousekeeping = startHousekeeping(pool, service);

  const consumers: Consumer[] = [];
  const stops: (() => Promise<void>)[] = [];
  const delayKnob = `${service}.delayMs` as KnobName;
  const runtime: Runtime = {
    service, config, timings, pool, kafka, producer, topics, broker,
    knobs: () => watcher.knobs,
    consume: async (topic, handle) => {
      consumers.push(await runConsumer({
        kafka, producer, broker, topic, timings, handle,
        group: consumerGroup(config.DEMO_TOPIC_PREFIX, service),
        delayMs: () => watcher.knobs[delayKnob],
      }));
    },
    onStop: (stop) => stops.push(stop),
  };

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${service}: stopping`);
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    for (const fn of stops) await fn().catch(() => {});
    await relay.stop();
    stopHousekeeping();
    watcher.stop();
    await producer.disconnect().catch(() => {});
    await stopTracing();
    await pool.end().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  return runtime;
}

/** The crash knob: with the given chance, the process dies on the spot — no cleanup, no commit, like a kill -9. */
export function maybeCrash(rate: number, where: string): void {
  if (rate > 0 && Math.random() < rate) {
    console.error(`crashing on purpose ${where} (crash knob)`);
    process.kill(process.pid, "SIGKILL");
  }
}

/** Logs and exits when a service cannot start, so the runner sees it and restarts it. */
export function exitOnStartFailure(service: ServiceName, error: unknown): never {
  console.error(`${service}: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
