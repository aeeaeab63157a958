import "server-only";
import { getPool } from "@/lib/db";
import { readInteger } from "@/lib/projections/attributes";
import type { Attributes } from "@/lib/traces";
import { rollingSpan } from "../call-rates";
import { outcomeTotals, totalOf } from "./outcome-totals";

export type BulkheadSummary = {
  service: string;
  name: string;
  admitted: number;
  rejected: number;
  /** Rejections per minute over the rolling minutes at the window's end. */
  rejectedPerMinute: number;
  /** The last bulkhead.saturation event in the window: how many were in flight against the limit, and when. */
  lastSaturation: { at: Date; inFlight: number | null; limit: number | null } | null;
};

export type RetrySummary = {
  /** The consumer (its service) and the topic it read. */
  service: string;
  topic: string;
  attempts: number;
  /** Attempts that gave up (retry.exhausted): the message went to the dead-letter queue. */
  exhausted: number;
};

export type ResilienceSummary = { bulkheads: BulkheadSummary[]; retries: RetrySummary[] };

const byKey = (a: { service: string; name: string }, b: { service: string; name: string }) =>
  a.service.localeCompare(b.service) || a.name.localeCompare(b.name);

/** Bulkheads and consumer retries over the window, from minute buckets (and the indexed saturation spans). */
export async function resilienceSummary(window: { from: Date; to: Date }): Promise<ResilienceSummary> {
  const rolling = rollingSpan(window.to);
  const [bulkheads, recentBulkheads, retries] = await Promise.all([
    outcomeTotals("bulkhead", window.from, window.to),
    outcomeTotals("bulkhead", rolling.firstMinute, window.to),
    outcomeTotals("retry", window.from, window.to),
  ]);
  const saturation = await lastSaturations(bulkheads, window);
  const recent = new Map(recentBulkheads.map((b) => [JSON.stringify([b.service, b.name]), b.outcomes.rejected ?? 0]));
  return {
    bulkheads: bulkheads.sort(byKey).map((b) => {
      const key = JSON.stringify([b.service, b.name]);
      return {
        service: b.service, name: b.name, admitted: b.outcomes.admitted ?? 0, rejected: b.outcomes.rejected ?? 0,
        rejectedPerMinute: ((recent.get(key) ?? 0) * 60) / rolling.seconds, lastSaturation: saturation.get(key) ?? null,
      };
    }),
    retries: retries.sort(byKey).map((r) => ({ service: r.service, topic: r.name, attempts: totalOf(r.outcomes, (o) => o === "attempt"), exhausted: r.outcomes.exhausted ?? 0 })),
  };
}

type SaturationRow = { service: string; name: string; start_time: Date; events: { name: string; attributes: Attributes }[] | null };

/**
 * The newest span in the window with a bulkhead.saturation event, per bulkhead: a short backward walk of
 * the partial index that holds only such spans. Spans tell when a bulkhead filled, not how full it is now.
 */
async function lastSaturations(bulkheads: readonly { service: string; name: string }[], window: { from: Date; to: Date }) {
  const found = new Map<string, BulkheadSummary["lastSaturation"]>();
  if (bulkheads.length === 0) return found;
  const { rows } = await getPool().query<SaturationRow>(
    `SELECT k.service, k.name, s.start_time, s.events
     FROM unnest($1::text[], $2::text[]) AS k(service, name)
     CROSS JOIN LATERAL (
       SELECT start_time, events FROM spans
       WHERE service_name = k.service AND start_time >= $3 AND start_time <= $4
         AND events @> '[{"name": "bulkhead.saturation"}]'::jsonb AND attrs ->> 'bulkhead.name' = k.name
       ORDER BY start_time DESC LIMIT 1) s`,
    [bulkheads.map((b) => b.service), bulkheads.map((b) => b.name), window.from, window.to]);
  for (const row of rows) {
    const event = row.events?.find((e) => e.name === "bulkhead.saturation");
    found.set(JSON.stringify([row.service, row.name]), {
      at: row.start_time,
      inFlight: event ? readInteger(event.attributes, "bulkhead.in_flight") : null,
      limit: event ? readInteger(event.attributes, "bulkhead.limit") : null,
    });
  }
  return found;
}
