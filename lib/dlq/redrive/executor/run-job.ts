import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sleep } from "@/lib/worker/abortable-sleep";
import { openBreakersFor } from "../open-breakers";
import { describeTargets, type TargetTopic } from "../target-topics";
import { resolveInDoubt } from "./in-doubt";
import {
  cancelLeftovers, completeJob, failSending, inTransaction, loadJob, markInDoubt, markSent, nextItems, recordFailures, setInDoubt, setWaitReason,
  type InDoubtFrom, type JobRow, type SentItem,
} from "./ledger";
import { partitionChooser, planBatch, type ItemFailure, type LedgerItem } from "./plan-batch";
import { endOffsets, isTooLarge, produce } from "./produce-batch";
import { lowestOffsets } from "./in-doubt-offsets";
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
/** How often a running job looks at the breakers of its targets' consumers. */
const BREAKER_CHECK_MS = 1_000;

/** A batch taken from the ledger ahead of its turn, its messages being read from Kafka meanwhile. */
type Ahead = { items: LedgerItem[]; notPending: ItemFailure[]; reading: Promise<SourceRead> | null };
/** A batch produced and acknowledged, being marked sent on a connection of its own. */
type Marking = { ids: string[]; from: InDoubtFrom; done: Promise<void>; settled: boolean };

// A function, not a property read: the signal aborts while the loop awaits.
const isStopping = (signal: AbortSignal) => signal.aborted;

/**
 * Runs one claimed job until it is done, paused, cancelled or must wait (a breaker open, Kafka unreachable).
 * Each batch follows the ledger rule: the job records the batch as in doubt (its highest ledger id and the
 * target's end offsets), then it is produced, then marked sent; a job that has items in doubt settles them
 * before it sends anything else. Batches are produced one after another (so order within a partition
 * holds), and each is marked sent on a second connection while the next is read and produced, so Postgres
 * and Kafka work at the same time; the in-doubt record covers both batches meanwhile. Only the lock's
 * connection writes the record, and marking needs no lock: it only moves items still pending.
 */
