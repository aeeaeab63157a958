import "server-only";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors";
import { sleep } from "@/lib/worker/abortable-sleep";
import { openBreakersFor } from "../open-breakers";
import { describeTargets, type TargetTopic } from "../target-topics";
import { resolveInDoubt } from "./in-doubt";
import {
  inTransaction, loadJob, markSending, markSent, nextItems, recordFailures, failSending, setWaitReason, completeJob,
  type InDoubtFrom, type JobRow, type SentItem,
} from "./ledger";
import { partitionChooser, planBatch, type ItemFailure, type LedgerItem } from "./plan-batch";
import { endOffsets, isTooLarge, produce } from "./produce-batch";
import { startRedriveSpan } from "./redrive-span";
import { readSourceMessages, type SourceRead } from "./source-messages";

export type ExecutorOptions = {
  /** Messages per batch at most (fewer under a velocity limit). */
  batchSize?: number;
  /** Called after a batch is produced and before it is marked sent: where tests inject a crash. */
  afterProduce?: (jobId: string, batch: number) => Promise<void> | void;
};

/** Why a job stopped moving for now: the executor lets go of it and comes back on its next run. */
export type JobOutcome = "done" | "stopped" | "waiting";

const DEFAULT_BATCH = 2000;

/** A batch taken from the ledger ahead of its turn, its messages being read from Kafka meanwhile. */
type Ahead = { items: LedgerItem[]; notPending: ItemFailure[]; reading: Promise<SourceRead> | null };
/** A batch produced and acknowledged, not marked sent yet. */
type Unmarked = { job: JobRow; sent: SentItem[] };

// A function, not a property read: the signal aborts while the loop awaits.
const isStopping = (signal: AbortSignal) => signal.aborted;

/**
 * Runs one claimed job until it is done, paused, cancelled or must wait (a breaker open, Kafka unreachable).
 * Each batch follows the ledger rule: items marked sending with the target's end offsets, then produced,
 * then marked sent; a job that has items in doubt settles them before it sends anything else. Batches are
 * produced one after another (so order within a partition holds), and each is marked sent while the next is
 * produced: Postgres and Kafka work at the same time, and the recorded offsets cover both batches meanwhile.
 */
