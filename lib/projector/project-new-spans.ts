import "server-only";
import { clusterResolver, getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { flowEdgeCounts, projectionKeys, resilienceCounts } from "@/lib/projections";
import { committedHorizon } from "./ingest-horizon";
import { readProjectedSpans } from "./projected-spans";
import { storeBreakers } from "./store-breakers";
import { addFlowEdges, addResilienceCounts } from "./store-counts";
import { storeSagas } from "./store-sagas";

const PROJECTOR = "spans";

export type ProjectionRun = { projected: number; lastSeq: bigint; caughtUp: boolean };

/**
 * Projects the next batch of stored spans, in one transaction with the projector's position: the batch
 * is merged into the sagas and breakers it touches, and counts add it. The position row is locked, so
 * two workers never project the same spans.
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
      // A range of sequence numbers rather than LIMIT over everything unread: the plan (and its cost)
      // then stays an index range scan however far behind the projector is. Gaps only shrink a batch.
      const upTo = horizon < from + BigInt(batchSize) ? horizon : from + BigInt(batchSize);
      const batch = upTo > from
        ? await readProjectedSpans(client, "ingest_seq > $1 AND ingest_seq <= $2", [from.toString(), upTo.toString()], "ORDER BY ingest_seq")
        : [];
      const caughtUp = upTo >= horizon;
      const lastSeq = upTo > from ? upTo : from;
      const spans = batch.map((item) => item.span);
      const keys = projectionKeys(spans);
      await storeSagas(client, batch, keys.sagaIds, lastSeq);
      await storeBreakers(client, spans);
      await addResilienceCounts(client, resilienceCounts(spans));
      await addFlowEdges(client, flowEdgeCounts(spans, clusterResolver(getConfig())));
      await client.query("UPDATE projector_state SET last_seq = $2, updated_at = now() WHERE name = $1", [PROJECTOR, lastSeq.toString()]);
      await client.query("COMMIT");
      return { projected: batch.length, lastSeq, caughtUp };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}
