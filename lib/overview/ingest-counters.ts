import "server-only";
import { getMetrics } from "@/lib/metrics";
import { recordAndCompare, type CounterSample } from "./ingest-rate";

// Refused spans are never stored, so only the ingest counter of this process knows them (the same series
// /api/metrics exposes as flowdeck_ingest_spans_total). Readings are kept here to tell recent from old.
const holder = globalThis as typeof globalThis & { __flowdeckOverviewCounters?: { startedAt: Date; history: CounterSample[] } };

export async function readIngestCounters(now: Date): Promise<{ sinceStart: number; received: number; recent: number | null; startedAt: Date }> {
  holder.__flowdeckOverviewCounters ??= { startedAt: new Date(Date.now() - process.uptime() * 1000), history: [] };
  const state = holder.__flowdeckOverviewCounters;
  const { values } = await getMetrics().ingestSpans.get();
  const byOutcome = (outcome: string) => values.filter((v) => v.labels.outcome === outcome).reduce((sum, v) => sum + v.value, 0);
  const rejected = byOutcome("rejected");
  const received = rejected + byOutcome("stored") + byOutcome("duplicate");
  const { history, recent } = recordAndCompare(state.history, { at: now.getTime(), rejected });
  state.history = history;
  return { sinceStart: rejected, received, recent, startedAt: state.startedAt };
}
