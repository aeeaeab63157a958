// Hand-written spans for the projection tests: defaults for everything a test does not care about.
import type { Attributes, SpanEvent, SpanRecord } from "@/lib/traces";

/** 2026-01-01T00:00:00Z in Unix nanoseconds. */
export const T0 = 1_767_225_600_000_000_000n;

/** T0 plus whole milliseconds. */
export function at(ms: number): bigint {
  return T0 + BigInt(ms) * 1_000_000n;
}

/** A 16-digit span id (or 32-digit trace id) from a small number, so tests can order ids on purpose. */
export function hexId(n: number | bigint, digits: 16 | 32 = 16): string {
  return BigInt(n).toString(16).padStart(digits, "0");
}

export function event(name: string, time: bigint, attributes: Attributes = {}): SpanEvent {
  return { name, timeUnixNano: time, attributes };
}

export function span(fields: Partial<SpanRecord> & Pick<SpanRecord, "spanId">): SpanRecord {
  return {
    traceId: hexId(1, 32),
    parentSpanId: null,
    name: "op",
    kind: 1,
    serviceName: "orders",
    scopeName: null,
    startTimeUnixNano: T0,
    endTimeUnixNano: T0,
    statusCode: 0,
    statusMessage: null,
    resourceAttributes: {},
    attributes: {},
    events: [],
    links: [],
    ...fields,
  };
}

/** The Date a row holds for T0 plus whole milliseconds. */
export function dateAt(ms: number): Date {
  return new Date(Number(T0 / 1_000_000n) + ms);
}
