import "server-only";
import { describeDatabaseError } from "@/lib/db";
import { getDbHandle } from "@/lib/db/client";
import { log } from "@/lib/log";
import { brokerHealth, type BrokerHealth } from "./broker-health";
import { breakersNotClosed, type BreakersOverview } from "./breakers-not-closed";
import { dlqPending, type DlqOverview } from "./dlq-pending";
import { failingSagas, type FailingSagas } from "./failing-sagas";
import { hasAnySpans, ingestHealth, type IngestHealth } from "./ingest-health";
import { isStoreUnavailable } from "./store-unavailable";

export type StoreReadings = { anySpans: boolean; dlq: DlqOverview; breakers: BreakersOverview; sagas: FailingSagas; ingest: IngestHealth };
export type Overview = {
  store: { ok: true; data: StoreReadings } | { ok: false; error: string };
  brokers: BrokerHealth[];
};

async function readStore(window: { from: Date; to: Date }, now: Date): Promise<StoreReadings> {
  const [anySpans, dlq, breakers, sagas, ingest] = await Promise.all([
    hasAnySpans(), dlqPending(window, now), breakersNotClosed(window), failingSagas(window, now), ingestHealth(now),
  ]);
  return { anySpans, dlq, breakers, sagas, ingest };
}

/**
 * Everything the overview shows, read at once. Postgres and the brokers fail apart: with Postgres down
 * the brokers are still checked and the store's part says why it is missing. Any other failure throws
 * (to the page's error boundary).
 */
export async function readOverview(window: { from: Date; to: Date }, now: Date): Promise<Overview> {
  const [store, brokers] = await Promise.all([
    readStore(window, now).then((data) => ({ ok: true as const, data })).catch((error: unknown) => {
      if (!isStoreUnavailable(error)) throw error;
      const message = describeDatabaseError(error, getDbHandle().target);
      log.warn("overview: Postgres not answering", { error: message });
      return { ok: false as const, error: message };
    }),
    brokerHealth(),
  ]);
  return { store, brokers };
}
