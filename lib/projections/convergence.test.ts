// Spans arrive late and out of order: the projections must converge to the same result for any arrival
// order and any split into batches, with an injected clock and ties broken by (timestamp, span id).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/traces";
import { breakerStateOf, breakerTransitions, deriveBreaker, keptTransition, transitionKey, type DerivedBreaker, type RankedTransition } from "./breaker";
import { flowEdgeCounts, mergeFlowEdges, type FlowEdgeMinuteRow } from "./flow-edges";
import { compareTuple } from "./order";
import { projectionKeys } from "./projection-keys";
import { mergeCounts, resilienceCounts, type ResilienceMinuteRow } from "./resilience-counts";
import { deriveSaga, type DerivedSaga } from "./saga";
import { mergeSagaSpans, sagaRowOf, type SagaSummary } from "./saga-merge";
import { decodeSagaSummary, encodeSagaSummary } from "./saga-summary-json";
import type { SagaStepRow } from "./saga-steps";
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

/** One breaker's rows of the transitions table, oldest first (by time, then span id). */
function tableRows(table: Map<string, RankedTransition>, key: { service: string; breaker: string }) {
  return [...table.values()].map((t) => t.row).filter((row) => row.service === key.service && row.breaker === key.breaker)
    .sort((a, b) => compareTuple([a.atNs, a.spanId], [b.atNs, b.spanId]));
}

/**
 * The way the projector stores it: each batch is merged into the stored saga summaries (round-tripped
 * through their jsonb form) and upserted into the transitions table; breaker state is read from the
 * table's newest transitions, a short page first and the whole history only when the page runs out.
 */
function projectIncrementally(batches: readonly SpanRecord[][]): Projection {
  const summaries = new Map<string, string>();
  const steps = new Map<string, SagaStepRow[]>();
  const table = new Map<string, RankedTransition>();
  const states = new Map<string, DerivedBreaker["state"]>();
  for (const batch of batches) {
    const keys = projectionKeys(batch);
    for (const id of keys.sagaIds) {
      const stored = summaries.get(id);
      const delta = mergeSagaSpans(id, stored === undefined ? null : decodeSagaSummary(JSON.parse(stored)), batch);
      if (delta === null) continue;
      summaries.set(id, encodeSagaSummary(delta.summary));
      steps.set(id, [...(steps.get(id) ?? []), ...delta.steps]);
    }
    for (const item of breakerTransitions(batch)) {
      const prior = table.get(transitionKey(item.row));
      table.set(transitionKey(item.row), prior === undefined ? item : keptTransition(prior, item));
    }
    for (const key of keys.breakers) {
      const newestFirst = tableRows(table, key).reverse();
      const page = breakerStateOf(newestFirst.slice(0, 2));
      states.set(JSON.stringify([key.service, key.breaker]), page.complete ? page.state : breakerStateOf(newestFirst).state);
    }
  }
  const keys = projectionKeys(batches.flat());
  return {
    sagas: keys.sagaIds.map((id) => {
      const stored = summaries.get(id);
      const summary: SagaSummary | null = stored === undefined ? null : decodeSagaSummary(JSON.parse(stored));
      const sorted = [...(steps.get(id) ?? [])].sort((a, b) => compareTuple([a.startedAt.getTime(), a.spanId], [b.startedAt.getTime(), b.spanId]));
      return withDisplay(summary === null ? null : { saga: sagaRowOf(id, summary), steps: sorted });
    }),
    breakers: keys.breakers.map((key) => {
      return { transitions: tableRows(table, key), state: states.get(JSON.stringify([key.service, key.breaker])) ?? null };
    }),
    resilience: resilienceCounts(batches.flat()),
    flows: flowEdgeCounts(batches.flat(), resolveCluster),
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
        expect(projectIncrementally(split(shuffled, cuts))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  }, 60_000); // 300 worlds, each projected many ways: seconds of CPU, more on a busy machine

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
