// The redrive server actions with bad input: each gets a clear one-line error, is audited, and starts nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareRedriveAction, startRedriveAction, type StartRedriveInput } from "@/app/dlq/[cluster]/[topic]/redrive-actions";
import { controlJobAction } from "@/app/dlq/jobs/[id]/actions";
import { disconnectDb, getPool } from "@/lib/db";
import { closeAllClusters } from "@/lib/kafka";
import { createTopics, deadLetter, deleteTopics, indexAll, produce } from "./support/redrive-topics";
import { makeUser, signInAs } from "./support/sign-in-as";

vi.mock("next/headers", () => import("./support/next-request"));

const id = randomUUID().slice(0, 8);
const dlq = `it-redrive-actions-${id}.DLQ`;
const orders = `it-redrive-actions-${id}.orders`;

const start = (changes: Partial<StartRedriveInput>): StartRedriveInput => ({
  cluster: "local", topic: dlq, selection: { kind: "messages", positions: ["0:0"] }, targetTopic: null, velocity: null,
  overrideBreakers: false, overrideLoopGuard: false, asOf: new Date().toISOString(), confirmedCount: null, ...changes,
});

// Audit events before this file ran (files run one at a time) are other tests'.
let auditedBefore = "0";

beforeAll(async () => {
  await signInAs(await makeUser("operator"));
  auditedBefore = (await getPool().query<{ id: string }>("SELECT coalesce(max(id), 0)::text AS id FROM audit_events")).rows[0]?.id ?? "0";
  await createTopics([{ topic: dlq, numPartitions: 1 }, { topic: orders, numPartitions: 1 }]);
  await produce(dlq, [deadLetter(0, orders)]);
  await indexAll(dlq, 1);
}, 120_000);

afterAll(async () => {
  await deleteTopics([dlq, orders]);
  await closeAllClusters();
  await disconnectDb();
});

describe("redrive actions with bad input", () => {
  it.each([
    ["an unknown cluster", start({ cluster: "nowhere" }), "NOT_FOUND", `No dead-letter topic ${dlq} on nowhere.`],
    ["an unknown topic", start({ topic: "orders.unknown.DLQ" }), "NOT_FOUND", "No dead-letter topic orders.unknown.DLQ on local."],
    ["an offset out of range", start({ selection: { kind: "messages", positions: ["0:9223372036854775808"] } }), "VALIDATION", "0:9223372036854775808: partition or offset out of range"],
    ["a position that is not partition:offset", start({ selection: { kind: "messages", positions: ["0:-1"] } }), "VALIDATION", "selection.positions.0: partition:offset"],
    ["a target topic with markup in its name", start({ targetTopic: "<script>alert(1)</script>" }), "VALIDATION", "targetTopic: a topic name is letters, digits, '.', '_' and '-'"],
    ["a velocity of zero", start({ velocity: 0 }), "VALIDATION", "velocity: at least 1 message per second"],
    ["a filter that is not a browser query", start({ selection: { kind: "filter", query: "from=yesterday" } }), "VALIDATION", "filter from: a time like 2026-11-27T17:05 (UTC)"],
  ])("refuses %s", async (_what, input, code, message) => {
    expect(await startRedriveAction(input)).toEqual({ ok: false, error: { code, message } });
  });

  it("refuses an offset with no pending message, and the preview says the same", async () => {
    const message = "No pending message matches the selection; nothing to redrive.";
    expect(await startRedriveAction(start({ selection: { kind: "messages", positions: ["0:7"] } }))).toEqual({ ok: false, error: { code: "VALIDATION", message } });
    expect(await prepareRedriveAction({ cluster: "local", topic: dlq, selection: { kind: "messages", positions: ["0:7"] }, targetTopic: null }))
      .toEqual({ ok: false, error: { code: "VALIDATION", message } });
  });

  it("refuses to control a job that does not exist or is not a job id", async () => {
    expect(await controlJobAction({ jobId: randomUUID(), control: "pause" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await controlJobAction({ jobId: "'; DROP TABLE redrive_jobs; --", control: "pause" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  // Input that does not parse is answered before any operator or data is looked at; the rest is audited:
  // unknown cluster, unknown topic, offset out of range, bad filter, no pending message (start and
  // preview), and the job that does not exist.
  it("started nothing, and audited each refusal past the input's shape", async () => {
    expect((await getPool().query("SELECT count(*)::int AS n FROM redrive_jobs WHERE source_topic = $1", [dlq])).rows[0]).toEqual({ n: 0 });
    const { rows } = await getPool().query<{ outcome: string; n: number }>(
      "SELECT outcome, count(*)::int AS n FROM audit_events WHERE id > $1 AND action LIKE 'dlq.redrive%' AND outcome <> 'ok' GROUP BY outcome", [auditedBefore]);
    expect(rows).toEqual([{ outcome: "failed", n: 7 }]);
  });
});
