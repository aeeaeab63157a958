import { describe, expect, it } from "vitest";
import { MAX_INDEXED_LENGTH, MAX_STRING_LENGTH, TRUNCATED_ATTRIBUTE, capIndexed, safeString, sanitizeAttributes } from "./sanitize";

describe("safeString", () => {
  it("replaces NUL and lone surrogates, which Postgres refuses, and leaves other text alone", () => {
    expect(safeString("a\u0000b")).toBe("a\uFFFDb");
    expect(safeString("x\uD800y")).toBe("x\uFFFDy");
    expect(safeString("zażółć 🚚")).toBe("zażółć 🚚");
  });
});

describe("sanitizeAttributes", () => {
  it("cuts oversized strings, nested ones too, and lists the keys it cut", () => {
    const long = "y".repeat(MAX_STRING_LENGTH + 10);
    const out = sanitizeAttributes({ "http.body": long, tags: [long, "ok"], short: "fine", n: 3, ok: true });
    expect(out["http.body"]).toBe(`${"y".repeat(MAX_STRING_LENGTH)}…[10 more characters]`);
    expect((out.tags as string[])[1]).toBe("ok");
    expect(out.short).toBe("fine");
    expect(out[TRUNCATED_ATTRIBUTE]).toEqual(["http.body", "tags"]);
  });

  it("never leaves half a surrogate pair where it cuts, and keeps an attribute named __proto__", () => {
    const cut = sanitizeAttributes({ emoji: `a${"😀".repeat(5000)}` }).emoji as string;
    expect(cut.isWellFormed()).toBe(true);
    expect(JSON.stringify(sanitizeAttributes(JSON.parse('{"__proto__":"x"}') as Record<string, string>))).toBe('{"__proto__":"x"}');
  });

  it("stores non-finite numbers as text, since JSON cannot hold them", () => {
    expect(sanitizeAttributes({ ratio: Number.NaN, big: Number.POSITIVE_INFINITY })).toEqual({ ratio: "NaN", big: "Infinity" });
  });

  it("adds no marker when nothing was cut", () => {
    expect(sanitizeAttributes({ a: "b" })).toEqual({ a: "b" });
  });
});

describe("capIndexed", () => {
  it("leaves short values alone and cuts long ones without splitting a surrogate pair", () => {
    expect(capIndexed("order-42")).toBe("order-42");
    expect(capIndexed(null)).toBeNull();
    const cut = capIndexed(`a${"😀".repeat(1000)}`);
    expect(cut.length).toBe(MAX_INDEXED_LENGTH);
    expect(cut.isWellFormed()).toBe(true);
  });
});