export async function runJob(client: PoolClient, jobId: string, signal: AbortSignal, options: ExecutorOptions = {}): Promise<JobOutcome> {
  const choosePartition = partitionChooser();
  const targets = new Map<string, TargetTopic>();
  const startedAt = Date.now();
  let sentThisRun = 0;
  let batchNumber = 0;
  let oneAtATime = false;
  let ahead: Ahead | undefined;
  let unmarked: Unmarked | undefined;
  const limitOf = (job: JobRow) => (oneAtATime ? 1 : batchLimit(job.velocity, options.batchSize ?? DEFAULT_BATCH));
  /** Marks the batch produced last; `stillInDoubt` names the batch produced since, if any. */
  const markProduced = async (stillInDoubt: InDoubtFrom | null) => {
    const batch = unmarked;
    unmarked = undefined;
    if (batch) await inTransaction(client, () => markSent(client, batch.job, batch.sent, stillInDoubt));
  };
  while (!signal.aborted) {
    const job = await loadJob(client, jobId);
    // The batch taken ahead is used only if the job may still go on now: running, nothing in doubt, no breaker open.
    const taken = ahead;
    ahead = undefined;
    if (!job) return "done";
    try {
      if (job.inDoubtFrom && !unmarked) { // with a batch unmarked, the offsets recorded are this run's own
        await resolveInDoubt(client, job, signal);
        continue;
      }
      if (job.status !== "running") {
        await markProduced(null);
        return "done";
      }
      if (!job.overrideBreakers) {
        const open = await openBreakersFor(job.cluster, await targetTopicsOf(client, job.id));
        if (open.length > 0) {
          await markProduced(null);
          const names = open.map((b) => `${b.service}/${b.breaker}`).join(", ");
          await setWaitReason(client, job.id, `Waiting: breaker ${names} ${open.length === 1 ? "is" : "are"} open; the job goes on when ${open.length === 1 ? "it closes" : "they close"}.`);
          return "waiting";
        }
      }
      const { items, notPending } = taken ?? await nextItems(client, job.id, limitOf(job));
      await recordFailures(client, job.id, notPending);
      if (items.length === 0) {
        if (notPending.length > 0) continue;
        await markProduced(null);
        await completeJob(client, job);
        return "done";
      }
      const wanted = [...new Set(items.map((i) => i.targetTopic))].filter((t) => !targets.has(t));
      if (wanted.length > 0) for (const [name, layout] of await describeTargets(job.cluster, wanted)) targets.set(name, layout);
      const { messages, covered } = await (taken?.reading ?? readSourceMessages(job.cluster, job.sourceTopic, items));
      const plan = planBatch({ jobId: job.id, items: covered, messages, targets, maxRedrives: job.maxRedrives, overrideLoopGuard: job.overrideLoopGuard, choosePartition });
      await recordFailures(client, job.id, plan.failures);
      if (plan.sends.length === 0) continue;

      const spans = plan.sends.map((s) => startRedriveSpan(s.topic, job.id, messages.get(`${s.item.partition}:${s.item.offset}`)?.headers ?? {}));
      // Read after the batch before was acknowledged, so these offsets are below every message of this one.
      const inDoubtFrom = await endOffsets(job.cluster, [...new Set(plan.sends.map((s) => s.topic))]);
      const marked = await inTransaction(client, () => markSending(client, job.id, plan.sends.map((s, i) => ({ id: s.item.id, traceId: spans[i]?.traceId ?? "", spanId: spans[i]?.spanId ?? "" })), inDoubtFrom));
      const sends = plan.sends.filter((s) => marked.has(s.item.id));
      const sendSpans = spans.filter((_, i) => marked.has(plan.sends[i]?.item.id ?? ""));
      for (const [i, span] of spans.entries()) if (!marked.has(plan.sends[i]?.item.id ?? "")) span.end("not sent: cancelled or no longer pending");
      if (sends.length === 0) continue;
      // This batch's items are sending now, so the next batch can be taken and read from Kafka while it is produced.
      const next = await takeAhead(client, job, limitOf(job));
      const producing = produce(job.cluster, sends, sendSpans);
      producing.catch(() => {}); // awaited below; a Postgres failure first must not leave it unhandled
      await markProduced(inDoubtFrom);
      let sent: SentItem[];
      try {
        sent = await producing;
        for (const span of sendSpans) span.end();
      } catch (error) {
        for (const span of sendSpans) span.end(error instanceof Error ? error.message : String(error));
        if (!isTooLarge(error)) throw error;
        // The broker refused the batch as too large (its limit can be below the topic's): nothing of it was
        // written. Alone, the message fails for good; in a batch, the messages go one at a time to find it.
        const only = sends[0];
        if (sends.length === 1 && only) await failSending(client, job.id, only.item.id, "MESSAGE_TOO_LARGE", (error as Error).message);
        else oneAtATime = true;
        continue;
      }
      await options.afterProduce?.(job.id, ++batchNumber);
      unmarked = { job, sent };
      ahead = next;
      sentThisRun += sent.length;
      await pace(job.velocity, startedAt, sentThisRun, signal);
    } catch (error) {
      // A batch left unmarked stays in doubt, with offsets that cover it: the next run settles it by scanning.
      if (isStopping(signal)) return "stopped";
      if (!(error instanceof AppError)) throw error; // Postgres: this connection (and the job's lock) may be gone
      // Kafka could not be reached or refused: nothing is lost (items in doubt are settled first on return).
      await setWaitReason(client, job.id, `Waiting: ${error.message}`);
      return "waiting";
    }
  }
  await markProduced(null);
  return "stopped";
}

/** The next items from the ledger, with their messages being read from Kafka (awaited when the batch is used). */
async function takeAhead(client: PoolClient, job: JobRow, limit: number): Promise<Ahead> {
  const taken = await nextItems(client, job.id, limit);
  const reading = taken.items.length > 0 ? readSourceMessages(job.cluster, job.sourceTopic, taken.items) : null;
  reading?.catch(() => {}); // its error surfaces where it is awaited; a batch dropped unread must not leave it unhandled
  return { ...taken, reading };
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
