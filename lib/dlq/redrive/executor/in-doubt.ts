import "server-only";
import type { PoolClient } from "pg";
import { getClusterClient } from "@/lib/kafka";
import { inDoubtItems, inTransaction, markSent, setInDoubt, settleNotFound, type JobRow, type SentItem } from "./ledger";

const SCAN_CHUNK = 2_000;

function headerText(headers: Record<string, Buffer[]>, name: string): string | undefined {
  return headers[name]?.[0]?.toString();
}

/** The redrive span a found message was sent under, from the traceparent Flowdeck wrote on it. */
function redriveSpanOf(headers: Record<string, Buffer[]>): { traceId: string; spanId: string } {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(headerText(headers, "traceparent") ?? "");
  return { traceId: match?.[1] ?? "", spanId: match?.[2] ?? "" };
}

/**
 * Settles the items left in doubt by a worker that stopped between producing a batch and marking it. The
 * target partitions are read from the end offsets recorded before that batch was produced: an item whose
 * flowdeck.redrive.id is there was written and is marked sent where it landed; the others were not written
 * and stay pending (or are cancelled, if the job was). Nothing is sent again before this has run.
 */
export async function resolveInDoubt(client: PoolClient, job: JobRow, signal: AbortSignal): Promise<{ found: number; returned: number }> {
  const ids = new Set(await inDoubtItems(client, job));
  if (ids.size === 0) {
    await setInDoubt(client, job.id, null);
    return { found: 0, returned: 0 };
  }
  if (!job.inDoubtFrom) throw new Error(`redrive job ${job.id} has items in doubt but no recorded offsets`);
  const kafka = getClusterClient(job.cluster);
  const found = new Map<string, SentItem>();
  for (const [topic, partitions] of Object.entries(job.inDoubtFrom)) {
    for (const [partitionText, fromText] of Object.entries(partitions)) {
      const partition = Number(partitionText);
      let next = BigInt(fromText);
      for (;;) {
        signal.throwIfAborted();
        const read = await kafka.read({ topic, partition, fromOffset: next, limit: SCAN_CHUNK });
        for (const m of read.messages) {
          const id = headerText(m.headers, "flowdeck.redrive.id");
          if (id !== undefined && ids.has(id) && headerText(m.headers, "flowdeck.redrive.job") === job.id && !found.has(id)) {
            found.set(id, { id, partition, offset: m.offset, ...redriveSpanOf(m.headers) });
          }
        }
        const end = next + BigInt(SCAN_CHUNK);
        if (end >= read.highWatermark) break;
        next = read.messages.at(-1) ? (read.messages.at(-1)?.offset ?? next) + 1n : end;
      }
    }
  }
  const missing = [...ids].filter((id) => !found.has(id));
  await inTransaction(client, async () => {
    await markSent(client, job, [...found.values()]);
    await settleNotFound(client, job, missing);
    await setInDoubt(client, job.id, null);
  });
  return { found: found.size, returned: missing.length };
}
