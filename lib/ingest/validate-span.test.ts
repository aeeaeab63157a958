import { describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/traces";
import { rejectionReason } from "./validate-span";

const now = Date.UTC(2026, 10, 27, 12);
const window = { earliest: new Date(now - 7 * 86_400_000), latest: new Date(now + 86_400_000) };
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

const span = (over: Partial<SpanRecord> = {}): SpanRecord => ({
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", parentSpanId: null, name: "send orders",
  kind: 4, serviceName: "order", scopeName: null, startTimeUnixNano: ns(now), endTimeUnixNano: ns(now + 5),
  statusCode: 0, statusMessage: null, resourceAttributes: {}, attributes: {}, events: [], links: [], ...over,
});

describe("rejectionReason", () => {
  it("accepts a well-formed span inside the window", () => expect(rejectionReason(span(), window)).toBeNull());
  it.each([
    ["invalid trace id", { traceId: "00000000000000000000000000000000" }],
    ["invalid trace id", { traceId: "xyz" }],
    ["invalid span id", { spanId: "0000000000000000" }],
    ["invalid parent span id", { parentSpanId: "abc" }],
    ["start time older than retention", { startTimeUnixNano: ns(now - 8 * 86_400_000) }],
    ["start time too far in the future", { startTimeUnixNano: ns(now + 2 * 86_400_000), endTimeUnixNano: ns(now + 2 * 86_400_000) }],
    ["end time before start time", { endTimeUnixNano: ns(now - 1) }],
    ["end time out of range", { endTimeUnixNano: 2n ** 64n - 1n }],
    ["event time out of range", { events: [{ name: "circuit_breaker.state_change", timeUnixNano: 2n ** 63n, attributes: {} }] }],
  ] as [string, Partial<SpanRecord>][])("rejects a span with %s", (reason, over) => expect(rejectionReason(span(over), window)).toBe(reason));
});
