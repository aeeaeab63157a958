// The circuit_breaker.state_change events of a span, read the same way by the breaker projection,
// the spans table's breaker_name column and the list of breakers a batch of spans touches.
import type { SpanEvent, SpanRecord } from "@/lib/traces";
import { readOneOf, readText } from "./attributes";

export const BREAKER_STATES = ["closed", "open", "half_open"] as const;
export type BreakerStateName = (typeof BREAKER_STATES)[number];

export type BreakerStateChange = {
  breaker: string;
  toState: BreakerStateName;
  fromState: BreakerStateName | null;
  event: SpanEvent;
  index: number;
};

/**
 * Well-formed state changes, in event order. The breaker's name is the event's own attribute, else the
 * span's (a guarded call that reports its breaker once on the span); a change without a valid target
 * state or any name is ignored.
 */
export function breakerStateChanges(span: SpanRecord): BreakerStateChange[] {
  return span.events.flatMap((event, index) => {
    if (event.name !== "circuit_breaker.state_change") return [];
    const breaker = readText(event.attributes, "circuit_breaker.name") ?? readText(span.attributes, "circuit_breaker.name");
    const toState = readOneOf(event.attributes, "circuit_breaker.state", BREAKER_STATES);
    if (breaker === null || toState === null) return [];
    const fromState = readOneOf(event.attributes, "circuit_breaker.previous_state", BREAKER_STATES);
    return [{ breaker, toState, fromState, event, index }];
  });
}
