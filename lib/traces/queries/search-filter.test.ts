import { describe, expect, it } from "vitest";
import { TraceSearch, decodeCursor, encodeCursor, windowProblem } from "./search-filter";
import { SqlParams, attributeCandidates, spanConditions } from "./span-conditions";
import { microsToIso } from "./search-traces";

describe("cursor", () => {
  it("round-trips, and refuses anything it did not write", () => {
    const cursor = { startMicros: "1742000000123456", traceId: "4bf92f3577b34da6a3ce929d0e0e4736" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("1742000000123456-xyz")).toBeNull();
    expect(decodeCursor("12-4bf92f3577b34da6a3ce929d0e0e4736-1")).toBeNull();
  });

  it("keeps microseconds when turned back into a time", () => {
    expect(microsToIso("1742000000123456")).toBe("2025-03-15T00:53:20.123456Z");
    expect(microsToIso("1742000000000007")).toBe("2025-03-15T00:53:20.000007Z");
  });
});

describe("spanConditions", () => {
  it("always bounds the time, and passes every value as a parameter", () => {
    const params = new SqlParams();
    const window = { from: new Date(0), to: new Date(1) };
    const search = TraceSearch.parse({ service: "x'; --", operation: "a%", attributes: [{ key: "saga.key", value: "k" }] });
    const sql = spanConditions(search, window, "s", params).join(" AND ");
    expect(sql).toContain("s.start_time >= $1");
    expect(sql).toContain("starts_with(s.name, $4)");
    expect(sql).toContain("s.saga_key = $5");
    expect(sql).not.toContain("x'");
    expect(params.values).toEqual([window.from, window.to, "x'; --", "a%", "k"]);
  });

  it("matches key=value as text, and as a number or boolean when it reads as one", () => {
    expect(attributeCandidates({ key: "k", value: "42" })).toEqual([{ k: "42" }, { k: 42 }]);
    expect(attributeCandidates({ key: "k", value: "true" })).toEqual([{ k: "true" }, { k: true }]);
    expect(attributeCandidates({ key: "k", value: "4x" })).toEqual([{ k: "4x" }]);
  });
});

describe("windowProblem", () => {
  it("refuses empty, reversed and over-long windows", () => {
    const t = new Date("2026-03-14T00:00:00Z");
    expect(windowProblem({ from: t, to: t })).not.toBeNull();
    expect(windowProblem({ from: t, to: new Date(t.getTime() + 32 * 86_400_000) })).not.toBeNull();
    expect(windowProblem({ from: t, to: new Date(t.getTime() + 1) })).toBeNull();
  });
});
