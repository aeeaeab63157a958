// Long windows read ten-minute buckets (resilience_ten_minutes) where a bucket lies wholly inside the
// window, and minute buckets only for the ragged edges: the same counts as reading every minute.
import { floorToMinute } from "./call-rates";

export const ROLLUP_MINUTES = 10;
const MINUTE_MS = 60_000;
const ROLLUP_MS = ROLLUP_MINUTES * MINUTE_MS;

/**
 * The minute buckets [firstMinute, lastMinute] of the window, as minutes in [firstMinute, bucketsFrom) and
 * [bucketsTo, lastMinute] plus ten-minute buckets in [bucketsFrom, bucketsTo) (empty when they are equal).
 */
export type WindowSplit = { firstMinute: Date; bucketsFrom: Date; bucketsTo: Date; lastMinute: Date };

export function splitWindow(from: Date, to: Date): WindowSplit {
  const firstMinute = floorToMinute(from);
  const lastMinute = floorToMinute(to);
  const bucketsFrom = Math.ceil(firstMinute.getTime() / ROLLUP_MS) * ROLLUP_MS;
  const bucketsTo = Math.floor((lastMinute.getTime() + MINUTE_MS) / ROLLUP_MS) * ROLLUP_MS;
  if (bucketsFrom >= bucketsTo) {
    // No whole bucket inside: every minute is read, and the bucket range is empty.
    const after = new Date(lastMinute.getTime() + MINUTE_MS);
    return { firstMinute, bucketsFrom: after, bucketsTo: after, lastMinute };
  }
  return { firstMinute, bucketsFrom: new Date(bucketsFrom), bucketsTo: new Date(bucketsTo), lastMinute };
}

/** The split's bounds as query parameters $2..$5 of WINDOW_ROWS_SQL (after $1, the kind). */
export function splitParams(split: WindowSplit): Date[] {
  return [split.firstMinute, split.bucketsFrom, split.bucketsTo, split.lastMinute];
}

/**
 * (service, name, outcome, at, count) rows of one kind ($1) covering the window exactly once: minutes at the
 * edges, ten-minute buckets between. Wrap it and group by what the caller needs.
 */
export const WINDOW_ROWS_SQL = `SELECT service, name, outcome, minute AS at, count FROM resilience_minutes
   WHERE kind = $1 AND ((minute >= $2 AND minute < $3) OR (minute >= $4 AND minute <= $5))
   UNION ALL
   SELECT service, name, outcome, bucket AS at, count FROM resilience_ten_minutes
   WHERE kind = $1 AND bucket >= $3 AND bucket < $4`;
