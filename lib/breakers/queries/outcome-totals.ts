import "server-only";
import type { ResilienceKind } from "@/lib/projections/resilience-counts";
import { splitParams, splitWindow, WINDOW_ROWS_SQL } from "../window-split";
import { aggregateQuery } from "./aggregate-query";

export type OutcomeTotals = { service: string; name: string; outcomes: Record<string, number> };

type Row = { service: string; name: string; outcome: string; count: number };

/**
 * Each (service, name)'s counts by outcome of one kind over the window [from, to]: ten-minute buckets
 * inside it and minutes at its edges, so a day costs 144 rows a name rather than 1,440.
 */
export async function outcomeTotals(kind: ResilienceKind, from: Date, to: Date): Promise<OutcomeTotals[]> {
  const rows = await aggregateQuery<Row>(
    `SELECT service, name, outcome, sum(count)::float8 AS count FROM (${WINDOW_ROWS_SQL}) w GROUP BY service, name, outcome`,
    [kind, ...splitParams(splitWindow(from, to))]);
  const byKey = new Map<string, OutcomeTotals>();
  for (const row of rows) {
    const key = JSON.stringify([row.service, row.name]);
    const totals = byKey.get(key) ?? { service: row.service, name: row.name, outcomes: {} };
    totals.outcomes[row.outcome] = (totals.outcomes[row.outcome] ?? 0) + row.count;
    byKey.set(key, totals);
  }
  return [...byKey.values()];
}

export const totalOf = (outcomes: Record<string, number>, keep: (outcome: string) => boolean = () => true): number =>
  Object.entries(outcomes).reduce((sum, [outcome, count]) => (keep(outcome) ? sum + count : sum), 0);
