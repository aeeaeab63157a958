import "server-only";
import { clusterResolver, getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { flowEdgeCounts, projectionKeys, resilienceCounts } from "@/lib/projections";
import { SPAN_SELECT, spanFromRow, type SpanRow } from "@/lib/traces";
import { committedHorizon } from "./ingest-horizon";
import { storeBreakers } from "./store-breakers";
import { addFlowEdges, addResilienceCounts } from "./store-counts";
import { storeSagas } from "./store-sagas";

const PROJECTOR = "spans";

export type ProjectionRun = { projected: number; lastSeq: bigint; caughtUp: boolean };

/**
 * Projects the next batch of stored spans, in one transaction with the projector's position: sagas and
 * breakers touched are rebuilt from all their spans; counts add the new spans. The position row is
 * locked, so two workers never project the same spans.
 */
export async function projectNewSpans(batchSize = 2_000): Promise<ProjectionRun> {
  const client = await getPool().connect();
  try {
    const horizon = await committedHorizon(client);
    await client.query("BEGIN");
    try {
      await client.query(
        "INSERT INTO projector_state (name, last_seq, updated_at) VALUES ($1, 0, now()) ON CONFLICT (name) DO NOTHING", [PROJECTOR]);
      const state = await client.query<{ last_seq: string }>("SELECT last_seq::text FROM projector_state WHERE name = $1 FOR UPDATE", [PROJECTOR]);
      const from = BigInt(state.rows[0]?.last_seq ?? "0");
      const { rows } = await client.query<SpanRow & { ingest_seq: string }>(
        `SELECT ${SPAN_SELECT}, ingest_seq::text FROM spans WHERE ingest_seq > $1 AND ingest_seq <= $2 ORDER BY ingest_seq LIMIT $3`,
        [from.toString(), horizon.toString(), batchSize]);
      const spans = rows.map(spanFromRow);
      const keys = projectionKeys(spans);
      await storeSagas(client, keys.sagaIds);
      await storeBreakers(client, keys.breakers);
      await addResilienceCounts(client, resilienceCounts(spans));
      await addFlowEdges(client, flowEdgeCounts(spans, clusterResolver(getConfig())));
      const caughtUp = rows.length < batchSize;
      const lastSeq = caughtUp ? (horizon > from ? horizon : from) : BigInt(rows.at(-1)?.ingest_seq ?? from);
      await client.query("UPDATE projector_state SET last_seq = $2, updated_at = now() WHERE name = $1", [PROJECTOR, lastSeq.toString()]);
      await client.query("COMMIT");
      return { projected: rows.length, lastSeq, caughtUp };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}
