// Series over a time window from minute buckets: a long window is read in coarser bins (date_bin in SQL)
// so a 24-hour sparkline has 60 points, not 1,440, and missing bins are filled with zeros here.
import { floorToMinute } from "./call-rates";

const MINUTE_MS = 60_000;

export type BinPlan = { origin: Date; binMinutes: number; count: number };
export type BinnedCounts = { bin: Date; calls: number; errors: number };
export type SeriesPoint = { at: number; calls: number; errors: number };

/** At most `maxBins` bins of whole minutes, the first starting at the minute holding `from`, the last holding `to`. */
export function binPlan(from: Date, to: Date, maxBins: number): BinPlan {
  const origin = floorToMinute(from);
  const minutes = Math.max(1, Math.floor((to.getTime() - origin.getTime()) / MINUTE_MS) + 1);
  const binMinutes = Math.max(1, Math.ceil(minutes / Math.max(1, maxBins)));
  return { origin, binMinutes, count: Math.ceil(minutes / binMinutes) };
}

/** The plan's bin size as a Postgres interval, for date_bin. */
export function binInterval(plan: BinPlan): string {
  return `${plan.binMinutes} minutes`;
}

/** One point per bin of the plan, in order; bins the rows do not mention count zero, rows outside the plan are dropped. */
export function fillBins(plan: BinPlan, rows: readonly BinnedCounts[]): SeriesPoint[] {
  const binMs = plan.binMinutes * MINUTE_MS;
  const points: SeriesPoint[] = Array.from({ length: plan.count }, (_, i) => ({ at: plan.origin.getTime() + i * binMs, calls: 0, errors: 0 }));
  for (const row of rows) {
    const index = Math.round((row.bin.getTime() - plan.origin.getTime()) / binMs);
    const point = points[index];
    if (point === undefined) continue;
    point.calls += row.calls;
    point.errors += row.errors;
  }
  return points;
}

/**
 * Like binPlan, but for a window over `longMinutes` the bins are whole multiples of `alignMinutes` starting
 * on one, so each ten-minute bucket falls in a single bin. The first bin may start before `from`; only
 * counts from `from` on are read into it.
 */
export function alignedBinPlan(from: Date, to: Date, maxBins: number, alignMinutes: number, longMinutes: number): BinPlan {
  const plan = binPlan(from, to, maxBins);
  if (plan.count * plan.binMinutes <= longMinutes) return plan;
  const binMinutes = Math.max(alignMinutes, Math.ceil(plan.binMinutes / alignMinutes) * alignMinutes);
  const alignMs = alignMinutes * MINUTE_MS;
  const origin = new Date(Math.floor(from.getTime() / alignMs) * alignMs);
  const minutes = Math.floor((to.getTime() - origin.getTime()) / MINUTE_MS) + 1;
  return { origin, binMinutes, count: Math.ceil(minutes / binMinutes) };
}
