// A whole world of spans for the convergence property: sagas, breakers changing state (several in one
// instant), guarded and bulkheaded calls, retries and messaging spans across minute boundaries.
import fc from "fast-check";
import type { SpanEvent, SpanKind, SpanRecord, StatusCode } from "@/lib/traces";
import { at, event, hexId, span } from "./span-builder";
import { sagaPlan, sagaScenarioSpans, type NextSpanId } from "./scenario-sagas";

const STATES = ["closed", "open", "half_open"] as const;
const BREAKERS = ["payments-api", "inventory-api"];
const SERVICES = ["checkout", "billing", "orders"];
const TOPICS = ["orders", "payments", "shipments"];
const ADDRESSES = [undefined, "kafka-eu-1:9092", "kafka-us-1:9092"];
const OPERATIONS = [undefined, "send", "receive", "process", "settle", "create"];

const transitionPlan = fc.record({ state: fc.nat({ max: 2 }), gapMs: fc.nat({ max: 2 }), sameSpan: fc.boolean(), nameOnSpan: fc.boolean() });
const breakerPlan = fc.record({ service: fc.nat({ max: 2 }), breaker: fc.nat({ max: 1 }), startMs: fc.nat({ max: 3_000 }), transitions: fc.array(transitionPlan, { maxLength: 6 }) });
const callPlan = fc.record({
  service: fc.nat({ max: 2 }), atMs: fc.nat({ max: 180_000 }), statusCode: fc.constantFrom<StatusCode>(0, 1, 2), kind: fc.constantFrom<SpanKind>(1, 3, 4, 5),
  breaker: fc.option(fc.tuple(fc.nat({ max: 1 }), fc.constantFrom("success", "failure", "timeout", "rejected", "fallback", "bogus"))),
  bulkhead: fc.option(fc.constantFrom("admitted", "rejected")),
  retry: fc.option(fc.tuple(fc.constantFrom<number | string>(1, 2, "3", "x"), fc.constantFrom<boolean | string>(false, true, "true"))),
  messaging: fc.option(fc.record({ topic: fc.nat({ max: 2 }), operation: fc.nat({ max: 5 }), group: fc.option(fc.constantFrom("billing", "audit")), address: fc.nat({ max: 2 }) })),
});

export const world = fc.record({
  salt: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  sagas: fc.array(sagaPlan, { minLength: 1, maxLength: 5 }),
  breakers: fc.array(breakerPlan, { maxLength: 4 }),
  calls: fc.array(callPlan, { maxLength: 25 }),
});
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;
export type World = Generated<typeof world>;

/** Span ids from a keyed 64-bit mix of a counter: unique, and unrelated to the order spans are made in. */
function spanIds(salt: bigint): NextSpanId {
  let counter = 0n;
  return () => {
    let z = (salt + ++counter * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return hexId(z ^ (z >> 31n));
  };
}

export function worldSpans(plan: World): SpanRecord[] {
  const nextId = spanIds(plan.salt);
  const spans = plan.sagas.flatMap((saga, i) => sagaScenarioSpans(saga, `saga-${i}`, nextId));
  for (const breaker of plan.breakers) spans.push(...breakerSpans(breaker, nextId));
  for (const call of plan.calls) spans.push(callSpan(call, nextId));
  return spans;
}

function breakerSpans(plan: Generated<typeof breakerPlan>, nextId: NextSpanId): SpanRecord[] {
  const service = SERVICES[plan.service] ?? "checkout";
  const name = BREAKERS[plan.breaker] ?? "payments-api";
  const spans: SpanRecord[] = [];
  let previous: string = "closed";
  let t = plan.startMs;
  for (const transition of plan.transitions) {
    const state = STATES[transition.state] ?? "open";
    const change: SpanEvent = event("circuit_breaker.state_change", at(t), {
      ...(transition.nameOnSpan ? {} : { "circuit_breaker.name": name }), "circuit_breaker.state": state, "circuit_breaker.previous_state": previous,
    });
    const current = spans.at(-1);
    if (transition.sameSpan && current !== undefined && !transition.nameOnSpan) current.events.push(change);
    else spans.push(span({ spanId: nextId(), serviceName: service, startTimeUnixNano: at(t), endTimeUnixNano: at(t + 1),
      attributes: { "circuit_breaker.name": name, "circuit_breaker.outcome": state === "open" ? "rejected" : "success" }, events: [change] }));
    previous = state;
    t += transition.gapMs; // a gap of 0 puts the next change in the same instant
  }
  return spans;
}

function callSpan(plan: Generated<typeof callPlan>, nextId: NextSpanId): SpanRecord {
  const attributes: Record<string, string | number | boolean> = {};
  if (plan.breaker !== null) Object.assign(attributes, { "circuit_breaker.name": BREAKERS[plan.breaker[0]] ?? "", "circuit_breaker.outcome": plan.breaker[1] });
  if (plan.bulkhead !== null) Object.assign(attributes, { "bulkhead.name": "db-pool", "bulkhead.outcome": plan.bulkhead });
  if (plan.retry !== null) Object.assign(attributes, { "retry.attempt": plan.retry[0], "retry.exhausted": plan.retry[1] });
  const messaging = plan.messaging;
  if (messaging !== null) {
    Object.assign(attributes, { "messaging.system": "kafka", "messaging.destination.name": TOPICS[messaging.topic] ?? "orders" });
    const operation = OPERATIONS[messaging.operation];
    const address = ADDRESSES[messaging.address];
    if (operation !== undefined) attributes["messaging.operation.type"] = operation;
    if (address !== undefined) attributes["server.address"] = address;
    if (messaging.group !== null) attributes["messaging.consumer.group.name"] = messaging.group;
  }
  const service = SERVICES[plan.service] ?? "checkout";
  return span({ spanId: nextId(), serviceName: service, kind: plan.kind, statusCode: plan.statusCode, startTimeUnixNano: at(plan.atMs), endTimeUnixNano: at(plan.atMs + 5), attributes });
}
