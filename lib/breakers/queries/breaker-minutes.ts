import "server-only";
import { getPool } from "@/lib/db";
import { binInterval, binPlan, type BinPlan } from "../minute-bins";

/** A per-minute chart of a 24-hour window has 1,440 points; longer windows are read in coarser bins. */
export const CHART_BINS = 1_440;

export type OutcomePoint = { at: number; success: number; failure: number; timeout: number; rejected: number; fallback: number };
export type BreakerMinutes = { plan: BinPlan; points: OutcomePoint[] };

type Row = { bin: Date; outcome: string; count: number };
const OUTCOMES = ["success", "failure", "timeout", "rejected", "fallback"] as const;

/** One breaker's calls by outcome per bin over the window, zeros included; a range of the primary key. */
export async function breakerMinutes(service: string, name: string, window: { from: Date; to: Date }): Promise<BreakerMinutes> {
  const plan = binPlan(window.from, window.to, CHART_BINS);
  const { rows } = await getPool().query<Row>(
    `SELECT date_bin($5::interval, minute, $3) AS bin, outcome, sum(count)::float8 AS count FROM resilience_minutes
     WHERE kind = 'breaker' AND service = $1 AND name = $2 AND minute >= $3 AND minute <= $4 GROUP BY bin, outcome`,
    [service, name, plan.origin, window.to, binInterval(plan)]);
  const binMs = plan.binMinutes * 60_000;
  const points: OutcomePoint[] = Array.from({ length: plan.count }, (_, i) => ({
    at: plan.origin.getTime() + i * binMs, success: 0, failure: 0, timeout: 0, rejected: 0, fallback: 0,
  }));
  for (const row of rows) {
    const point = points[Math.round((row.bin.getTime() - plan.origin.getTime()) / binMs)];
    const outcome = OUTCOMES.find((o) => o === row.outcome);
    if (point && outcome) point[outcome] += row.count;
  }
  return { plan, points };
}
