// Discarding DLQ messages against the real broker and Postgres: by position and by filter, each with a
// disposition, an audit event and kept counts that still equal a recount; only pending messages move.
import { randomUUID } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPendingMatching, discardMessages, discoverByName, indexCluster, type DlqBrowseInput } from "@/lib/dlq";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { LOCAL_BROKER } from "./env";

const OPERATOR = { id: "it:ana", name: "ana", displayName: "Ana", roles: ["viewer" as const, "operator" as const] };

const topic = `it-discard-${randomUUID().slice(0, 8)}.DLQ`;
// Messages 37 s apart over the last 25 minutes, so time ranges cut minutes in part and in whole.
const spread = `it-discard-${randomUUID().slice(0, 8)}-spread.DLQ`;
const SPREAD_START = Math.floor(Date.now() / 60_000) * 60_000 - 25 * 60_000;
const kafka = new Kafka({ clientId: "it-discard", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING });
const signal = new AbortController().signal;

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await getPool().query<T>(sql, params)).rows[0];
}

async function statusCounts(): Promise<Record<string, number>> {
  const { rows } = await getPool().query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM dlq_messages WHERE topic = $1 GROUP BY status", [topic]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }, { topic: spread, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: 10 }, (_, i) => ({
      key: `k-${i}`, value: "{}", headers: { "dlq.error.type": i < 6 ? "Timeout" : "Poison", "dlq.original.topic": "orders" },
    })),
  });
  await producer.send({
    topic: spread,
    messages: Array.from({ length: 40 }, (_, i) => ({
      key: `s-${i}`, value: "{}", timestamp: String(SPREAD_START + i * 37_000), headers: { "dlq.error.type": i % 3 === 0 ? "Timeout" : "Poison" },
    })),
  });
  await producer.disconnect();
  await discoverByName("local");
  // The indexer's first read may outlast the read timeout on a fresh broker; it runs again, as the worker does.
  const deadline = Date.now() + 30_000;
  const indexed = async () => (await statusCounts()).pending === 10 && (await one<{ n: number }>("SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1", [spread]))?.n === 40;
  while (!(await indexed()) && Date.now() < deadline) await indexCluster("local", signal, 30_000).catch(() => 0);
});

afterAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, spread] }).catch(() => {});
  await admin.disconnect();
  await closeAllClusters();
  await disconnectDb();
});

describe("discardMessages", () => {
  it("starts from ten indexed pending messages", async () => {
    expect(await statusCounts()).toEqual({ pending: 10 });
  });

  it("discards chosen pending messages once, with a disposition and an audit event", async () => {
    const first = await discardMessages({ cluster: "local", topic, actor: "ana", reason: "duplicate of INC-42", selection: { kind: "messages", positions: [{ partition: 0, offset: 1n }] } });
    expect(first).toMatchObject({ discarded: 1, requested: 1 });
    const again = await discardMessages({ cluster: "local", topic, actor: "ana", reason: "again", selection: { kind: "messages", positions: [{ partition: 0, offset: 1n }, { partition: 0, offset: 2n }] } });
    expect(again).toMatchObject({ discarded: 1, requested: 2 });

    expect(await statusCounts()).toEqual({ pending: 8, discarded: 2 });
    expect(await one("SELECT kind, reason, actor, audit_event_id::text AS audit FROM dlq_dispositions WHERE topic = $1 AND \"offset\" = 1", [topic]))
      .toEqual({ kind: "discarded", reason: "duplicate of INC-42", actor: "ana", audit: first.auditEventId });
    expect(await one("SELECT count(*)::int AS n FROM dlq_dispositions WHERE topic = $1", [topic])).toEqual({ n: 2 });
    const audit = await one<{ action: string; target: string; outcome: string; details: Record<string, unknown> }>(
      "SELECT action, target, outcome, details FROM audit_events WHERE id = $1", [first.auditEventId]);
    expect(audit).toEqual({
      action: "dlq.discard", target: `local/${topic}`, outcome: "ok",
      details: { reason: "duplicate of INC-42", requested: 1, discarded: 1, selection: { messages: ["0:1"], more: 0 } },
    });
  });

  it("discards all pending messages matching a filter, and the kept counts still equal a recount", async () => {
    const result = await discardMessages({
      cluster: "local", topic, actor: "ana", reason: "known poison, fixed in v2",
      selection: { kind: "filter", input: { cluster: "local", topic, status: "any", errorType: "Poison" } },
    });
    expect(result).toMatchObject({ discarded: 4, requested: null });
    expect(await statusCounts()).toEqual({ pending: 4, discarded: 6 });
    expect(await one("SELECT pending_count::int AS pending, discarded_count::int AS discarded FROM dlq_topics WHERE topic = $1", [topic]))
      .toEqual({ pending: 4, discarded: 6 });
    const { rows: groups } = await getPool().query<{ error_type: string; pending: number }>(
      "SELECT error_type, pending_count::int AS pending FROM dlq_error_groups WHERE topic = $1 ORDER BY error_type", [topic]);
    expect(groups).toEqual([{ error_type: "Poison", pending: 0 }, { error_type: "Timeout", pending: 4 }]);
  });

  it("refuses a discard without a reason and changes nothing", async () => {
    await expect(discardMessages({ cluster: "local", topic, actor: "ana", reason: "  ", selection: { kind: "messages", positions: [{ partition: 0, offset: 0n }] } }))
      .rejects.toThrow("A discard needs a reason.");
    expect(await statusCounts()).toEqual({ pending: 4, discarded: 6 });
  });
});

describe("countPendingMatching", () => {
  const recount = async (input: DlqBrowseInput) => (await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND status = 'pending' AND ($2::text IS NULL OR error_type = $2)
       AND ($3::timestamptz IS NULL OR timestamp >= $3) AND ($4::timestamptz IS NULL OR timestamp < $4)`,
    [spread, input.errorType ?? null, input.from ?? null, input.to ?? null]))?.n;
  const at = (ms: number) => new Date(SPREAD_START + ms);

  it("agrees with a recount for no filter, an error type and time ranges cutting minutes in whole and in part", async () => {
    await discardMessages({ cluster: "local", topic: spread, actor: "ana", reason: "test", selection: { kind: "messages", positions: [3, 4, 20, 21, 39].map((o) => ({ partition: 0, offset: BigInt(o) })) } });
    const inputs: Partial<DlqBrowseInput>[] = [
      {}, { errorType: "Poison" }, { errorType: "Missing" }, { errorType: "Poison", from: at(61_000), to: at(900_000) }, { errorType: "Timeout", to: at(700_000) },
      { errorType: "Poison", from: at(60_000), to: at(10 * 60_000) }, { errorType: "Missing", from: at(90_000) }, { errorType: "Poison", from: at(5_000), to: at(40_000) },
      { from: at(0), to: at(25 * 60_000) }, { from: at(60_000), to: at(10 * 60_000) }, { from: at(61_000), to: at(9 * 60_000 + 59_000) },
      { from: at(90_000) }, { to: at(700_000) }, { from: at(5_000), to: at(40_000) }, { from: at(-3_600_000), to: at(3_600_000) },
    ];
    for (const filter of inputs) {
      const input: DlqBrowseInput = { cluster: "local", topic: spread, status: "pending", ...filter };
      expect(await countPendingMatching(input, OPERATOR), JSON.stringify(filter)).toBe(await recount(input));
    }
    expect(await countPendingMatching({ cluster: "local", topic: spread, status: "pending" }, OPERATOR)).toBe(35);
  });
});
