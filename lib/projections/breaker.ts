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

export type BreakerStateRow = { service: string; breaker: string; state: BreakerStateName; since: Date };

export type DerivedBreaker = { transitions: BreakerTransitionRow[]; state: BreakerStateRow | null };

type Ordered = { row: BreakerTransitionRow; index: number };

const order = (a: Ordered, b: Ordered): number =>
  compareTuple([a.row.atNs, a.row.spanId, a.index, a.row.traceId], [b.row.atNs, b.row.spanId, b.index, b.row.traceId]);

/** Transitions sorted by (time, span id, event index); state is the last one's, null when there are none. */
export function deriveBreaker(service: string, breakerName: string, spans: readonly SpanRecord[]): DerivedBreaker {
  const all: Ordered[] = spans
    .filter((span) => span.serviceName === service)
    .flatMap((span) =>
      breakerStateChanges(span)
        .filter((change) => change.breaker === breakerName)
        .map((change) => ({
          index: change.index,
          row: {
            service,
            breaker: breakerName,
            fromState: change.fromState,
            toState: change.toState,
            at: nsToDate(change.event.timeUnixNano),
            atNs: change.event.timeUnixNano,
            spanId: span.spanId,
            traceId: span.traceId,
          },
        })),
    )
    .sort(order);

  // The table is keyed (service, breaker, at_ns, span_id): of several changes one span reports in the
  // same nanosecond, the last one (by event index) is where the breaker ended up, so it is the one kept.
  const transitions = all.filter((item, i) => {
    const next = all[i + 1];
    return next === undefined || next.row.atNs !== item.row.atNs || next.row.spanId !== item.row.spanId;
  });
  const last = transitions.at(-1);
  if (last === undefined) return { transitions: [], state: null };

  // "since" is when the breaker entered its current state: a repeated report of the same state (open
  // after open, not claiming another previous state) does not restart the clock.
  let since = last;
  for (let i = transitions.length - 2; i >= 0; i--) {
    const earlier = transitions[i];
    const repeat = since.row.fromState === null || since.row.fromState === since.row.toState;
    if (earlier === undefined || !repeat || earlier.row.toState !== since.row.toState) break;
    since = earlier;
  }
  return {
    transitions: transitions.map((item) => item.row),
    state: { service, breaker: breakerName, state: last.row.toState, since: since.row.at },
  };
}
