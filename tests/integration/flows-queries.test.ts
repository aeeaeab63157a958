// The flow map's reads against the real Postgres and broker: edge totals and series from the minute buckets
// (only the window's), DLQ topics with their source topic and arrivals, breaker states, consumer lag read from
// the broker (and "unknown" within the deadline when a cluster is down or hangs), the whole map, and the
// query plan on a large edge table.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { LAG_DEADLINE_MS, consumerLag, findSelected, isNode, loadFlowMap } from "@/lib/flows";
import { lagKey } from "@/lib/flows/model";
import { flowDlqTopics, flowEdgeTotals, flowSeries, serviceBreakerStates } from "@/lib/flows/queries";
import { closeAllClusters } from "@/lib/kafka";
import { INTEGRATION_DATABASE_URL, LOCAL_BROKER } from "./env";
import { freePort } from "./support/free-port";

const run = randomUUID().slice(0, 8);
const MINUTE = 60_000;
// A minute of its own, hours back, so other rows near "now" never fall in these windows.
const base = Math.floor((Date.now() - 5 * 60 * MINUTE) / MINUTE) * MINUTE;
const at = (minutes: number) => new Date(base + minutes * MINUTE);
const window = { from: at(0), to: at(10) };
const topic = `it-flows-${run}.orders`;
const dlq = `${topic}.DLQ`;
const oddDlq = `it-flows-${run}-failed`;
const group = `it-flows-${run}-payment`;
const svc = (name: string) => `${name}-${run}`;

