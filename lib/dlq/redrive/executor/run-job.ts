import "server-only";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";
import { sleep } from "@/lib/worker/abortable-sleep";
import { openBreakersFor } from "../open-breakers";
import { describeTargets, type TargetTopic } from "../target-topics";
import { resolveInDoubt } from "./in-doubt";
import {
  inTransaction, loadJob, markSending, markSent, nextItems, recordFailures, failSending, setWaitReason, completeJob,
  type InDoubtFrom, type JobRow, type SentItem,
} from "./ledger";
import { partitionChooser, planBatch, type PlannedSend } from "./plan-batch";
import { startRedriveSpan, type RedriveSpan } from "./redrive-span";
import { readSourceMessages } from "./source-messages";

export type ExecutorOptions = {
  /** Messages per batch at most (fewer under a velocity limit). */
  batchSize?: number;
  /** Called after a batch is produced and before it is marked sent: where tests inject a crash. */
  afterProduce?: (jobId: string, batch: number) => Promise<void> | void;
};

/** Why a job stopped moving for now: the executor lets go of it and comes back on its next run. */
export type JobOutcome = "done" | "stopped" | "waiting";

const DEFAULT_BATCH = 500;

// A function, not a property read: the signal aborts while the loop awaits.
const isStopping = (signal: AbortSignal) => signal.aborted;

/**
 * Runs one claimed job until it is done, paused, cancelled or must wait (a breaker open, Kafka unreachable).
 * Each batch follows the ledger rule: items marked sending with the target's end offsets, then produced,
 * then marked sent; a job that has items in doubt settles them before it sends anything else.
 */
export async function runJob(client: PoolClient, jobId: string, signal: AbortSignal, options: ExecutorOptions = {}): Promise<JobOutcome> {
  const choosePartition = partitionChooser();
  const targets = new Map<string, TargetTopic>();
  const startedAt = Date.now();
  let sentThisRun = 0;
  let batchNumber = 0;
  let oneAtATime = false;
  while (!signal.aborted) {
    const job = await loadJob(client, jobId);
    if (!job) return "done";
    try {
      if (job.inDoubtFrom) {
        await resolveInDoubt(client, job, signal);
        continue;
      }
      if (job.status !== "running") return "done";
      if (!job.overrideBreakers) {
        const open = await openBreakersFor(job.cluster, await targetTopicsOf(client, job.id));
        if (open.length > 0) {
          const names = open.map((b) => `${b.service}/${b.breaker}`).join(", ");
          await setWaitReason(client, job.id, `Waiting: breaker ${names} ${open.length === 1 ? "is" : "are"} open; the job goes on when ${open.length === 1 ? "it closes" : "they close"}.`);
          return "waiting";
        }
      }
      const { items, notPending } = await nextItems(client, job.id, oneAtATime ? 1 : batchLimit(job.velocity, options.batchSize ?? DEFAULT_BATCH));
      await recordFailures(client, job.id, notPending);
      if (items.length === 0) {
        if (notPending.length > 0) continue;
        await completeJob(client, job);
        return "done";
      }
      const wanted = [...new Set(items.map((i) => i.targetTopic))].filter((t) => !targets.has(t));
      if (wanted.length > 0) for (const [name, layout] of await describeTargets(job.cluster, wanted)) targets.set(name, layout);
      const { messages, covered } = await readSourceMessages(job.cluster, job.sourceTopic, items);
      const plan = planBatch({ jobId: job.id, items: covered, messages, targets, maxRedrives: job.maxRedrives, overrideLoopGuard: job.overrideLoopGuard, choosePartition });
      await recordFailures(client, job.id, plan.failures);
      if (plan.sends.length === 0) continue;

      const spans = plan.sends.map((s) => startRedriveSpan(s.topic, job.id, messages.get(`${s.item.partition}:${s.item.offset}`)?.headers ?? {}));
      const inDoubtFrom = await endOffsets(job.cluster, [...new Set(plan.sends.map((s) => s.topic))]);
      await inTransaction(client, () => markSending(client, job.id, plan.sends.map((s, i) => ({ id: s.item.id, traceId: spans[i]?.traceId ?? "", spanId: spans[i]?.spanId ?? "" })), inDoubtFrom));
      let sent: SentItem[];
      try {
        sent = await produce(job.cluster, plan.sends, spans);
        for (const span of spans) span.end();
      } catch (error) {
        for (const span of spans) span.end(error instanceof Error ? error.message : String(error));
        if (!isTooLarge(error)) throw error;
        // The broker refused the batch as too large (its limit can be below the topic's): nothing of it was
        // written. Alone, the message fails for good; in a batch, the messages go one at a time to find it.
        const only = plan.sends[0];
        if (plan.sends.length === 1 && only) await failSending(client, job.id, only.item.id, "MESSAGE_TOO_LARGE", (error as Error).message);
        else oneAtATime = true;
        continue;
      }
      await options.afterProduce?.(job.id, ++batchNumber);
      await inTransaction(client, () => markSent(client, job, sent));
      sentThisRun += sent.length;
      await pace(job.velocity, startedAt, sentThisRun, signal);
    } catch (error) {
      if (isStopping(signal)) return "stopped";
      if (!(error instanceof AppError)) throw error; // Postgres: this connection (and the job's lock) may be gone
      // Kafka could not be reached or refused: nothing is lost (items in doubt are settled first on return).
      await setWaitReason(client, job.id, `Waiting: ${error.message}`);
      return "waiting";
    }
  }
  return "stopped";
}

