import { describe, expect, it } from "vitest";
import { nextPageHref, parseTracesUrl, presetHref } from "./search-url";

const now = new Date("2026-03-14T12:00:00.000Z");

describe("parseTracesUrl", () => {
  it("defaults to the last hour, any status, 50 per page", () => {
    const parsed = parseTracesUrl({}, now, "UTC");
    expect(parsed.ok && parsed.view).toMatchObject({ range: "1h", status: "any", match: "prefix", limit: 50, attributes: [] });
    expect(parsed.ok && parsed.search.from?.toISOString()).toBe("2026-03-14T11:00:00.000Z");
  });

  it("reads every filter, ignoring blank fields of a submitted form", () => {
    const parsed = parseTracesUrl(
      { service: "payment", operation: "", status: "error", minDuration: "250", sagaKey: "order-42", attr: ["http.route=/orders/{id}", "", "a=b=c"], range: "6h" },
      now, "UTC",
    );
    expect(parsed.ok && parsed.search).toMatchObject({
      service: "payment", status: "error", minDurationMs: 250, sagaKey: "order-42", operation: undefined,
      attributes: [{ key: "http.route", value: "/orders/{id}" }, { key: "a", value: "b=c" }],
      from: new Date("2026-03-14T06:00:00.000Z"), to: now,
    });
  });

  it("reads a custom window in the zone given", () => {
    const parsed = parseTracesUrl({ from: "2026-03-14T09:00", to: "2026-03-14T10:00", tz: "Europe/Berlin" }, now, "UTC");
    expect(parsed.ok && parsed.view.range).toBe("custom");
    expect(parsed.ok && parsed.search.from?.toISOString()).toBe("2026-03-14T08:00:00.000Z");
  });

  it("names each bad parameter instead of failing", () => {
    const parsed = parseTracesUrl({ status: "broken", minDuration: "fast", limit: "0" }, now, "UTC");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.param).sort()).toEqual(["limit", "minDuration", "status"]);
    const window = parseTracesUrl({ from: "2026-03-14T11:00Z", to: "2026-03-14T10:00Z" }, now, "UTC");
    expect(!window.ok && window.problems).toEqual([{ param: "from", message: "the time range must start before it ends" }]);
    const time = parseTracesUrl({ from: "yesterday" }, now, "UTC");
    expect(!time.ok && time.problems[0]?.param).toBe("from");
    expect(parseTracesUrl({ cursor: "12-xyz" }, now, "UTC").ok).toBe(false);
  });

  it("jumps to a pasted trace id", () => {
    const id = "4bf92f3577b34da6a3ce929d0e0e4736";
    expect(parseTracesUrl({ traceId: id.toUpperCase() }, now, "UTC")).toMatchObject({ ok: true, jumpTo: id });
  });
});

describe("links", () => {
  it("keeps the filters, and pins the window for the next page", () => {
    const parsed = parseTracesUrl({ service: "payment", attr: "k=v", range: "15m" }, now, "UTC");
    if (!parsed.ok) throw new Error("expected a valid url");
    expect(presetHref(parsed.view, "24h")).toBe("/traces?service=payment&attr=k%3Dv&range=24h");
    expect(nextPageHref(parsed.view, "1-ab")).toBe(
      "/traces?service=payment&attr=k%3Dv&from=2026-03-14T11%3A45%3A00.000Z&to=2026-03-14T12%3A00%3A00.000Z&cursor=1-ab",
    );
  });
});
