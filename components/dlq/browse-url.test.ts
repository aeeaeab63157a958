import { describe, expect, it } from "vitest";
import { browseHref, parseBrowseUrl } from "./browse-url";

describe("parseBrowseUrl", () => {
  it("reads filters, page position and the open message", () => {
    const parsed = parseBrowseUrl("local", "orders.DLQ", {
      status: "any", from: "2026-11-27T10:00", to: "2026-11-27T11:00:30Z", error: "PoisonMessageError", header: "tenant=eu=west", q: "order-42",
      cursor: "1795800000000.2.41", msg: "2:41",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.view.input).toMatchObject({
      status: "any", from: new Date("2026-11-27T10:00:00Z"), to: new Date("2026-11-27T11:00:30Z"), errorType: "PoisonMessageError",
      header: { name: "tenant", value: "eu=west" }, text: "order-42", cursor: { timeMs: 1795800000000, partition: 2, offset: 41n },
    });
    expect(parsed.view.message).toEqual({ partition: 2, offset: 41n });
  });

  it("defaults to pending messages", () => {
    const parsed = parseBrowseUrl("local", "t", {});
    expect(parsed.ok && parsed.view.input.status).toBe("pending");
  });

  it.each([
    [{ status: "lost" }, "status"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-11-27T11:00", to: "2026-11-27T10:00" }, "from"],
    [{ header: "no-equals-sign" }, "header"],
    [{ q: "x" }, "q"],
    [{ cursor: "'; DROP TABLE dlq_messages; --" }, "cursor"],
    [{ msg: "-1:5" }, "msg"],
    [{ msg: "1:x" }, "msg"],
    [{ msg: "1:99999999999999999999" }, "msg"],
    [{ msg: "1:9999999999999999999" }, "msg"],
    [{ msg: "2147483648:0" }, "msg"],
  ])("explains a bad parameter %j", (params, param) => {
    const parsed = parseBrowseUrl("local", "t", params);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.param).toBe(param);
  });
});

describe("browseHref", () => {
  it("keeps the view, applies changes and escapes the topic", () => {
    expect(browseHref("local", "a/b <c>", { status: "any", error: "X Y" }, { msg: "0:5" })).toBe("/dlq/local/a%2Fb%20%3Cc%3E?status=any&error=X+Y&msg=0%3A5");
    expect(browseHref("local", "t", { cursor: "1.0.0", error: "X" }, { cursor: undefined })).toBe("/dlq/local/t?error=X");
  });
});