/** Under a velocity limit, about four batches a second, so the rate is smooth rather than bursty. */
export function batchLimit(velocity: number | null, batchSize: number): number {
  return velocity === null ? batchSize : Math.max(1, Math.min(batchSize, Math.floor(velocity / 4)));
}

async function pace(velocity: number | null, startedAt: number, sent: number, signal: AbortSignal): Promise<void> {
  if (velocity === null) return;
  const due = startedAt + (sent / velocity) * 1_000;
  const wait = due - Date.now();
  if (wait > 0) await sleep(wait, signal);
}

async function targetTopicsOf(client: PoolClient, jobId: string): Promise<string[]> {
  const { rows } = await client.query<{ target_topic: string }>(
    "SELECT DISTINCT target_topic FROM redrive_items WHERE job_id = $1 AND status = 'pending'", [jobId]);
  return rows.map((r) => r.target_topic);
}

async function endOffsets(cluster: string, topics: string[]): Promise<InDoubtFrom> {
  const kafka = getClusterClient(cluster);
  const result: InDoubtFrom = {};
  for (const topic of topics) {
    const offsets = await kafka.admin("end offsets", (admin) => admin.fetchTopicOffsets(topic));
    result[topic] = Object.fromEntries(offsets.map((o) => [String(o.partition), o.high]));
  }
  return result;
}

/** Produces the batch with acks from all in-sync replicas; where each message landed, from each partition's base offset. */
async function produce(cluster: string, sends: PlannedSend[], spans: RedriveSpan[]): Promise<SentItem[]> {
  const byTopic = new Map<string, { key: Buffer | null; value: Buffer | null; partition: number; headers: Record<string, Buffer> }[]>();
  sends.forEach((s, i) => {
    const list = byTopic.get(s.topic) ?? [];
    list.push({ key: s.message.key, value: s.message.value, partition: s.partition, headers: { ...s.message.headers, traceparent: Buffer.from(spans[i]?.traceparent ?? "") } });
    byTopic.set(s.topic, list);
  });
  const metadata = await getClusterClient(cluster).produce("redrive", (producer) => producer.sendBatch({
    acks: -1,
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
  }));
  const base = new Map(metadata.map((m) => [`${m.topicName}\u0000${m.partition}`, BigInt(m.baseOffset ?? "-1")]));
  const next = new Map<string, bigint>();
  return sends.map((s) => {
    const slot = `${s.topic}\u0000${s.partition}`;
    const offset = next.get(slot) ?? base.get(slot);
    if (offset === undefined || offset < 0n) throw new Error(`the broker gave no offset for ${s.topic}[${s.partition}]`);
    next.set(slot, offset + 1n);
    return { id: s.item.id, partition: s.partition, offset };
  });
}

function isTooLarge(error: unknown): boolean {
  return error instanceof AppError && typeof error.details?.kafkaError === "string" && /TOO_LARGE/.test(error.details.kafkaError);
}

export type { JobRow };
