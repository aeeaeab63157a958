// Total orders and time conversions shared by the projections. Every "latest" or "first" is chosen by
// (time, span id, …) so the result depends only on the set of spans, never on the order they arrived in.

export function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares tuples element by element; the first difference decides. */
export function compareTuple(a: readonly (bigint | number | string)[], b: readonly (bigint | number | string)[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x === y) continue;
    if (typeof x === "string" && typeof y === "string") return compareText(x, y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** The last element by the comparator, or null for an empty list. */
export function maxBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T | null {
  let best: T | null = null;
  for (const item of items) if (best === null || compare(item, best) > 0) best = item;
  return best;
}

const NS_PER_MS = 1_000_000n;
const NS_PER_MINUTE = 60_000_000_000n;

/** A Date for a Timestamptz column; nanoseconds below the millisecond are dropped (floored). */
export function nsToDate(ns: bigint): Date {
  const ms = ns / NS_PER_MS - (ns % NS_PER_MS < 0n ? 1n : 0n);
  return new Date(Number(ms));
}

/** The UTC minute a time falls in (Unix time has no leap seconds, so flooring is exact). */
export function minuteOf(ns: bigint): Date {
  const minute = ns / NS_PER_MINUTE - (ns % NS_PER_MINUTE < 0n ? 1n : 0n);
  return nsToDate(minute * NS_PER_MINUTE);
}
