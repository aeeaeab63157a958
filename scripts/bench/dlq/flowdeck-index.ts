// Flowdeck's indexer as the worker runs it: discovery by name, then indexCluster until the topic is in.
import { discoverByName, indexCluster } from "@/lib/dlq";
import { getPool } from "@/lib/db";

async function indexedSoFar(topic: string): Promise<number> {
  const { rows } = await getPool().query<{ n: string | null }>("SELECT sum(next_offset)::text AS n FROM dlq_partitions WHERE cluster = 'local' AND topic = $1", [topic]);
  return Number(rows[0]?.n ?? 0);
}

/** Indexes the topic's `count` messages; resolves with the seconds it took. */
export async function flowdeckIndex(topic: string, count: number, timeoutMs: number): Promise<number> {
  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  await discoverByName("local");
  while ((await indexedSoFar(topic)) < count) {
    if (signal.aborted) throw new Error(`Flowdeck had indexed only ${await indexedSoFar(topic)} of ${count} messages of ${topic} when time ran out`);
    await indexCluster("local", signal, 60_000);
  }
  return (performance.now() - started) / 1000;
}