// Seeding the large table takes longer than Flowdeck's own statement timeout allows.
const seedPool = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
const kafka = new Kafka({ clientId: "it-flows", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
// Hangs every connection: accepts it and never answers, as a frozen broker does.
const hungSockets = new Set<net.Socket>();
const hung = net.createServer((socket) => {
  hungSockets.add(socket);
});

async function edgeRow(minute: Date, direction: "produce" | "consume", service: string, consumerGroup: string, count: number, errors: number, t = topic) {
  await getPool().query(
    `INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors) VALUES ($1, 'local', $2, $3, $4, $5, $6, $7)`,
    [minute, t, direction, service, consumerGroup, count, errors]);
}

beforeAll(async () => {
  const hungPort = await freePort();
  await new Promise<void>((resolve) => hung.listen(hungPort, "127.0.0.1", resolve));
  // Configured before Flowdeck reads its configuration (on first use): one cluster refusing, one hanging.
  process.env.FLOWDECK_CLUSTERS = "local,down,frozen";
  process.env.KAFKA_DOWN_BROKERS = `127.0.0.1:${await freePort()}`;
  process.env.KAFKA_FROZEN_BROKERS = `127.0.0.1:${hungPort}`;
  process.env.FLOWDECK_KAFKA_TIMEOUT = "20s";

  for (const m of [0, 1, 9]) {
    await edgeRow(at(m), "produce", svc("order"), "", 100, 0);
    await edgeRow(at(m), "consume", svc("payment"), group, 90, m === 1 ? 9 : 0);
  }
  await edgeRow(at(-1), "produce", svc("order"), "", 5_000, 0); // before the window
  await edgeRow(at(10), "produce", svc("order"), "", 7_000, 0); // at its end: excluded
  await edgeRow(at(2), "produce", svc("payment"), "", 4, 0, dlq);

  await getPool().query(
    `INSERT INTO dlq_topics (cluster, topic, discovered_by, pending_count) VALUES ('local', $1, 'pattern', 6), ('local', $2, 'headers', 2), ('local', $3, 'pattern', 1)`,
    [dlq, oddDlq, `${dlq}.gone`]);
  await getPool().query(`UPDATE dlq_topics SET gone_at = now() WHERE topic = $1`, [`${dlq}.gone`]);
  await getPool().query(`INSERT INTO dlq_minutes (cluster, topic, minute, count) VALUES ('local', $1, $2, 3), ('local', $1, $3, 1), ('local', $1, $4, 50)`,
    [dlq, at(2), at(5), at(-30)]);
  // The odd-named DLQ says its source only through its messages' headers.
  await getPool().query(
    `INSERT INTO dlq_messages (cluster, topic, partition, "offset", timestamp, headers, original_topic, error_type, size, format, preview)
     VALUES ('local', $1, 0, 0, $2, '[]', $3, 'E', 1, 'text', 'x')`, [oddDlq, at(3), topic]);
  await getPool().query(`INSERT INTO breaker_states (service, breaker, state, since) VALUES ($1, 'gateway', 'open', now()), ($1, 'db', 'closed', now())`, [svc("payment")]);

  // A real topic and group for lag: 7 messages on partition 0 and 5 on partition 1, the group committed 2 and 5.
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [...Array.from({ length: 7 }, () => ({ partition: 0, value: "m" })), ...Array.from({ length: 5 }, () => ({ partition: 1, value: "m" }))] });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "2" }, { partition: 1, offset: "5" }] });
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.deleteGroups([group]).catch(() => {});
  await admin.disconnect();
  const closed = new Promise((resolve) => hung.close(resolve));
  for (const socket of hungSockets) socket.destroy();
  // Clients of the frozen cluster may never finish disconnecting: do not wait on them for long.
  await Promise.race([closeAllClusters(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  for (const socket of hungSockets) socket.destroy();
  await closed;
  await seedPool.end();
  await disconnectDb();
});

describe("flow queries", () => {
  it("sums each edge's minute buckets over the window, and only those", async () => {
    const totals = (await flowEdgeTotals(window)).filter((e) => e.service.endsWith(run));
    expect(totals).toEqual([
      { cluster: "local", topic, direction: "consume", service: svc("payment"), consumerGroup: group, count: 270, errors: 9 },
      { cluster: "local", topic, direction: "produce", service: svc("order"), consumerGroup: "", count: 300, errors: 0 },
      { cluster: "local", topic: dlq, direction: "produce", service: svc("payment"), consumerGroup: "", count: 4, errors: 0 },
    ]);
  });

  it("lists live DLQ topics with their source (from the messages, else the name), arrivals in the window and pending", async () => {
    const mine = (await flowDlqTopics(window)).filter((d) => d.topic.includes(run));
    expect(mine).toEqual([
      { cluster: "local", topic: oddDlq, sourceTopic: topic, arrived: 0, pending: 2 },
      { cluster: "local", topic: dlq, sourceTopic: topic, arrived: 4, pending: 6 },
    ].sort((a, b) => a.topic.localeCompare(b.topic)));
  });

  it("reads breaker states per service", async () => {
    expect((await serviceBreakerStates()).filter((b) => b.service === svc("payment")).map((b) => [b.breaker, b.state])).toEqual([["db", "closed"], ["gateway", "open"]]);
  });

  it("gives a series per minute with empty minutes as zeros, for each kind of selection", async () => {
    const edge = await flowSeries({ kind: "consume", cluster: "local", topic, service: svc("payment"), group }, window);
    expect(edge.stepMinutes).toBe(1);
    expect(edge.points).toHaveLength(10);
    expect(edge.points.map((p) => p.messages)).toEqual([90, 90, 0, 0, 0, 0, 0, 0, 0, 90]);
    expect(edge.points.map((p) => p.errors)).toEqual([0, 9, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(edge.points[0]?.minute).toBe(at(0).toISOString());

    const produced = await flowSeries({ kind: "produce", cluster: "local", topic, service: svc("order") }, window);
    expect(produced.points.map((p) => p.messages)).toEqual([100, 100, 0, 0, 0, 0, 0, 0, 0, 100]);
    const service = await flowSeries({ kind: "service", service: svc("payment") }, window);
    expect(service.points.map((p) => p.messages).slice(0, 3)).toEqual([90, 90, 4]);
    const topicSeries = await flowSeries({ kind: "topic", cluster: "local", topic }, window);
    expect(topicSeries.points.slice(0, 2)).toEqual([{ minute: at(0).toISOString(), messages: 100, errors: 0 }, { minute: at(1).toISOString(), messages: 100, errors: 9 }]);
    const deadLetters = await flowSeries({ kind: "dead-letter", cluster: "local", topic: dlq }, window);
    expect(deadLetters.points.map((p) => p.messages)).toEqual([0, 0, 3, 0, 0, 1, 0, 0, 0, 0]);
    const nothing = await flowSeries({ kind: "service", service: "no-such-service" }, window);
    expect(nothing.points.every((p) => p.messages === 0 && p.errors === 0)).toBe(true);
  });

  it("bins long windows so a chart never gets more than 240 points", async () => {
    const day = await flowSeries({ kind: "produce", cluster: "local", topic, service: svc("order") }, { from: at(-720), to: at(720) });
    expect(day.stepMinutes).toBe(6);
    expect(day.points).toHaveLength(240);
    expect(day.points.reduce((n, p) => n + p.messages, 0)).toBe(5_000 + 300 + 7_000);
  });
});

describe("consumer lag", () => {
  it("reads lag from the broker, and unknown for a group that never committed", async () => {
    const never = `it-flows-${run}-never`;
    const missing = `it-flows-${run}.only-in-spans`;
    const answer = await consumerLag([{ cluster: "local", topic, group }, { cluster: "local", topic, group: never }, { cluster: "local", topic: missing, group }]);
    expect(answer.lags.get(lagKey("local", topic, group))).toBe(5);
    expect(answer.lags.get(lagKey("local", topic, never))).toBeNull();
    // A topic the broker does not have (named only by spans) is unknown, and does not spoil the others.
    expect(answer.lags.get(lagKey("local", missing, group))).toBeNull();
    expect(answer.problems).toEqual([]);
  });

  it("answers unknown within the deadline when a cluster refuses or hangs, and still reads the healthy one", async () => {
    const requests = [{ cluster: "local", topic, group }, { cluster: "down", topic, group }, { cluster: "frozen", topic, group }];
    const answer = await Promise.race([
      consumerLag(requests),
      new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), LAG_DEADLINE_MS + 5_000)),
    ]);
    if (answer === "hung") throw new Error("the lag look-up did not end near its deadline");
    expect(answer.lags.get(lagKey("local", topic, group))).toBe(5);
    expect(answer.lags.get(lagKey("down", topic, group))).toBeNull();
    expect(answer.lags.get(lagKey("frozen", topic, group))).toBeNull();
    expect(answer.problems).toEqual([expect.stringMatching(/^Lag on down is unknown: /), expect.stringMatching(/^Lag on frozen is unknown: its brokers did not answer within/)]);
  });
});

