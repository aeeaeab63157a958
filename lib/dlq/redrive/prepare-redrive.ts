import "server-only";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";
import { projectionLagSeconds } from "@/lib/projector";
import { formatPayload, headersForDisplay, type DisplayHeader } from "../decode";
import { selectionWhere, type DlqSelection } from "../verbs/selection";
import { openBreakersFor, type GatingBreaker } from "./open-breakers";
import { isRefusal, redriveMessage } from "./redrive-message";
import { describeTargets } from "./target-topics";

export type RedrivePreviewMessage = {
  partition: number;
  offset: string;
  targetTopic: string | null;
  key: string | null;
  headers: DisplayHeader[];
  value: string | null;
  refusal: string | null;
};

export type RedrivePreparation = {
  count: number;
  /** Messages counted up to this time are the ones a job started from this preparation takes. */
  asOf: Date;
  byTarget: { topic: string | null; count: number }[];
  /** Already redriven as often as the loop guard allows. */
  loopGuarded: number;
  /** Already in another active redrive job. */
  inOtherJobs: number;
  breakers: GatingBreaker[];
  preview: RedrivePreviewMessage[];
  maxRedrives: number;
  /** Above this count the operator types the count to confirm. */
  confirmAbove: number;
  /** Above this count the job waits for a second operator's approval (four-eyes rule); null: the rule is off. */
  approvalAbove: number | null;
  /** How far breaker states lag the spans received: the breaker list is only as fresh as that. */
  projectionLagSeconds: number;
};

const PREVIEW_COUNT = 3;

/**
 * The dry run shown before a redrive: how many messages, where they go, which breakers of the consuming
 * services are open, how many the loop guard holds back, and the first messages exactly as they will be
 * sent (key, headers, value), read from Kafka. Nothing is written. Not masked: only operators may prepare a
 * redrive (redrive-actions.ts), and they see messages in clear.
 */
export async function prepareRedrive(cluster: string, topic: string, selection: DlqSelection, targetTopic: string | null): Promise<RedrivePreparation> {
  const config = getConfig();
  const asOf = new Date();
  const { sql, params } = selectionWhere(cluster, topic, selection);
  const n = params.length;
  const [byTarget, counts, first] = await Promise.all([
    getPool().query<{ topic: string | null; count: number }>(
      `SELECT COALESCE($${n + 1}::text, original_topic) AS topic, count(*)::int AS count FROM dlq_messages WHERE ${sql} GROUP BY 1 ORDER BY 2 DESC`,
      [...params, targetTopic]),
    getPool().query<{ guarded: number; taken: number }>(
      `SELECT count(*) FILTER (WHERE m.redrive_count >= $${n + 1})::int AS guarded,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM redrive_items i WHERE i.cluster = m.cluster AND i.topic = m.topic
                 AND i.partition = m.partition AND i."offset" = m."offset" AND i.status IN ('pending', 'sending')))::int AS taken
         FROM (SELECT cluster, topic, partition, "offset", redrive_count FROM dlq_messages WHERE ${sql}) m`,
      [...params, config.redriveMaxCount]),
    getPool().query<{ partition: number; offset: string; original_topic: string | null }>(
      `SELECT partition, "offset"::text, original_topic FROM dlq_messages WHERE ${sql} ORDER BY partition, "offset" LIMIT ${PREVIEW_COUNT}`, params),
  ]);
  const count = byTarget.rows.reduce((sum, r) => sum + r.count, 0);
  if (count === 0) throw new AppError("VALIDATION", "No pending message matches the selection; nothing to redrive.");
  const topics = byTarget.rows.flatMap((r) => (r.topic === null ? [] : [r.topic]));
  await describeTargets(cluster, topics); // a target that does not exist is said now, not when the job starts
  const [breakers, preview, lag] = await Promise.all([
    openBreakersFor(cluster, topics),
    Promise.all(first.rows.map((r) => previewMessage(cluster, topic, r.partition, BigInt(r.offset), targetTopic ?? r.original_topic, config.redriveMaxCount))),
    projectionLagSeconds(),
  ]);
  return {
    count, asOf, byTarget: byTarget.rows, loopGuarded: counts.rows[0]?.guarded ?? 0, inOtherJobs: counts.rows[0]?.taken ?? 0,
    breakers, preview, maxRedrives: config.redriveMaxCount, confirmAbove: config.redriveConfirmAbove, approvalAbove: config.fourEyesAbove, projectionLagSeconds: lag,
  };
}

async function previewMessage(cluster: string, topic: string, partition: number, offset: bigint, targetTopic: string | null, maxRedrives: number): Promise<RedrivePreviewMessage> {
  const read = await getClusterClient(cluster).read({ topic, partition, fromOffset: offset, limit: 1 });
  const source = read.messages.find((m) => m.offset === offset);
  const base = { partition, offset: offset.toString() };
  if (!source) return { ...base, targetTopic, key: null, headers: [], value: null, refusal: "No longer in the topic (deleted by retention): it will fail as EXPIRED." };
  const built = redriveMessage(source, { jobId: "(new job)", itemId: "(set when sent)", maxRedrives });
  if (isRefusal(built)) return { ...base, targetTopic, key: null, headers: [], value: null, refusal: built.message };
  const headers = { ...built.headers, traceparent: Buffer.from("(new, from the redrive span)") };
  return {
    ...base,
    targetTopic,
    key: built.key === null ? null : headersForDisplay({ key: built.key })[0]?.value ?? null,
    headers: headersForDisplay(headers),
    value: built.value === null ? null : formatPayload(built.value, 4_096).text,
    refusal: null,
  };
}
