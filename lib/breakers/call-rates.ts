// Rolling request and error rates of guarded calls, from per-minute outcome counts (resilience_minutes).
// An error is any outcome but success: a failure or timeout of the dependency, a call the open breaker
// rejected, or one answered by a fallback, as the caller saw it.

export const ROLLING_MINUTES = 5;

const MINUTE_MS = 60_000;

export type CallCounts = { calls: number; errors: number };
export type CallRate = { callsPerMinute: number; errorPercent: number | null };

export function isErrorOutcome(outcome: string): boolean {
  return outcome !== "success";
}

export function floorToMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

/**
 * The minute buckets a rolling rate at `to` reads: the `minutes` buckets ending with the one holding `to`.
 * The last bucket is only partly over, so the time they cover is measured to `to`, not to its end.
 */
export function rollingSpan(to: Date, minutes: number = ROLLING_MINUTES): { firstMinute: Date; seconds: number } {
  const firstMinute = new Date(floorToMinute(to).getTime() - (minutes - 1) * MINUTE_MS);
  return { firstMinute, seconds: Math.max(1, (to.getTime() - firstMinute.getTime()) / 1000) };
}

/** Calls per minute over `seconds`, and the share of them that erred (null when there were no calls). */
export function callRate(counts: CallCounts, seconds: number): CallRate {
  return {
    callsPerMinute: seconds > 0 ? (counts.calls * 60) / seconds : 0,
    errorPercent: counts.calls > 0 ? (100 * counts.errors) / counts.calls : null,
  };
}

/** "12.5/min", "0.2/min", "1,250/min": enough digits to tell a trickle from nothing. */
export function formatPerMinute(value: number): string {
  if (value === 0) return "0/min";
  if (value < 10) return `${value.toFixed(1)}/min`;
  return `${Math.round(value).toLocaleString("en-US")}/min`;
}

/** "—" without calls; else a percentage with one decimal below 10 %. */
export function formatPercent(value: number | null): string {
  if (value === null) return "—";
  if (value > 0 && value < 10) return `${value.toFixed(1)} %`;
  return `${Math.round(value)} %`;
}
