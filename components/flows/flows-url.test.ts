import { describe, expect, it } from "vitest";
import { flowsHref, parseFlowsUrl } from "./flows-url";

const now = new Date("2026-11-28T10:00:00Z");
const parse = (query: string) => parseFlowsUrl(Object.fromEntries(new URLSearchParams(query)), now, "UTC");

describe("parseFlowsUrl", () => {
  it("defaults to the last hour with nothing selected", () => {
    expect(parse("")).toEqual({ ok: true, view: { window: { range: "1h", from: new Date("2026-11-28T09:00:00Z"), to: now }, selection: null } });
  });

  it("reads each kind of selection", () => {
    expect(parse("select=service&service=order-service")).toMatchObject({ ok: true, view: { selection: { kind: "service", service: "order-service" } } });
    expect(parse("select=consume&cluster=local&topic=orders&service=payment&group=g")).toMatchObject({
      ok: true, view: { selection: { kind: "consume", cluster: "local", topic: "orders", service: "payment", group: "g" } },
    });
    // A consumer naming no group is selected with group "".
    expect(parse("select=consume&cluster=local&topic=orders&service=payment")).toMatchObject({ ok: true, view: { selection: { group: "" } } });
    expect(parse("select=dead-letter&cluster=local&topic=orders.DLQ")).toMatchObject({ ok: true, view: { selection: { kind: "dead-letter", topic: "orders.DLQ" } } });
  });

  it("names every bad parameter instead of guessing", () => {
    expect(parse("range=2h")).toEqual({ ok: false, problems: [expect.objectContaining({ param: "range" })] });
    const queue = parse("select=queue");
    expect(!queue.ok && queue.problems).toEqual([{ param: "select", message: `"queue" is not something on the map; use service, topic, produce, consume, dead-letter` }]);
    const missing = parse("select=produce&cluster=local");
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problems.map((p) => p.param).sort()).toEqual(["service", "topic"]);
    expect(parse("select=service&service=%20%20")).toMatchObject({ ok: false, problems: [{ param: "service" }] });
    expect(parse("range=custom&from=yesterday&select=topic")).toMatchObject({ ok: false });
    const both = parse("range=custom&from=yesterday&select=topic");
    expect(!both.ok && both.problems.map((p) => p.param).sort()).toEqual(["cluster", "from", "topic"]);
  });
});

describe("flowsHref", () => {
  it("writes a link that reads back as the same view", () => {
    const parsed = parse("range=6h&select=consume&cluster=local&topic=a%26b&service=pay%20ment&group=");
    if (!parsed.ok) throw new Error("expected a valid view");
    const href = flowsHref(parsed.view.window, parsed.view.selection);
    expect(href.startsWith("/flows?range=6h&select=consume")).toBe(true);
    expect(parseFlowsUrl(Object.fromEntries(new URL(href, "http://x").searchParams), now, "UTC")).toEqual(parsed);
    expect(flowsHref(parsed.view.window, null)).toBe("/flows?range=6h");
  });
});
