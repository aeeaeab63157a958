import { describe, expect, it } from "vitest";
import type { OutlineSpan } from "@/lib/traces/queries/get-trace";
import { buildWaterfall, visibleRows } from "./waterfall-model";

const T0 = 1_700_000_000_000_000_000n;

function span(spanId: string, parentSpanId: string | null, startUs: number, durationUs: number, over: Partial<OutlineSpan> = {}): OutlineSpan {
  return {
    spanId, parentSpanId, startNs: T0 + BigInt(startUs * 1_000), durationNs: BigInt(durationUs * 1_000), name: spanId, kind: 1,
    serviceName: "orders", statusCode: 0, messaging: null, ...over,
  };
}

describe("buildWaterfall", () => {
  it("orders rows depth-first, siblings by start, with times relative to the trace", () => {
    const model = buildWaterfall([
      span("c2", "root", 30, 10),
      span("root", null, 0, 100),
      span("c1", "root", 10, 50, { serviceName: "payment", statusCode: 2 }),
      span("g1", "c1", 20, 5),
    ]);
    expect(model.rows.map((r) => [r.spanId, r.depth, r.startUs])).toEqual([["root", 0, 0], ["c1", 1, 10], ["g1", 2, 20], ["c2", 1, 30]]);
    expect(model.services).toEqual(["orders", "payment"]);
    expect(model.rows[1]).toMatchObject({ service: 1, error: true, childCount: 1 });
    expect(model).toMatchObject({ totalUs: 100, errorCount: 1, orphanCount: 0, traceStartNs: T0.toString() });
  });

  it("shows spans whose parent is missing at the top level, marked", () => {
    const model = buildWaterfall([span("root", null, 0, 10), span("lost", "never-came", 5, 50), span("kid", "lost", 6, 1)]);
    expect(model.rows.map((r) => [r.spanId, r.depth, r.orphan])).toEqual([["root", 0, false], ["lost", 0, true], ["kid", 1, false]]);
    expect(model.orphanCount).toBe(1);
    expect(model.totalUs).toBe(55);
  });

  it("survives parent cycles, self-parents and duplicate ids", () => {
    const model = buildWaterfall([span("a", "b", 0, 1), span("b", "a", 1, 1), span("self", "self", 2, 1), span("a", "b", 9, 1)]);
    expect(model.rows.map((r) => r.spanId).sort()).toEqual(["a", "b", "self"]);
    expect(model.duplicateCount).toBe(1);
  });

  it("walks a chain thousands of spans deep without recursion", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i === 0 ? null : `s${i - 1}`, i, 1));
    const model = buildWaterfall(chain);
    expect(model.rows.at(-1)?.depth).toBe(19_999);
  });
});

describe("visibleRows", () => {
  it("hides the descendants of collapsed spans", () => {
    const { rows } = buildWaterfall([span("root", null, 0, 100), span("c1", "root", 10, 50), span("g1", "c1", 20, 5), span("c2", "root", 30, 10)]);
    expect(visibleRows(rows, new Set(["c1"])).map((r) => r.spanId)).toEqual(["root", "c1", "c2"]);
    expect(visibleRows(rows, new Set(["root"])).map((r) => r.spanId)).toEqual(["root"]);
  });
});
