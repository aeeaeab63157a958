import "server-only";
import { getPool } from "@/lib/db";

export type GatingBreaker = { service: string; breaker: string; since: Date; topics: string[] };

/**
 * The open breakers of services that consumed any of `topics` in the last hour (from the flow edges): a
 * redrive into those topics now would only fail again, so a job waits while any is open.
 */
export async function openBreakersFor(cluster: string, topics: string[]): Promise<GatingBreaker[]> {
  if (topics.length === 0) return [];
  const { rows } = await getPool().query<{ service: string; breaker: string; since: Date; topics: string[] }>(
    `SELECT b.service, b.breaker, b.since, array_agg(DISTINCT e.topic ORDER BY e.topic) AS topics
       FROM flow_edge_minutes e
       JOIN breaker_states b ON b.service = e.service AND b.state = 'open'
      WHERE e.cluster = $1 AND e.topic = ANY($2::text[]) AND e.direction = 'consume' AND e.minute >= now() - interval '1 hour'
      GROUP BY b.service, b.breaker, b.since
      ORDER BY b.service, b.breaker`,
    [cluster, topics]);
  return rows;
}
