import { describe, expect, it } from "vitest";
import type { DlqSelection } from "../verbs/selection";
import { describeStoredSelection, restoreSelection, storeSelection } from "./stored-selection";

describe("stored selection", () => {
  it("round-trips positions through JSON, offsets past 2^53 included", () => {
    const selection: DlqSelection = { kind: "messages", positions: [{ partition: 0, offset: 7n }, { partition: 3, offset: 9_007_199_254_740_993n }] };
    const stored = JSON.parse(JSON.stringify(storeSelection(selection))) as unknown;
    expect(restoreSelection("local", "t.DLQ", stored)).toEqual(selection);
    expect(describeStoredSelection(stored)).toBe("messages 0:7, 3:9007199254740993");
  });

  it("round-trips a filter through JSON, always as pending messages of the request's topic", () => {
    const from = new Date("2026-11-29T10:00:00.000Z");
    const selection: DlqSelection = {
      kind: "filter",
      input: { cluster: "local", topic: "t.DLQ", status: "any", from, errorType: "Timeout", header: { name: "tenant", value: "acme" } },
    };
    const stored = JSON.parse(JSON.stringify(storeSelection(selection))) as unknown;
    expect(restoreSelection("local", "t.DLQ", stored)).toEqual({
      kind: "filter",
      input: { cluster: "local", topic: "t.DLQ", status: "pending", from, to: undefined, errorType: "Timeout", originalTopic: undefined, key: undefined, header: { name: "tenant", value: "acme" }, text: undefined },
    });
    expect(describeStoredSelection(stored)).toBe("pending messages with error type “Timeout”, header tenant=acme, from 2026-11-29T10:00:00.000Z");
  });

  it("refuses a stored selection it cannot read instead of guessing", () => {
    expect(() => restoreSelection("local", "t.DLQ", { kind: "messages", positions: [] })).toThrow("cannot be read");
    expect(() => restoreSelection("local", "t.DLQ", { kind: "filter", filter: { from: "yesterday" } })).toThrow("cannot be read");
    expect(describeStoredSelection(null)).toBe("(selection unreadable)");
  });
});
