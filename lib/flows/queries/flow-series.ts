import "server-only";
import { getPool } from "@/lib/db";
import type { FlowSelection } from "../selection";
import type { FlowWindow } from "./window";

export type SeriesPoint = { minute: string; messages: number; errors: number };
export type FlowSeries = { stepMinutes: number; points: SeriesPoint[] };

/** Charts stay readable (and the answer small) with at most this many points; longer windows are binned. */
export const MAX_POINTS = 240;
const MINUTE_MS = 60_000;

type Row = { bucket: Date; produced: string; consumed: string; errors: string };

/** Filters of flow_edge_minutes for each selection; each matches an index (minute, or cluster+topic+minute, or service+minute). */
function edgeFilter(selection: Exclude<FlowSelection, { kind: "dead-letter" }>): { sql: string; params: string[] } {
  switch (selection.kind) {
    case "service":
      return { sql: "service = $4", params: [selection.service] };
    case "topic":
      return { sql: "cluster = $4 AND topic = $5", params: [selection.cluster, selection.topic] };
    case "produce":
      return { sql: "cluster = $4 AND topic = $5 AND direction = 'produce' AND service = $6", params: [selection.cluster, selection.topic, selection.service] };
    case "consume":
      return {
        sql: "cluster = $4 AND topic = $5 AND direction = 'consume' AND service = $6 AND consumer_group = $7",
        params: [selection.cluster, selection.topic, selection.service, selection.group],
      };
  }
}

/**
 * Messages and errors per minute (or per bin of minutes on long windows) of what the operator selected, read
 * from the minute buckets, with empty minutes filled in as zeros. A topic counts what was produced to it (or,
 * with no instrumented producer, what was consumed); a service what it produced and consumed; a dead-letter
 * edge the messages that arrived in the DLQ.
 */
export async function flowSeries(selection: FlowSelection, window: FlowWindow): Promise<FlowSeries> {
  const start = Math.floor(window.from.getTime() / MINUTE_MS) * MINUTE_MS;
  const minutes = Math.max(1, Math.ceil((window.to.getTime() - start) / MINUTE_MS));
  const stepMinutes = Math.ceil(minutes / MAX_POINTS);
  const base = [new Date(start), window.to, `${stepMinutes} minutes`];
  const bin = "date_bin($3::interval, minute, $1::timestamptz)";
  const range = "minute >= $1::timestamptz AND minute < $2::timestamptz";
  let rows: Row[];
  if (selection.kind === "dead-letter") {
    ({ rows } = await getPool().query<Row>(
      `SELECT ${bin} AS bucket, sum(count)::text AS produced, '0' AS consumed, '0' AS errors FROM dlq_minutes
       WHERE cluster = $4 AND topic = $5 AND ${range} GROUP BY 1 ORDER BY 1`,
      [...base, selection.cluster, selection.topic]));
  } else {
    const filter = edgeFilter(selection);
    ({ rows } = await getPool().query<Row>(
      `SELECT ${bin} AS bucket,
         coalesce(sum(count) FILTER (WHERE direction = 'produce'), 0)::text AS produced,
         coalesce(sum(count) FILTER (WHERE direction = 'consume'), 0)::text AS consumed,
         sum(errors)::text AS errors
       FROM flow_edge_minutes WHERE ${range} AND ${filter.sql} GROUP BY 1 ORDER BY 1`,
      [...base, ...filter.params]));
  }
  const anyProduced = rows.some((r) => r.produced !== "0");
  const messagesOf = (r: Row) => {
    if (selection.kind === "service") return Number(r.produced) + Number(r.consumed);
    if (selection.kind === "topic" && !anyProduced) return Number(r.consumed);
    return Number(r.produced) + (selection.kind === "consume" ? Number(r.consumed) : 0);
  };
  const byBucket = new Map(rows.map((r) => [r.bucket.getTime(), r]));
  const points: SeriesPoint[] = [];
  for (let t = start; t < window.to.getTime(); t += stepMinutes * MINUTE_MS) {
    const row = byBucket.get(t);
    points.push({ minute: new Date(t).toISOString(), messages: row ? messagesOf(row) : 0, errors: row ? Number(row.errors) : 0 });
  }
  return { stepMinutes, points };
}
