// Spans arrive late and out of order: the projections must converge to the same result for any arrival
// order and any split into batches, with an injected clock and ties broken by (timestamp, span id).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/traces";
import { deriveBreaker, type DerivedBreaker } from "./breaker";
import { flowEdgeCounts, mergeFlowEdges, type FlowEdgeMinuteRow } from "./flow-edges";
import { projectionKeys } from "./projection-keys";
import { mergeCounts, resilienceCounts, type ResilienceMinuteRow } from "./resilience-counts";
import { deriveSaga, type DerivedSaga } from "./saga";
import { sagaDisplayStatus, type SagaDisplayStatus } from "./saga-status";
import { dateAt } from "./testing/span-builder";
import { world, worldSpans } from "./testing/scenario";

const STUCK_AFTER_MS = 1_000;
const NOWS = [dateAt(500), dateAt(2_500), dateAt(4_500), dateAt(60_000)];
const resolveCluster = (address: string | undefined) => (address?.startsWith("kafka-eu") === true ? "eu" : "local");

type Projection = {
  sagas: { derived: DerivedSaga | null; display: SagaDisplayStatus[] }[];
  breakers: DerivedBreaker[];
  resilience: ResilienceMinuteRow[];
  flows: FlowEdgeMinuteRow[];
};

const withDisplay = (derived: DerivedSaga | null) => ({
  derived,
  display: derived === null ? [] : NOWS.map((now) => sagaDisplayStatus(derived.saga, now, STUCK_AFTER_MS)),
});

/** Everything at once, the way a rebuild from the whole store sees it. */
function projectAll(spans: readonly SpanRecord[]): Projection {
  const keys = projectionKeys(spans);
  return {
    sagas: keys.sagaIds.map((id) => withDisplay(deriveSaga(id, spans))),
    breakers: keys.breakers.map((key) => deriveBreaker(key.service, key.breaker, spans)),
    resilience: resilienceCounts(spans),
    flows: flowEdgeCounts(spans, resolveCluster),
  };
}

/** The way the worker sees it: batch after batch, recomputing the keys each batch touches, adding counts. */
function projectInBatches(batches: readonly SpanRecord[][], flips: readonly boolean[]): Projection {
  const stored: SpanRecord[] = [];
  const sagas = new Map<string, DerivedSaga | null>();
  const breakers = new Map<string, DerivedBreaker>();
  let resilience: ResilienceMinuteRow[] = [];
  let flows: FlowEdgeMinuteRow[] = [];
  for (const [i, batch] of batches.entries()) {
    stored.push(...batch);
    const keys = projectionKeys(batch);
    for (const id of keys.sagaIds) sagas.set(id, deriveSaga(id, stored));
    for (const key of keys.breakers) breakers.set(JSON.stringify([key.service, key.breaker]), deriveBreaker(key.service, key.breaker, stored));
    // Merging either way round must not matter.
    resilience = flips[i] === true ? mergeCounts(resilienceCounts(batch), resilience) : mergeCounts(resilience, resilienceCounts(batch));
    flows = flips[i] === true ? mergeFlowEdges(flowEdgeCounts(batch, resolveCluster), flows) : mergeFlowEdges(flows, flowEdgeCounts(batch, resolveCluster));
  }
  const keys = projectionKeys(stored);
  return {
    sagas: keys.sagaIds.map((id) => withDisplay(sagas.get(id) ?? null)),
    breakers: keys.breakers.map((key) => breakers.get(JSON.stringify([key.service, key.breaker])) ?? { transitions: [], state: null }),
    resilience,
    flows,
  };
}

function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set([0, ...cuts.map((cut) => cut % (items.length + 1)), items.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => items.slice(points[i] ?? 0, end));
}

const arrival = world.map(worldSpans).chain((spans) =>
  fc.record({
    spans: fc.constant(spans),
    shuffled: fc.shuffledSubarray(spans, { minLength: spans.length, maxLength: spans.length }),
    cuts: fc.array(fc.nat(), { maxLength: 8 }),
    flips: fc.array(fc.boolean(), { maxLength: 9 }),
  }),
);

describe("projections under late, out-of-order arrival", () => {
  it("converge to the same rows for any arrival order and any batching", () => {
    fc.assert(
      fc.property(arrival, ({ spans, shuffled, cuts, flips }) => {
        const expected = projectAll(spans);
        expect(projectAll(shuffled)).toEqual(expected);
        expect(projectAll([...shuffled].reverse())).toEqual(expected);
        expect(projectInBatches(split(shuffled, cuts), flips)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("are fed scenarios that exercise every status, stuck sagas and same-instant ties", () => {
    const samples = fc.sample(world.map(worldSpans), { seed: 42, numRuns: 60 }).map(projectAll);
    const display = new Set(samples.flatMap((p) => p.sagas.flatMap((s) => s.display)));
    expect([...display].sort()).toEqual(["compensated", "compensating", "completed", "failed", "started", "stuck"]);
    const sameInstant = samples.some((p) => p.breakers.some(({ transitions }) =>
      transitions.some((t, i) => i > 0 && transitions[i - 1]?.atNs === t.atNs && transitions[i - 1]?.spanId !== t.spanId)));
    expect(sameInstant).toBe(true);
    expect(samples.some((p) => p.resilience.some((r) => r.kind === "retry" && r.outcome === "exhausted"))).toBe(true);
    expect(samples.some((p) => new Set(p.flows.map((f) => f.minute.getTime())).size > 1)).toBe(true);
  });
});
