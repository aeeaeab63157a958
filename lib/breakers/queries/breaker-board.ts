import "server-only";
import { getPool } from "@/lib/db";
import type { BreakerStateName } from "@/lib/projections/breaker-events";
import { sortBoard } from "../board-order";
import { callRate, isErrorOutcome, rollingSpan, type CallRate } from "../call-rates";
import { alignedBinPlan, binInterval, fillBins, type SeriesPoint } from "../minute-bins";
import { ROLLUP_MINUTES, splitParams, splitWindow, WINDOW_ROWS_SQL } from "../window-split";
import { aggregateQuery } from "./aggregate-query";
import { outcomeTotals, totalOf } from "./outcome-totals";

export const SPARKLINE_BINS = 60;
/** Windows longer than this read ten-minute buckets, in bins of whole ten minutes. */
export const LONG_WINDOW_MINUTES = 120;

export type BoardBreaker = {
  service: string;
  name: string;
  /** null: calls were seen but never a state change (a breaker starts closed, but nothing said so). */
  state: BreakerStateName | null;
  since: Date | null;
  rolling: CallRate & { calls: number; errors: number; seconds: number };
  /** Calls and errors across the window, in at most SPARKLINE_BINS bins. */
  series: SeriesPoint[];
};

/** $1 kind, $2..$5 the window's split, $6 bin origin, $7 bin interval; exported so tests can EXPLAIN it. */
export const BOARD_BINS_SQL = `SELECT service, name, date_bin($7::interval, at, $6) AS bin, sum(count)::float8 AS calls,
     coalesce(sum(count) FILTER (WHERE outcome <> 'success'), 0)::float8 AS errors
   FROM (${WINDOW_ROWS_SQL}) w GROUP BY service, name, bin`;

type StateRow = { service: string; breaker: string; state: BreakerStateName; since: Date };
type BinRow = { service: string; name: string; bin: Date; calls: number; errors: number };

/**
 * Every breaker Flowdeck knows (a state change ever, or a call in the window) with its current state, its
 * rolling rate at the window's end and a series over the window. Reads breaker_states (one row a breaker)
 * and minute buckets only, never spans.
 */
export async function breakerBoard(window: { from: Date; to: Date }): Promise<BoardBreaker[]> {
  const plan = alignedBinPlan(window.from, window.to, SPARKLINE_BINS, ROLLUP_MINUTES, LONG_WINDOW_MINUTES);
  const rolling = rollingSpan(window.to);
  const pool = getPool();
  const [states, bins, recent] = await Promise.all([
    pool.query<StateRow>("SELECT service, breaker, state, since FROM breaker_states"),
    aggregateQuery<BinRow>(BOARD_BINS_SQL, ["breaker", ...splitParams(splitWindow(window.from, window.to)), plan.origin, binInterval(plan)]),
    outcomeTotals("breaker", rolling.firstMinute, window.to),
  ]);
  const board = new Map<string, BoardBreaker>();
  const entry = (service: string, name: string): BoardBreaker => {
    const key = JSON.stringify([service, name]);
    let found = board.get(key);
    if (!found) {
      found = { service, name, state: null, since: null, rolling: { calls: 0, errors: 0, seconds: rolling.seconds, ...callRate({ calls: 0, errors: 0 }, rolling.seconds) }, series: [] };
      board.set(key, found);
    }
    return found;
  };
  for (const row of states.rows) Object.assign(entry(row.service, row.breaker), { state: row.state, since: row.since });
  const binsByKey = new Map<string, BinRow[]>();
  for (const row of bins) {
    entry(row.service, row.name);
    const key = JSON.stringify([row.service, row.name]);
    binsByKey.set(key, [...(binsByKey.get(key) ?? []), row]);
  }
  for (const totals of recent) {
    const counts = { calls: totalOf(totals.outcomes), errors: totalOf(totals.outcomes, isErrorOutcome) };
    entry(totals.service, totals.name).rolling = { ...counts, seconds: rolling.seconds, ...callRate(counts, rolling.seconds) };
  }
  for (const [key, breaker] of board) breaker.series = fillBins(plan, binsByKey.get(key) ?? []);
  return sortBoard([...board.values()]);
}
