// The checks every crash and outage test of redrive ends with: each item of the job is in the target exactly
// once, none is lost, each is the DLQ message it stands for, the ledger says where each one landed, and the
// DLQ index and its kept counts agree with what was sent.
import { expect } from "vitest";
import { getPool } from "@/lib/db";
import { countByRedriveId, type ReadBack } from "./redrive-topics";

export type RedrivenJob = { id: string; cluster: string; dlqTopic: string; total: number };

type ItemRow = { id: string; partition: number; offset: string; status: string; target_partition: number | null; target_offset: string | null };

/** A list of problems as one value: how many there are and the first few, so a failure names them. */
function problems<T>(list: T[]): { count: number; first: T[] } {
  return { count: list.length, first: list.slice(0, 5) };
}
const none = { count: 0, first: [] };

/**
 * `source` is everything the DLQ topic holds and `target` everything the target topic holds, both read
 * back from Kafka after the job completed.
 */
export async function expectSentExactlyOnce(job: RedrivenJob, source: ReadBack[], target: ReadBack[]): Promise<void> {
  const pool = getPool();
  const landed = target.filter((m) => m.headers["flowdeck.redrive.job"] === job.id);
  const counts = countByRedriveId(landed);
  expect(problems([...counts].filter(([, n]) => n !== 1).map(([id, n]) => ({ id, times: n }))), "items in the target more than once").toEqual(none);

  const { rows: items } = await pool.query<ItemRow>(
    `SELECT id::text, partition, "offset"::text, status, target_partition, target_offset::text FROM redrive_items WHERE job_id = $1 ORDER BY id`, [job.id]);
  expect(items).toHaveLength(job.total);
  expect(problems(items.filter((i) => i.status !== "sent").map((i) => ({ id: i.id, status: i.status }))), "items not sent").toEqual(none);
  const itemIds = new Set(items.map((i) => i.id));
  expect(problems(items.filter((i) => !counts.has(i.id)).map((i) => i.id)), "items missing from the target").toEqual(none);
  expect(problems([...counts.keys()].filter((id) => !itemIds.has(id))), "messages in the target that are no item of the job").toEqual(none);
  expect(landed).toHaveLength(job.total);

  const byId = new Map(landed.map((m) => [m.headers["flowdeck.redrive.id"], m]));
  const bySource = new Map(source.map((m) => [`${m.partition}:${m.offset}`, m]));
  const misplaced: unknown[] = [];
  const altered: unknown[] = [];
  for (const item of items) {
    const sent = byId.get(item.id);
    if (!sent) continue; // reported above
    if (sent.partition !== item.target_partition || sent.offset !== item.target_offset) {
      misplaced.push({ id: item.id, recorded: [item.target_partition, item.target_offset], actual: [sent.partition, sent.offset] });
    }
    const original = bySource.get(`${item.partition}:${item.offset}`);
    const same = original !== undefined && sent.key === original.key && original.value !== null && sent.value?.equals(original.value) === true
      && sent.headers["event-id"] === original.headers["event-id"] && sent.headers.tenant === original.headers.tenant
      && sent.headers["flowdeck.redrive.count"] === "1";
    if (!same) altered.push({ id: item.id, source: `${item.partition}:${item.offset}`, key: sent.key, sourceKey: original?.key ?? "(no such message)" });
  }
  expect(problems(misplaced), "items whose recorded target partition/offset is not where they are").toEqual(none);
  expect(problems(altered), "sent messages that differ from their DLQ message").toEqual(none);

  const { rows: [row] } = await pool.query<Record<string, unknown>>(
    `SELECT status, total, sent, failed, skipped, cancelled, in_doubt_from IS NOT NULL AS "inDoubt", wait_reason AS "waitReason"
       FROM redrive_jobs WHERE id = $1`, [job.id]);
  expect(row).toEqual({ status: "completed", total: job.total, sent: job.total, failed: 0, skipped: 0, cancelled: 0, inDoubt: false, waitReason: null });

  // Compared here rather than joined in SQL: on freshly filled tables the planner's guesses can make that join slow.
  const { rows: messages } = await pool.query<{ partition: number; offset: string; status: string }>(
    `SELECT partition, "offset"::text, status FROM dlq_messages WHERE cluster = $1 AND topic = $2`, [job.cluster, job.dlqTopic]);
  const messageStatus = new Map(messages.map((m) => [`${m.partition}:${m.offset}`, m.status]));
  const notRedriven = items.filter((i) => messageStatus.get(`${i.partition}:${i.offset}`) !== "redriven")
    .map((i) => ({ id: i.id, message: `${i.partition}:${i.offset}`, status: messageStatus.get(`${i.partition}:${i.offset}`) ?? "(not indexed)" }));
  expect(problems(notRedriven), "DLQ messages of sent items not marked redriven").toEqual(none);
  const { rows: [dispositions] } = await pool.query<{ n: number; positions: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT (partition, "offset"))::int AS positions FROM dlq_dispositions
      WHERE cluster = $1 AND topic = $2 AND kind = 'redriven' AND reason = $3`, [job.cluster, job.dlqTopic, `redrive job ${job.id}`]);
  expect(dispositions).toEqual({ n: job.total, positions: job.total });

  await expectKeptCounts(job.cluster, job.dlqTopic);
}

/** The DLQ topic's kept counts (by status, and pending by error type) equal a recount of its messages. */
export async function expectKeptCounts(cluster: string, topic: string): Promise<void> {
  const pool = getPool();
  const { rows: kept } = await pool.query(
    `SELECT pending_count::int AS pending, redriven_count::int AS redriven, discarded_count::int AS discarded, expired_count::int AS expired
       FROM dlq_topics WHERE cluster = $1 AND topic = $2`, [cluster, topic]);
  const { rows: recount } = await pool.query(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'redriven')::int AS redriven,
            count(*) FILTER (WHERE status = 'discarded')::int AS discarded, count(*) FILTER (WHERE status = 'expired')::int AS expired
       FROM dlq_messages WHERE cluster = $1 AND topic = $2`, [cluster, topic]);
  expect(kept).toEqual(recount);
  const { rows: groups } = await pool.query(
    "SELECT error_type, pending_count::int AS pending, total_count::int AS total FROM dlq_error_groups WHERE cluster = $1 AND topic = $2 ORDER BY error_type", [cluster, topic]);
  const { rows: regrouped } = await pool.query(
    `SELECT error_type, count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*)::int AS total
       FROM dlq_messages WHERE cluster = $1 AND topic = $2 GROUP BY error_type ORDER BY error_type`, [cluster, topic]);
  expect(groups).toEqual(regrouped);
}
