import "server-only";
import type { ResilienceKind } from "@/lib/projections/resilience-counts";
import { aggregateQuery } from "./aggregate-query";

export type OutcomeTotals = { service: string; name: string; outcomes: Record<string, number> };

type Row = { service: string; name: string; outcome: string; count: number };

/**
 * Each (service, name)'s counts by outcome over the minute buckets [firstMinute, to] of one kind: a range
 * of the (kind, minute, …) covering index, so many names cost one index-only scan.
 */
export async function outcomeTotals(kind: ResilienceKind, firstMinute: Date, to: Date): Promise<OutcomeTotals[]> {
  const rows = await aggregateQuery<Row>(
    `SELECT service, name, outcome, sum(count)::float8 AS count FROM resilience_minutes
     WHERE kind = $1 AND minute >= $2 AND minute <= $3 GROUP BY service, name, outcome`,
    [kind, firstMinute, to]);
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
