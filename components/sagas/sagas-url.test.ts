import { describe, expect, it } from "vitest";
import { firstPageHref, nextPageHref, parseSagasUrl, sagaHref, statusHref } from "./sagas-url";

const now = new Date("2026-11-28T12:00:00Z");

describe("parseSagasUrl", () => {
  it("defaults to every status over the last hour, first page", () => {
    const parsed = parseSagasUrl({}, now, "UTC");
    expect(parsed).toEqual({
      ok: true,
      view: { window: { range: "1h", from: new Date("2026-11-28T11:00:00Z"), to: now }, status: "any" },
      filter: { from: new Date("2026-11-28T11:00:00Z"), to: now, status: "any", name: undefined, key: undefined, sagaId: undefined },
    });
  });

  it("reads the status chip, type, key, id and a cursor this page wrote", () => {
    const parsed = parseSagasUrl({ range: "24h", status: "stuck", name: "order-fulfillment", key: " order-42 ", id: "abc-1", cursor: "1764320000123456_abc-1" }, now, "UTC");
    expect(parsed.ok && parsed.filter).toEqual({
      from: new Date("2026-11-27T12:00:00Z"), to: now, status: "stuck", name: "order-fulfillment", key: "order-42", sagaId: "abc-1",
      cursor: { startMicros: "1764320000123456", id: "abc-1" },
    });
  });

  it("treats blank fields (a submitted empty form) as absent", () => {
    const parsed = parseSagasUrl({ name: "", key: "  ", id: "", status: "any" }, now, "UTC");
    expect(parsed.ok && parsed.view).toEqual({ window: { range: "1h", from: new Date("2026-11-28T11:00:00Z"), to: now }, status: "any" });
  });

  it("names each bad parameter instead of guessing", () => {
    const parsed = parseSagasUrl({ status: "broken", range: "2w", id: "has space", cursor: "nonsense" }, now, "UTC");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.param).sort()).toEqual(["cursor", "id", "range", "status"]);
    expect(parsed.problems.find((p) => p.param === "status")?.message).toBe("\"broken\" is not a status; use one of any, failed, stuck, compensating, compensated, started, completed");
    expect(parsed.problems.find((p) => p.param === "id")?.message).toBe("a saga id has no spaces or control characters");
  });

  it("refuses a window that ends before it starts", () => {
    const parsed = parseSagasUrl({ range: "custom", from: "2026-11-28T10:00:00Z", to: "2026-11-28T09:00:00Z" }, now, "UTC");
    expect(parsed).toEqual({ ok: false, problems: [{ param: "from", message: "the time range must start before it ends" }] });
  });
});

describe("links", () => {
  const parsed = parseSagasUrl({ range: "6h", name: "order-fulfillment", status: "failed", cursor: "1764320000123456_x" }, now, "UTC");
  if (!parsed.ok) throw new Error("fixture");
  const { view } = parsed;

  it("a status chip keeps the filters and the relative window, and starts from the newest", () => {
    expect(statusHref(view, "compensated")).toBe("/sagas?range=6h&name=order-fulfillment&status=compensated");
    expect(statusHref(view, "any")).toBe("/sagas?range=6h&name=order-fulfillment");
  });

  it("the next page pins the window it was read in", () => {
    expect(nextPageHref(view, "1764310000000000_y")).toBe(
      "/sagas?range=custom&from=2026-11-28T06%3A00%3A00.000Z&to=2026-11-28T12%3A00%3A00.000Z&name=order-fulfillment&status=failed&cursor=1764310000000000_y");
    expect(firstPageHref(view)).toBe("/sagas?range=6h&name=order-fulfillment&status=failed");
  });

  it("a saga link escapes the id", () => {
    expect(sagaHref("a/b c")).toBe("/sagas/a%2Fb%20c");
  });
});
