// Masking rules against the real broker and Postgres: a viewer reads DLQ messages with the configured
// values hidden (drawer fields, headers, payload, the list, the groups, the download) and cannot find a
// message by a hidden value through the browser's filters; an operator reads and finds them in clear.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Operator } from "@/lib/auth";
import {
  browseMessages, countPendingMatching, discoverByName, errorGroups, getDlqMessage, indexCluster, listDlqTopics, readDlqPayload, type DlqBrowseInput,
} from "@/lib/dlq";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { LOCAL_BROKER } from "./env";

const VIEWER: Operator = { id: "it:vera", name: "vera", displayName: "Vera", roles: ["viewer"] };
const OPERATOR: Operator = { id: "it:otto", name: "otto", displayName: "Otto", roles: ["viewer", "operator"] };

// The seam sign-in will fill; here it hands out whichever operator the test is acting as.
const acting = vi.hoisted(() => ({ operator: null as Operator | null }));
vi.mock("@/lib/auth/operator", async (original) => {
  const real = await original<typeof import("@/lib/auth/operator")>();
  return {
    ...real,
    getOperator: async () => acting.operator ?? real.getOperator(),
    requireRole: async (role: "viewer" | "operator" | "admin") => {
      const operator = acting.operator ?? (await real.getOperator());
      if (!operator.roles.includes(role)) throw new (await import("@/lib/errors")).AppError("FORBIDDEN", `needs ${role}`);
      return operator;
    },
  };
});

const id = randomUUID().slice(0, 8);
const topic = `it-mask-${id}.payments.DLQ`;
const clearTopic = `it-mask-${id}.shipping.DLQ`;
const CARD = "4111111111111111";
const OTHER_CARD = "5500000000000004";
const IBAN = "DE89370400440532013000";
const EMAIL = "ana@example.com";
const MASK = "••••";
const kafka = new Kafka({ clientId: "it-masking", brokers: [LOCAL_BROKER], logLevel: logLevel.NOTHING });

const headers = (extra: Record<string, string | Buffer> = {}) => ({
  "x-customer-email": EMAIL, tenant: "acme", "dlq.error.type": "CardDeclined", "dlq.error.message": `declined card ${CARD} by issuer`,
  "dlq.original.topic": "payments", ...extra,
});

async function pendingIndexed(t: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1", [t]);
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "flowdeck-masking-"));
  const file = path.join(dir, "masking.json");
  writeFileSync(file, JSON.stringify({
    rules: [
      { name: "card", topic: `it-mask-${id}.payments.*`, jsonPath: "$.card.number" },
      { name: "iban", topic: `it-mask-${id}.payments.*`, jsonPath: "$.items[*].iban", in: ["payload"] },
      { name: "pan", topic: `it-mask-${id}.payments.*`, regex: String.raw`\b\d{13,19}\b` },
      { name: "email-header", topic: `it-mask-${id}.payments.*`, header: "x-customer-email" },
    ],
  }));
  // Read on the first getConfig(), which nothing has called yet in this file.
  vi.stubEnv("FLOWDECK_MASKING_RULES_FILE", file);

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }, { topic: clearTopic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      { key: "k-json", value: JSON.stringify({ card: { number: CARD, brand: "visa" }, items: [{ iban: IBAN, qty: 1 }, { iban: IBAN, qty: 2 }], ref: `order for ${OTHER_CARD}` }), headers: headers() },
      // A poison message: the document is cut, so no path can be applied to it.
      { key: "k-poison", value: `{"card":{"number":"${OTHER_CARD}"`, headers: headers({ "dlq.error.type": "JsonParseException" }) },
      { key: "k-binary", value: Buffer.from([0xff, 0x00, ...Buffer.from(CARD)]), headers: headers({ "x-blob": Buffer.from([0xff, ...Buffer.from(CARD)]) }) },
    ],
  });
  await producer.send({ topic: clearTopic, messages: [{ key: "k-clear", value: JSON.stringify({ card: { number: CARD } }), headers: headers() }] });
  await producer.disconnect();
  await discoverByName("local");
  const deadline = Date.now() + 30_000;
  const signal = new AbortController().signal;
  while ((await pendingIndexed(topic) < 3 || await pendingIndexed(clearTopic) < 1) && Date.now() < deadline) await indexCluster("local", signal, 30_000).catch(() => 0);
});

afterAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, clearTopic] }).catch(() => {});
  await admin.disconnect();
  await closeAllClusters();
  await disconnectDb();
  vi.unstubAllEnvs();
});

const browse = (filter: Partial<DlqBrowseInput> = {}): DlqBrowseInput => ({ cluster: "local", topic, status: "any", ...filter });

describe("a viewer on a topic with masking rules", () => {
  it("reads the drawer's headers and fields with the hidden values masked, and is told which rules hid them", async () => {
    const message = await getDlqMessage("local", topic, 0, 0n, VIEWER);
    expect(message?.maskingRules).toEqual(["card", "iban", "pan", "email-header"]);
    expect(message?.headers.find((h) => h.name === "x-customer-email")).toEqual({ name: "x-customer-email", value: MASK, binary: false, maskedBy: ["email-header"] });
    expect(message?.headers.find((h) => h.name === "tenant")).toMatchObject({ value: "acme", maskedBy: [] });
    expect(message?.headers.find((h) => h.name === "dlq.error.message")).toMatchObject({ value: `declined card ${MASK} by issuer`, maskedBy: ["pan"] });
    expect(message?.errorMessage).toBe(`declined card ${MASK} by issuer`);
    expect(message?.masked).toEqual({ errorMessage: ["pan"] });
    const binary = await getDlqMessage("local", topic, 0, 2n, VIEWER);
    expect(binary?.headers.find((h) => h.name === "x-blob")).toMatchObject({ value: MASK, binary: false });
    expect(JSON.stringify([message, binary])).not.toContain(EMAIL);
    expect(JSON.stringify([message, binary])).not.toContain(CARD);
  });

  it("reads payloads masked by path and regex, and poison and binary payloads hidden whole", async () => {
    const json = await readDlqPayload("local", topic, 0, 0n, VIEWER);
    expect(JSON.parse(json.value?.toString() ?? "")).toEqual({
      card: { number: MASK, brand: "visa" }, items: [{ iban: MASK, qty: 1 }, { iban: MASK, qty: 2 }], ref: `order for ${MASK}`,
    });
    expect(json.masking).toEqual({ maskedBy: expect.arrayContaining(["card", "iban", "pan"]) as unknown, hiddenWhole: null });
    expect(json.formatted?.format).toBe("json");
    expect(json.formatted?.text).toContain(`"number": "${MASK}"`);
    for (const offset of [1n, 2n]) {
      const hidden = await readDlqPayload("local", topic, 0, offset, VIEWER);
      expect(hidden.value?.toString()).toBe(MASK);
      expect(hidden.formatted?.text).toBe(MASK);
      expect(hidden.masking?.hiddenWhole).toMatch(/cannot/);
    }
  });

  it("downloads the masked payload from the route handler", async () => {
    const { GET } = await import("@/app/api/dlq/[cluster]/[topic]/payload/route");
    const get = (offset: number) => GET(new Request(`http://flowdeck/api/dlq/local/${topic}/payload?partition=0&offset=${offset}`), { params: Promise.resolve({ cluster: "local", topic }) });
    acting.operator = VIEWER;
    try {
      const response = await get(0);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toContain(CARD);
      expect(body).not.toContain(IBAN);
      expect(JSON.parse(body)).toMatchObject({ card: { number: MASK } });
      expect(response.headers.get("content-disposition")).toContain("-masked.bin");
      expect(decodeURIComponent(response.headers.get("x-flowdeck-masked-by") ?? "").split(",").sort()).toEqual(["card", "iban", "pan"]);
      expect(await (await get(1)).text()).toBe(MASK);
      acting.operator = OPERATOR;
      const clear = await get(0);
      expect(await clear.text()).toContain(CARD);
      expect(clear.headers.get("x-flowdeck-masked-by")).toBeNull();
      acting.operator = { id: "it:nobody", name: "nobody", displayName: "Nobody", roles: [] };
      expect((await get(0)).status).toBe(403);
    } finally {
      acting.operator = null;
    }
  });

  it("sees the list's error messages masked, and groups and top errors without hidden values", async () => {
    const page = await browseMessages(browse(), VIEWER);
    expect(page.items).toHaveLength(3);
    for (const item of page.items) {
      expect(item.errorMessage).toBe(`declined card ${MASK} by issuer`);
      expect(item.masked).toEqual({ errorMessage: ["pan"] });
    }
    const groups = await errorGroups(browse(), VIEWER);
    expect(groups.map((g) => g.errorType).sort()).toEqual(["CardDeclined", "JsonParseException"]);
    const summary = (await listDlqTopics("local", VIEWER)).find((t) => t.topic === topic);
    expect(summary?.topErrors.map((e) => e.maskedBy)).toEqual([[], []]);
  });

  it("cannot find a message by a masked value: payload search and masked header values are refused", async () => {
    for (const filter of [{ text: CARD.slice(0, 6) }, { text: "visa" }, { header: { name: "x-customer-email", value: EMAIL } },
      { header: { name: "dlq.error.message", value: `declined card ${CARD} by issuer` } }]) {
      await expect(browseMessages(browse(filter), VIEWER), JSON.stringify(filter)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(countPendingMatching(browse({ ...filter, status: "pending" }), VIEWER)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(errorGroups(browse(filter), VIEWER)).rejects.toThrow(/not available to viewers/);
    }
    // A value the rules leave alone can be filtered on: the viewer sees it in clear anyway.
    expect((await browseMessages(browse({ header: { name: "tenant", value: "acme" } }), VIEWER)).items).toHaveLength(3);
    expect(await countPendingMatching(browse({ status: "pending", header: { name: "tenant", value: "acme" } }), VIEWER)).toBe(3);
    // A binary header is hidden whole, so its hex finds nothing for a viewer (and the message for an operator).
    const blob = (await getDlqMessage("local", topic, 0, 2n, OPERATOR))?.headers.find((h) => h.name === "x-blob");
    expect(blob?.binary).toBe(true);
    const byHex = browse({ header: { name: "x-blob", value: blob?.value ?? "" } });
    expect((await browseMessages(byHex, VIEWER)).items).toHaveLength(0);
    expect((await browseMessages(byHex, OPERATOR)).items).toHaveLength(1);
  });

  it("sees topics no rule names in clear, and can search them", async () => {
    const message = await getDlqMessage("local", clearTopic, 0, 0n, VIEWER);
    expect(message?.maskingRules).toBeNull();
    expect(message?.headers.find((h) => h.name === "x-customer-email")?.value).toBe(EMAIL);
    expect((await readDlqPayload("local", clearTopic, 0, 0n, VIEWER)).value?.toString()).toContain(CARD);
    expect((await browseMessages({ cluster: "local", topic: clearTopic, status: "any", text: CARD }, VIEWER)).items).toHaveLength(1);
  });
});

describe("an operator on the same topic", () => {
  it("reads everything in clear and finds messages by any value", async () => {
    const message = await getDlqMessage("local", topic, 0, 0n, OPERATOR);
    expect(message?.maskingRules).toBeNull();
    expect(message?.headers.find((h) => h.name === "x-customer-email")?.value).toBe(EMAIL);
    expect(message?.errorMessage).toBe(`declined card ${CARD} by issuer`);
    const payload = await readDlqPayload("local", topic, 0, 0n, OPERATOR);
    expect(payload.masking).toBeNull();
    expect(payload.value?.toString()).toContain(CARD);
    expect((await readDlqPayload("local", topic, 0, 1n, OPERATOR)).value?.toString()).toContain(OTHER_CARD);
    const found = await browseMessages(browse({ text: CARD }), OPERATOR);
    expect(found.items.map((m) => m.offset)).toEqual(["0"]);
    expect((await browseMessages(browse({ header: { name: "x-customer-email", value: EMAIL } }), OPERATOR)).items).toHaveLength(3);
    expect(await countPendingMatching(browse({ status: "pending", text: "visa" }), OPERATOR)).toBe(1);
    expect((await browseMessages(browse(), OPERATOR)).items[0]?.errorMessage).toContain(CARD);
  });
});