export async function runJob(client: PoolClient, jobId: string, signal: AbortSignal, options: ExecutorOptions = {}): Promise<JobOutcome> {
  const choosePartition = partitionChooser();
  const targets = new Map<string, TargetTopic>();
  const startedAt = Date.now();
  let sentThisRun = 0;
  let batchNumber = 0;
  let oneAtATime = false;
  let breakersCheckedAt = 0;
  let breakerTopics: string[] | undefined;
  /** Whether the job's in-doubt record is this run's own; one left by an earlier run is settled first. */
  let ownRecord = false;
  let ahead: Ahead | undefined;
  let marking: Marking | undefined;
  const limitOf = (job: JobRow) => (oneAtATime ? 1 : batchLimit(job.velocity, options.batchSize ?? DEFAULT_BATCH));
  const unsettled = () => (marking && !marking.settled ? marking : undefined);
  const finishMarking = async () => {
    const batch = marking;
    marking = undefined;
    if (batch) await batch.done;
  };
  /** Every batch produced is marked: nothing is in doubt, and the job may be let go. */
  const settle = async () => {
    await finishMarking();
    if (ownRecord) await setInDoubt(client, jobId, null);
    ownRecord = false;
  };
  while (!signal.aborted) {
    const job = await loadJob(client, jobId);
    // The batch taken ahead is used only if the job may still go on now: running, nothing in doubt, no breaker open.
    const taken = ahead;
    ahead = undefined;
    if (!job) {
      await finishMarking();
      return "done";
    }
    try {
      if (job.inDoubtFrom && !ownRecord) {
        await finishMarking();
        await resolveInDoubt(client, job, signal);
        continue;
      }
      if (job.status !== "running") {
        await settle();
        if (job.status === "cancelled") await cancelLeftovers(client, job.id);
        return "done";
      }
      if (!job.overrideBreakers && Date.now() - breakersCheckedAt >= BREAKER_CHECK_MS) {
        breakerTopics ??= await targetTopicsOf(client, job.id);
        const open = await openBreakersFor(job.cluster, breakerTopics);
        breakersCheckedAt = Date.now();
        if (open.length > 0) {
          await settle();
          const names = open.map((b) => `${b.service}/${b.breaker}`).join(", ");
          await setWaitReason(client, job.id, `Waiting: breaker ${names} ${open.length === 1 ? "is" : "are"} open; the job goes on when ${open.length === 1 ? "it closes" : "they close"}.`);
          return "waiting";
        }
      }
      const { items, notPending } = taken ?? await nextItems(client, job.id, limitOf(job), unsettled()?.ids);
      await recordFailures(client, job.id, notPending);
      if (items.length === 0) {
        if (notPending.length > 0) continue;
        await settle();
        if ((await nextItems(client, job.id, 1)).items.length > 0) continue; // left by a batch that was cut short
        await completeJob(client, job);
        return "done";
      }
      const topics = [...new Set(items.map((i) => i.targetTopic))];
      // Read now, after the batch before was acknowledged, so these offsets are below every message of this one
      // (for every topic the batch may go to: a topic it ends up not sending to costs only a longer scan).
      const offsets = endOffsets(job.cluster, topics);
      // The next batch is taken and read from Kafka while this one is prepared and produced.
      const nextBatch = takeAhead(client, job, limitOf(job), [...(unsettled()?.ids ?? []), ...items.map((i) => i.id)]);
      offsets.catch(() => {}); // both awaited below; an error first must not leave them unhandled
      nextBatch.catch(() => {});
      const wanted = topics.filter((t) => !targets.has(t));
      if (wanted.length > 0) for (const [name, layout] of await describeTargets(job.cluster, wanted)) targets.set(name, layout);
      const { messages, covered } = await (taken?.reading ?? readSourceMessages(job.cluster, job.sourceTopic, items));
      const plan = planBatch({ jobId: job.id, items: covered, messages, targets, maxRedrives: job.maxRedrives, overrideLoopGuard: job.overrideLoopGuard, choosePartition });
      await recordFailures(client, job.id, plan.failures);
      if (plan.sends.length === 0) {
        ahead = await nextBatch;
        continue;
      }

      const spans = plan.sends.map((s) => startRedriveSpan(s.topic, job.id, messages.get(`${s.item.partition}:${s.item.offset}`)?.headers ?? {}));
      const from = await offsets;
      const ids = plan.sends.map((s) => s.item.id);
      const earlier = unsettled();
      const producible = await inTransaction(client, () => markInDoubt(client, job.id, ids, earlier ? lowestOffsets(earlier.from, from) : from, highestId(ids)));
      ownRecord = true;
      const sends = plan.sends.filter((s) => producible.has(s.item.id));
      const sendSpans = spans.filter((_, i) => producible.has(ids[i] ?? ""));
      for (const [i, span] of spans.entries()) if (!producible.has(ids[i] ?? "")) span.end("not sent: cancelled or no longer pending");
      const next = await nextBatch;
      if (sends.length === 0) {
        ahead = next;
        continue;
      }
      let sent: SentItem[];
      try {
        sent = await produce(job.cluster, sends, sendSpans);
        for (const span of sendSpans) span.end();
      } catch (error) {
        for (const span of sendSpans) span.end(error instanceof Error ? error.message : String(error));
        if (!isTooLarge(error)) throw error;
        // The broker refused the batch as too large (its limit can be below the topic's). Alone, the message
        // was not written and fails for good; in a batch, other partitions' messages may have been written, so
        // the batch is settled from the target like any in doubt, then its messages go one at a time.
        const only = sends[0];
        await finishMarking();
        if (sends.length === 1 && only) {
          await failSending(client, job.id, only.item.id, "MESSAGE_TOO_LARGE", (error as Error).message);
          ownRecord = false;
        } else {
          oneAtATime = true;
          ownRecord = false;
        }
        continue;
      }
      await finishMarking(); // at most one batch is being marked
      await options.afterProduce?.(job.id, ++batchNumber);
      marking = startMarking(job, sent, from);
      ahead = next;
      sentThisRun += sent.length;
      await pace(job.velocity, startedAt, sentThisRun, signal);
    } catch (error) {
      // A batch left unmarked stays in doubt, with offsets that cover it: the next run settles it by scanning.
      if (isStopping(signal)) return "stopped";
      if (!(error instanceof AppError)) throw error; // Postgres: this connection (and the job's lock) may be gone
      // Kafka could not be reached or refused: nothing is lost (items in doubt are settled first on return).
      await finishMarking();
      await setWaitReason(client, job.id, `Waiting: ${error.message}`);
      return "waiting";
    }
  }
  await settle();
  return "stopped";
}

/** Marks a produced batch sent on a pooled connection of its own, so the job's connection goes on meanwhile. */
function startMarking(job: JobRow, sent: SentItem[], from: InDoubtFrom): Marking {
  const marking: Marking = { ids: sent.map((s) => s.id), from, settled: false, done: Promise.resolve() };
  marking.done = (async () => {
    const connection = await getPool().connect();
    let failure: unknown;
    try {
      await inTransaction(connection, () => markSent(connection, job, sent));
      marking.settled = true;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      connection.release(failure instanceof Error ? failure : undefined);
    }
  })();
  marking.done.catch(() => {}); // awaited before the next batch is marked, or before the job is let go
  return marking;
}

function highestId(ids: string[]): string {
  return ids.reduce((max, id) => (BigInt(id) > BigInt(max) ? id : max), ids[0] ?? "0");
}

/** The next items from the ledger, with their messages being read from Kafka (awaited when the batch is used). */
async function takeAhead(client: PoolClient, job: JobRow, limit: number, inFlight: string[]): Promise<Ahead> {
  const taken = await nextItems(client, job.id, limit, inFlight);
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
