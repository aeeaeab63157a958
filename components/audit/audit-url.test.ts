import { describe, expect, it } from "vitest";
import { csvHref, firstPageHref, nextPageHref, parseAuditUrl } from "./audit-url";

const NOW = new Date("2026-11-28T12:00:00.000Z");

function parse(params: Record<string, string | string[]>) {
  return parseAuditUrl(params, NOW, "UTC");
}

describe("parseAuditUrl", () => {
  it("defaults to every event of the last 24 hours, first page", () => {
    const parsed = parse({});
    expect(parsed.ok && parsed.filter).toEqual({ from: new Date("2026-11-27T12:00:00.000Z"), to: NOW, cursor: undefined });
  });

  it("reads who, what, target, outcome, the window and the page position", () => {
    const parsed = parse({ actor: " ana ", action: "dlq.redrive.pause", target: "orders.DLQ", outcome: "denied", range: "1h", cursor: "1795867200000000.42" });
    expect(parsed.ok && parsed.filter).toEqual({
      actor: "ana", action: "dlq.redrive.pause", target: "orders.DLQ", outcome: "denied",
      from: new Date("2026-11-28T11:00:00.000Z"), to: NOW, cursor: { atMicros: "1795867200000000", id: "42" },
    });
  });

  it("treats empty fields (a submitted form) as no filter and takes the first of repeated values", () => {
    const parsed = parse({ actor: "", action: "", target: "  ", outcome: "", range: ["6h", "1h"] });
    expect(parsed.ok && parsed.filter).toEqual({ from: new Date("2026-11-28T06:00:00.000Z"), to: NOW, cursor: undefined });
  });

  it("reads a custom window in the operator's zone", () => {
    const parsed = parseAuditUrl({ range: "custom", from: "2026-11-20T09:00", to: "2026-11-21T09:00", tz: "Europe/Paris" }, NOW, "UTC");
    expect(parsed.ok && [parsed.filter.from.toISOString(), parsed.filter.to.toISOString()]).toEqual(["2026-11-20T08:00:00.000Z", "2026-11-21T08:00:00.000Z"]);
  });

  it("names every bad parameter instead of guessing", () => {
    const parsed = parse({ action: "DROP TABLE", outcome: "maybe", cursor: "abc", range: "2y", actor: "x".repeat(201) });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.param).sort()).toEqual(["action", "actor", "cursor", "outcome", "range"]);
  });
});

describe("audit links", () => {
  const parsed = parse({ actor: "ana & bob", action: "dlq.discard", range: "1h", cursor: "1.2" });
  if (!parsed.ok) throw new Error("fixture did not parse");
  const { view } = parsed;

  it("keep the filters and window, reset or set the page position", () => {
    expect(firstPageHref(view)).toBe("/audit?range=1h&actor=ana+%26+bob&action=dlq.discard");
    expect(nextPageHref(view, { atMicros: "99", id: "7" })).toBe("/audit?range=1h&actor=ana+%26+bob&action=dlq.discard&cursor=99.7");
  });

  it("export exactly the window the page shows, all pages", () => {
    const href = new URL(csvHref(view), "http://x");
    expect(href.pathname).toBe("/api/audit/export");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      range: "custom", from: "2026-11-28T11:00:00.000Z", to: "2026-11-28T12:00:00.000Z", actor: "ana & bob", action: "dlq.discard",
    });
    const again = parse(Object.fromEntries(href.searchParams));
    expect(again.ok && again.filter).toEqual({ actor: "ana & bob", action: "dlq.discard", from: new Date("2026-11-28T11:00:00.000Z"), to: NOW, cursor: undefined });
  });
});
