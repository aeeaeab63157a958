// Which projections a batch of newly stored spans touches: the caller merges the batch into each key's
// stored state (mergeSagaSpans, breakerTransitions), which equals recomputing it whole from all its spans.
import type { SpanRecord } from "@/lib/traces";
import { readText } from "./attributes";
import { breakerStateChanges } from "./breaker-events";
import { compareText, compareTuple } from "./order";

export type BreakerKey = { service: string; breaker: string };
export type ProjectionKeys = { sagaIds: string[]; breakers: BreakerKey[] };

/** Distinct saga ids and (service, breaker) pairs with state changes, each list sorted. */
export function projectionKeys(spans: readonly SpanRecord[]): ProjectionKeys {
  const sagaIds = new Set<string>();
  const breakers = new Map<string, BreakerKey>();
  for (const span of spans) {
    const sagaId = readText(span.attributes, "saga.id");
    if (sagaId !== null) sagaIds.add(sagaId);
    for (const change of breakerStateChanges(span)) {
      const key = { service: span.serviceName, breaker: change.breaker };
      breakers.set(JSON.stringify([key.service, key.breaker]), key);
    }
  }
  return {
    sagaIds: [...sagaIds].sort(compareText),
    breakers: [...breakers.values()].sort((a, b) => compareTuple([a.service, a.breaker], [b.service, b.breaker])),
  };
}
