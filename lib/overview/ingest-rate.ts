// Pure arithmetic for the ingest panel; unit tested.

export type RateSample = { count: number; oldest: Date | null; sampleCap: number; windowMs: number };

/**
 * Spans per second from the newest spans: `count` of them were stored in the last `windowMs`. When the
 * sample was cut at `sampleCap`, those spans cover only the time since the oldest of them, so the rate is
 * taken over that shorter stretch (at least a second, as a batch shares one ingest time).
 */
export function spansPerSecond(sample: RateSample, now: Date): number {
  if (sample.count <= 0) return 0;
  if (sample.count < sample.sampleCap || sample.oldest === null) return sample.count / (sample.windowMs / 1000);
  const covered = Math.min(sample.windowMs, Math.max(1000, now.getTime() - sample.oldest.getTime()));
  return sample.count / (covered / 1000);
}

export type CounterSample = { at: number; rejected: number };

/** Readings older than this are dropped; "recent" compares with the oldest one kept. */
export const COUNTER_HISTORY_MS = 10 * 60_000;

/**
 * Keeps the readings of the last ten minutes (at most one per 5 s) and says how much the rejected count
 * grew since the oldest of them; null until there are two readings to compare.
 */
export function recordAndCompare(history: CounterSample[], reading: CounterSample): { history: CounterSample[]; recent: number | null } {
  const kept = history.filter((s) => reading.at - s.at <= COUNTER_HISTORY_MS && s.at <= reading.at);
  const last = kept.at(-1);
  const next = last && reading.at - last.at < 5_000 ? kept : [...kept, reading];
  const oldest = next[0];
  return { history: next, recent: oldest && oldest.at < reading.at ? Math.max(0, reading.rejected - oldest.rejected) : null };
}
