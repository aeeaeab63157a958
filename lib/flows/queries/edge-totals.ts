import "server-only";
import { getPool } from "@/lib/db";
import type { EdgeTotal, FlowDirection } from "../model";
import type { FlowWindow } from "./window";

type Row = { cluster: string; topic: string; direction: FlowDirection; service: string; consumer_group: string; count: string; errors: string };

/**
 * Every edge's messages and errors over the window, from the minute buckets (never from spans): a range scan
 * of flow_edge_minutes' primary key, which starts with the minute, so an hour reads 60 × edges rows.
 */
export async function flowEdgeTotals(window: FlowWindow): Promise<EdgeTotal[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT cluster, topic, direction, service, consumer_group, sum(count)::text AS count, sum(errors)::text AS errors
     FROM flow_edge_minutes
     WHERE minute >= date_trunc('minute', $1::timestamptz) AND minute < $2::timestamptz
     GROUP BY cluster, topic, direction, service, consumer_group
     ORDER BY cluster, topic, direction, service, consumer_group`,
    [window.from, window.to]);
  return rows.map((r) => ({
    cluster: r.cluster, topic: r.topic, direction: r.direction, service: r.service, consumerGroup: r.consumer_group,
    count: Number(r.count), errors: Number(r.errors),
  }));
}
