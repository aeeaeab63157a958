import { describe, expect, it } from "vitest";
import type { SpanEvent } from "@/lib/traces";
import { deriveBreaker } from "./breaker";
import { at, dateAt, event, hexId, span } from "./testing/span-builder";

const change = (ms: number, to: string, from: string | null, name: string | null = "payments-api"): SpanEvent =>
  event("circuit_breaker.state_change", at(ms), {
    ...(name === null ? {} : { "circuit_breaker.name": name }),
    "circuit_breaker.state": to,
    ...(from === null ? {} : { "circuit_breaker.previous_state": from }),
  });

const call = (id: number, events: SpanEvent[], serviceName = "checkout") => span({ spanId: hexId(id), serviceName, events });

describe("deriveBreaker", () => {
  it("orders transitions closed → open → half_open → closed and keeps the last as the state", () => {
    const spans = [
      call(3, [change(300, "closed", "half_open")]),
      call(1, [change(100, "open", "closed")]),
      call(2, [change(200, "half_open", "open")]),
    ];
    const { transitions, state } = deriveBreaker("checkout", "payments-api", spans);
    expect(transitions.map((t) => [t.fromState, t.toState, t.spanId])).toEqual([
      ["closed", "open", hexId(1)], ["open", "half_open", hexId(2)], ["half_open", "closed", hexId(3)],
    ]);
    expect(transitions[0]).toMatchObject({ service: "checkout", breaker: "payments-api", at: dateAt(100), atNs: at(100), traceId: hexId(1, 32) });
    expect(state).toEqual({ service: "checkout", breaker: "payments-api", state: "closed", since: dateAt(300) });
  });

  it("ignores other breakers, other services and malformed changes", () => {
    const spans = [
      call(1, [change(100, "open", "closed", "inventory-api")]),
      call(2, [change(100, "open", "closed")], "billing"),
      call(3, [change(100, "opened", "closed"), change(120, "open", "sideways")]),
    ];
    const { transitions, state } = deriveBreaker("checkout", "payments-api", spans);
    expect(transitions.map((t) => [t.fromState, t.toState])).toEqual([[null, "open"]]);
    expect(state?.state).toBe("open");
  });

  it("takes the breaker name from the span when the event has none", () => {
    const guarded = span({ spanId: hexId(1), serviceName: "checkout", attributes: { "circuit_breaker.name": "payments-api" }, events: [change(5, "open", "closed", null)] });
    expect(deriveBreaker("checkout", "payments-api", [guarded]).state?.state).toBe("open");
  });

  it("breaks same-instant ties by span id, then by event index within a span", () => {
    const a = call(0xa, [change(100, "open", "closed")]);
    const b = call(0xb, [change(100, "half_open", "open"), change(100, "closed", "half_open")]);
    for (const spans of [[a, b], [b, a]]) {
      const { transitions, state } = deriveBreaker("checkout", "payments-api", spans);
      // One row per (time, span): span b's last change in that nanosecond is the one kept.
      expect(transitions.map((t) => [t.spanId, t.toState])).toEqual([[hexId(0xa), "open"], [hexId(0xb), "closed"]]);
      expect(state?.state).toBe("closed");
    }
  });

  it("dates the state from when it was entered, not from a repeated report", () => {
    const spans = [call(1, [change(100, "open", "closed")]), call(2, [change(200, "open", "open")]), call(3, [change(300, "open", null)])];
    expect(deriveBreaker("checkout", "payments-api", spans).state?.since).toEqual(dateAt(100));
    const reopened = [...spans, call(4, [change(400, "open", "half_open")])];
    expect(deriveBreaker("checkout", "payments-api", reopened).state?.since).toEqual(dateAt(400));
  });

  it("has no state without transitions", () => {
    expect(deriveBreaker("checkout", "payments-api", [call(1, [])])).toEqual({ transitions: [], state: null });
  });
});
