import { describe, expect, it } from "vitest";
import { findings, orderSections, sectionSeverity, type AttentionInput } from "./attention";

const n = (count: number, capped = false) => ({ count, capped });
const sagaCounts = (over: Partial<Record<"failed" | "stuck" | "compensating" | "compensated", { count: number; capped: boolean }>> = {}) => ({
  counts: { failed: n(0), stuck: n(0), compensating: n(0), compensated: n(0), ...over }, listHref: (s: string) => `/sagas?range=1h&status=${s}`,
});
const calmSagas = sagaCounts();
const calm: AttentionInput = {
  dlq: { totalPending: 0, topicsWithPending: 0, arrivedLast15m: 0 },
  breakers: { open: 0, halfOpen: 0 },
  sagas: calmSagas,
  ingest: { projectionLagSeconds: 0, recentRejected: null, secondsSinceLastSpan: 3 },
  brokers: [{ name: "local", up: true }],
};

describe("findings", () => {
  it("finds nothing when nothing is wrong, and every section is ok", () => {
    const found = findings(calm);
    expect(found).toEqual([]);
    expect(orderSections(found)).toEqual(["dlq", "breakers", "sagas", "ingest", "brokers"]);
  });

  it("lists what is broken before what needs a look, each with where to go", () => {
    const found = findings({
      ...calm,
      dlq: { totalPending: 12, topicsWithPending: 2, arrivedLast15m: 0 },
      breakers: { open: 1, halfOpen: 2 },
      sagas: sagaCounts({ compensated: n(3), failed: n(1) }),
      brokers: [{ name: "local", up: true }, { name: "eu", up: false }],
    });
    expect(found.map((f) => [f.severity, f.text, f.href])).toEqual([
      ["bad", "Cluster eu not reachable", "/clusters"],
      ["bad", "1 circuit breaker open", "/breakers"],
      ["bad", "1 saga failed", "/sagas?range=1h&status=failed"],
      ["warn", "12 dead letters pending in 2 DLQ topics", "/dlq"],
      ["warn", "2 circuit breakers half-open", "/breakers"],
      ["warn", "3 sagas compensated", "/sagas?range=1h&status=compensated"],
    ]);
    expect(sectionSeverity(found, "brokers")).toBe("bad");
    expect(sectionSeverity(found, "dlq")).toBe("warn");
    expect(sectionSeverity(found, "ingest")).toBe("ok");
    expect(orderSections(found)).toEqual(["breakers", "sagas", "brokers", "dlq", "ingest"]);
  });

  it("makes dead letters bad while they keep arriving, and marks capped saga counts", () => {
    const found = findings({ ...calm, dlq: { totalPending: 5, topicsWithPending: 1, arrivedLast15m: 4 }, sagas: sagaCounts({ stuck: n(100_000, true), failed: n(2) }) });
    expect(found.map((f) => [f.severity, f.text])).toEqual([
      ["bad", "2 sagas failed"],
      ["bad", "100,000+ sagas stuck"],
      ["bad", "5 dead letters pending in 1 DLQ topic, 4 new in the last 15 min"],
    ]);
  });

  it("warns about lagging projections, rejected spans and silent services; a long lag is bad", () => {
    expect(findings({ ...calm, ingest: { projectionLagSeconds: 4.9, recentRejected: 0, secondsSinceLastSpan: 299 } })).toEqual([]);
    const found = findings({ ...calm, ingest: { projectionLagSeconds: 75, recentRejected: 3, secondsSinceLastSpan: 600 } });
    expect(found.map((f) => [f.severity, f.text])).toEqual([
      ["bad", "Projections 75 s behind the spans"],
      ["warn", "3 spans rejected in the last minutes"],
      ["warn", "No span received for 10 min"],
    ]);
  });

  it("says nothing about the store's parts it could not read", () => {
    const found = findings({ dlq: null, breakers: null, sagas: null, ingest: null, brokers: [{ name: "local", up: true }] });
    expect(found).toEqual([]);
  });
});
