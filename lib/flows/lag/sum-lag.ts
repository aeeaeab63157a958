// Lag of one group on one topic from the broker's answers: the sum over partitions of high watermark minus
// committed offset. Partitions the group never committed on (-1) are unknown, not zero; with none known, null.
export type PartitionHigh = { partition: number; high: string };
export type PartitionCommit = { partition: number; offset: string };

export function sumLag(highs: readonly PartitionHigh[], commits: readonly PartitionCommit[]): number | null {
  const highOf = new Map(highs.map((h) => [h.partition, BigInt(h.high)]));
  let total = 0n;
  let known = false;
  for (const commit of commits) {
    const high = highOf.get(commit.partition);
    if (high === undefined || commit.offset === "-1") continue;
    known = true;
    const lag = high - BigInt(commit.offset);
    if (lag > 0n) total += lag;
  }
  return known ? Number(total) : null;
}
