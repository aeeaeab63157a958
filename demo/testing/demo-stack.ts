// A test fixture: the demo's services as real processes on their own database, topics and port, with the
// test profile's short timings, plus the means to push them around (knobs, kills) and wait for outcomes.
//   const stack = await startDemoStack({ name: "dlq-journey", knobs: { "order.poisonRate": 1 } });
//   await stack.placeOrders(3);
//   await stack.waitFor("3 messages in orders.payment.DLQ", async () => (await stack.dlqDepth(stack.topics.payment)) >= 3);
//   await stack.stop();
import { createServer } from "node:net";
import pg from "pg";
import { withAdminConnection } from "../db/admin-database";
import { migrateDemoDatabase } from "../db/migrate";
import { createPool } from "../db/pool";
import { createKafka } from "../kafka/client";
import { consumerGroup, dlqOf, topicNames, type Topics } from "../kafka/topics";
import { writeKnobs } from "../knobs/knob-store";
import type { KnobChanges } from "../knobs/knobs";
import { OrderApi, type NewOrder, type PlacedOrder } from "../load/order-api";
import { SERVICES, serviceProcess } from "../runner/node-processes";
import { Supervisor } from "../runner/supervisor";
import { waitUntil } from "../runner/wait";
import type { ServiceName } from "../services/runtime";

export type DemoStackOptions = {
  /** Unique per test: names the database, the topic prefix and the consumer groups. */
  name: string;
  services?: readonly ServiceName[];
  /** Knobs in force from the first message on. */
  knobs?: KnobChanges;
  /** Flowdeck's OTLP endpoint; empty (default) exports nothing. */
  otlpUrl?: string;
  /** The ingest token the services' exporters send to otlpUrl. */
  otlpToken?: string;
  brokers?: string;
  /** Where service output goes; by default it is kept and printed only if the stack fails to start. */
  log?: (line: string) => void;
};

export const GOOD_ORDER: NewOrder = { sku: "mug", quantity: 1, card: "4242424242424242", address: "1 Harbour Street" };

export class DemoStack {
  readonly api: OrderApi;
  readonly pool: pg.Pool;

  constructor(
    private readonly topicPrefix: string,
    readonly topics: Topics,
    readonly databaseUrl: string,
    private readonly brokers: string,
    private readonly supervisor: Supervisor,
    orderPort: number,
  ) {
    this.api = new OrderApi(`http://127.0.0.1:${orderPort}`);
    this.pool = createPool(databaseUrl, 2);
  }

  async setKnobs(changes: KnobChanges): Promise<void> {
    await writeKnobs(this.pool, changes);
  }

  async placeOrders(count: number, order: Partial<NewOrder> = {}): Promise<PlacedOrder[]> {
    const placed: PlacedOrder[] = [];
    for (let i = 0; i < count; i++) placed.push(await this.api.placeOrder({ ...GOOD_ORDER, ...order }));
    return placed;
  }

  /** Kills a service like a crash would (SIGKILL); the supervisor starts it again a second later. */
  kill(service: ServiceName): void {
    this.supervisor.signal(service, "SIGKILL");
  }

  consumerGroup(service: ServiceName): string {
    return consumerGroup(this.topicPrefix, service);
  }

  crashCount(service: ServiceName): number {
    return this.supervisor.crashCount(service);
  }

  /** Messages in a topic's DLQ (all partitions, from the log start). */
  async dlqDepth(topic: string): Promise<number> {
    const admin = createKafka("demo-test-probe", this.brokers).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(dlqOf(topic));
      return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  /** Orders by saga state, read from the order service's table. */
  async sagaStates(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ saga_state: string; count: number }>("SELECT saga_state, count(*)::int AS count FROM orders GROUP BY 1");
    return Object.fromEntries(rows.map((row) => [row.saga_state, row.count]));
  }

  waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    return waitUntil(what, check, timeoutMs, 100);
  }

  /** Stops every process, deletes the topics and drops the database. */
  async stop(): Promise<void> {
    await this.supervisor.stopAll(5_000);
    await this.pool.end();
    const admin = createKafka("demo-test-cleanup", this.brokers).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(this.topics).flatMap((topic) => [topic, dlqOf(topic)]) }).catch(() => {});
    await admin.disconnect();
    await dropDatabase(this.databaseUrl);
  }
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const slug = options.name.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/flowdeck_demo_${slug}`;
  const brokers = options.brokers ?? "127.0.0.1:9092";
  const orderPort = await freePort();
  const env = {
    DEMO_DATABASE_URL: databaseUrl,
    DEMO_KAFKA_BROKERS: brokers,
    DEMO_OTLP_URL: options.otlpUrl ?? "",
    DEMO_PROFILE: "test",
    DEMO_ORDER_PORT: String(orderPort),
    DEMO_TOPIC_PREFIX: `${slug.replaceAll("_", "-")}.`,
  };
  const headers: Record<string, string> = options.otlpToken ? { OTEL_EXPORTER_OTLP_TRACES_HEADERS: `Authorization=Bearer ${options.otlpToken}` } : {};
  await dropDatabase(databaseUrl);
  await migrateDemoDatabase(databaseUrl);
  const lines: string[] = [];
  const supervisor = new Supervisor(options.log ?? ((line) => lines.push(line)));
  const stack = new DemoStack(env.DEMO_TOPIC_PREFIX, topicNames(env.DEMO_TOPIC_PREFIX), databaseUrl, brokers, supervisor, orderPort);
  if (options.knobs) await stack.setKnobs(options.knobs);
  for (const service of options.services ?? SERVICES) supervisor.start(serviceProcess(service, { ...env, ...headers }));
  try {
    if ((options.services ?? SERVICES).includes("order")) await stack.waitFor("the order service", () => stack.api.healthy(), 60_000);
  } catch (error) {
    await supervisor.stopAll(2_000);
    throw new Error(`${(error as Error).message}\n${lines.join("\n")}`, { cause: error });
  }
  return stack;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  await withAdminConnection(databaseUrl, (admin, name) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