describe("the flow map", () => {
  it("joins the window's edges, DLQ beside its source, breakers and lag into one laid-out graph", async () => {
    const map = await loadFlowMap(window);
    const payment = findSelected(map.graph, { kind: "service", service: svc("payment") });
    expect(payment).toMatchObject({ kind: "service", breakers: [{ name: "db", state: "closed" }, { name: "gateway", state: "open" }] });
    expect(findSelected(map.graph, { kind: "consume", cluster: "local", topic, service: svc("payment"), group })).toMatchObject({ count: 270, errors: 9, lag: 5 });
    const deadLetter = findSelected(map.graph, { kind: "dead-letter", cluster: "local", topic: dlq });
    expect(deadLetter).toMatchObject({ count: 4, sourceTopic: topic });
    if (deadLetter === null || isNode(deadLetter)) throw new Error("expected the dead-letter edge");
    const source = map.layout.nodes[deadLetter.from];
    const dlqBox = map.layout.nodes[deadLetter.to];
    expect(dlqBox?.x).toBe(source?.x);
    expect((dlqBox?.y ?? 0) > (source?.y ?? 0)).toBe(true);
  });
});

describe("query plans on a large edge table", () => {
  it("reads the last hour's edges through an index, not a scan of the table", async () => {
    // A day of minute buckets for 300 edges (432,000 rows), as 10,000,000 spans a day across 300 edges make.
    const big = `it-flows-big-${run}`;
    await seedPool.query(
      `INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors)
       SELECT date_trunc('minute', now()) - (m || ' minutes')::interval, 'local', $1 || '.' || e, CASE WHEN e % 2 = 0 THEN 'produce' ELSE 'consume' END,
         'svc-' || (e % 40), CASE WHEN e % 2 = 0 THEN '' ELSE 'g-' || e END, 23, e % 3
       FROM generate_series(0, 1439) m, generate_series(0, 299) e`, [big]);
    await seedPool.query("ANALYZE flow_edge_minutes");
    const hour = { from: new Date(Date.now() - 60 * MINUTE), to: new Date() };
    const explain = async (sql: string, params: unknown[]) =>
      (await getPool().query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
    const totalsPlan = await explain(
      `SELECT cluster, topic, direction, service, consumer_group, sum(count), sum(errors) FROM flow_edge_minutes
       WHERE minute >= date_trunc('minute', $1::timestamptz) AND minute < $2::timestamptz GROUP BY 1, 2, 3, 4, 5`, [hour.from, hour.to]);
    expect(totalsPlan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(totalsPlan).not.toMatch(/Seq Scan/);
    const servicePlan = await explain(`SELECT sum(count) FROM flow_edge_minutes WHERE minute >= $1 AND minute < $2 AND service = $3`, [hour.from, hour.to, "svc-7"]);
    expect(servicePlan).toMatch(/flow_edge_minutes_service_minute_idx/);

    const started = performance.now();
    const totals = await flowEdgeTotals(hour);
    const series = await flowSeries({ kind: "service", service: "svc-7" }, hour);
    console.log(`flows: last hour over ${(1440 * 300).toLocaleString("en-US")} bucket rows: ${totals.length} edges + a service series in ${Math.round(performance.now() - started)} ms`);
    expect(totals.filter((e) => e.topic.startsWith(big))).toHaveLength(300);
    expect(series.points.some((p) => p.messages > 0)).toBe(true);
  });
});
