// One breaker's history (breaker_transitions) and current state (breaker_states), rebuilt from all its
// state-change events, so a late event lands in its place instead of overwriting a newer state.
import type { SpanRecord } from "@/lib/traces";
import { breakerStateChanges, type BreakerStateName } from "./breaker-events";
import { compareTuple, nsToDate } from "./order";

export type BreakerTransitionRow = {
  service: string;
  breaker: string;
  fromState: BreakerStateName | null;
  toState: BreakerStateName;
  at: Date;
  atNs: bigint;
  spanId: string;
  traceId: string;
};

/** A transition with the position of its event in the span: of one span's changes in one instant, the last wins. */
export type RankedTransition = { row: BreakerTransitionRow; index: number };

export type BreakerStateRow = { service: string; breaker: string; state: BreakerStateName; since: Date };

export type DerivedBreaker = { transitions: BreakerTransitionRow[]; state: BreakerStateRow | null };

const order = (a: RankedTransition, b: RankedTransition): number =>
  compareTuple([a.row.atNs, a.row.spanId, a.index, a.row.traceId], [b.row.atNs, b.row.spanId, b.index, b.row.traceId]);

/** The table's key: (service, breaker, at_ns, span_id). */
export const transitionKey = (row: BreakerTransitionRow): string => JSON.stringify([row.service, row.breaker, row.atNs.toString(), row.spanId]);

/** Of two transitions with the same key, the one the table keeps: the later event (then the larger trace id). */
export const keptTransition = (a: RankedTransition, b: RankedTransition): RankedTransition =>
  compareTuple([a.index, a.row.traceId], [b.index, b.row.traceId]) >= 0 ? a : b;

/** Every state change of the spans as a transition of (its span's service, its breaker), one per key. */
export function breakerTransitions(spans: readonly SpanRecord[]): RankedTransition[] {
  const kept = new Map<string, RankedTransition>();
  for (const span of spans) {
    for (const change of breakerStateChanges(span)) {
      const item: RankedTransition = {
        index: change.index,
        row: {
          service: span.serviceName,
          breaker: change.breaker,
          fromState: change.fromState,
          toState: change.toState,
          at: nsToDate(change.event.timeUnixNano),
          atNs: change.event.timeUnixNano,
          spanId: span.spanId,
          traceId: span.traceId,
        },
      };
      const key = transitionKey(item.row);
      const prior = kept.get(key);
      kept.set(key, prior === undefined ? item : keptTransition(prior, item));
    }
  }
  return [...kept.values()].sort(order);
}

/**
 * The current state from a breaker's transitions, newest first (sorted by time, then span id). "since"
 * is when the breaker entered its current state: a repeated report of the same state (open after open,
 * not claiming another previous state) does not restart the clock. complete is false when the run of
 * repeats reaches the end of the list given, so an older transition might still move "since".
 */
export function breakerStateOf(newestFirst: readonly BreakerTransitionRow[]): { state: BreakerStateRow | null; complete: boolean } {
  const last = newestFirst[0];
  if (last === undefined) return { state: null, complete: true };
  let since = last;
  let complete = false;
  for (const earlier of newestFirst.slice(1)) {
    const repeat = since.fromState === null || since.fromState === since.toState;
    if (!repeat || earlier.toState !== since.toState) {
      complete = true;
      break;
    }
    since = earlier;
  }
  if (!complete) complete = since.fromState !== null && since.fromState !== since.toState;
  return { state: { service: last.service, breaker: last.breaker, state: last.toState, since: since.at }, complete };
}

/** Transitions sorted by (time, span id); state is the last one's, null when there are none. */
export function deriveBreaker(service: string, breakerName: string, spans: readonly SpanRecord[]): DerivedBreaker {
  const transitions = breakerTransitions(spans.filter((span) => span.serviceName === service))
    .filter((item) => item.row.breaker === breakerName)
    .map((item) => item.row);
  return { transitions, state: breakerStateOf([...transitions].reverse()).state };
}
