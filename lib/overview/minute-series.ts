// Minute buckets → a fixed-length series for a sparkline. No server-only import: pure, unit tested.

export const SPARKLINE_MINUTES = 60;

/** The first minute of the `minutes`-long series that ends with the minute holding `end`. */
export function seriesStart(end: Date, minutes = SPARKLINE_MINUTES): Date {
  const endMinute = Math.floor(end.getTime() / 60_000) * 60_000;
  return new Date(endMinute - (minutes - 1) * 60_000);
}

/**
 * Counts per minute, oldest first, one entry per minute from seriesStart(end) to end's minute; minutes
 * with no bucket are 0 (the projection only writes minutes that had messages), buckets outside are ignored.
 */
export function minuteSeries(buckets: readonly { minute: Date; count: number }[], end: Date, minutes = SPARKLINE_MINUTES): number[] {
  const start = seriesStart(end, minutes).getTime();
  const series = new Array<number>(minutes).fill(0);
  for (const bucket of buckets) {
    const index = Math.floor((bucket.minute.getTime() - start) / 60_000);
    if (index >= 0 && index < minutes) series[index] = (series[index] ?? 0) + bucket.count;
  }
  return series;
}
