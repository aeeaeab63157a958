import { describe, expect, it } from "vitest";
import { capText, decodeLenient, decodeStrict, hasControlChars, headerBytes, headerText, headerValues, toHex } from "./header-values";

describe("headerValues / headerBytes", () => {
  it("turns strings into UTF-8 bytes and reads the first of repeated values", () => {
    const headers = { a: "é", b: [Buffer.from("one"), "two"], c: undefined };
    expect(headerValues(headers, "b").map(String)).toEqual(["one", "two"]);
    expect(headerBytes(headers, "a")).toEqual(Buffer.from([0xc3, 0xa9]));
    expect(headerBytes(headers, "b")?.toString()).toBe("one");
    expect([headerBytes(headers, "c"), headerBytes(headers, "missing"), headerBytes({ e: [] }, "e")]).toEqual([null, null, null]);
  });

  it("does not read inherited properties as headers", () => {
    expect(headerBytes({}, "constructor")).toBeNull();
    expect(headerBytes({}, "toString")).toBeNull();
  });
});

describe("decoding", () => {
  it("decodes leniently with U+FFFD and without NUL; strictly returns null on bad UTF-8", () => {
    expect(decodeLenient(Buffer.from([0x41, 0xc3, 0x00, 0x42]))).toBe("A\uFFFDB");
    expect(decodeStrict(Buffer.from([0x41, 0xc3]))).toBeNull();
    expect(decodeStrict(Buffer.from("zażółć"))).toBe("zażółć");
  });

  it("keeps a leading byte-order mark rather than silently dropping bytes", () => {
    expect(decodeLenient(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe("\uFEFFa");
  });

  it("treats empty header text as absent", () => {
    expect(headerText({ a: "" }, "a")).toBeNull();
    expect(headerText({ a: "\u0000" }, "a")).toBeNull();
  });
});

describe("hasControlChars", () => {
  it("allows tab, newline and carriage return only", () => {
    expect(hasControlChars("a\tb\r\nc")).toBe(false);
    expect(hasControlChars("a\u0000")).toBe(true);
    expect(hasControlChars("a\u001b[31m")).toBe(true);
    expect(hasControlChars("a\u007f")).toBe(true);
  });
});

describe("capText / toHex", () => {
  it("cuts to exactly the cap with the marker last, and leaves short text alone", () => {
    expect(capText("abcdef", 4)).toBe("abc…");
    expect(capText("abcd", 4)).toBe("abcd");
  });

  it("writes space-separated lowercase hex pairs", () => {
    expect(toHex(Buffer.from([0, 0xab, 0x10]))).toBe("00 ab 10");
    expect(toHex(Buffer.from([0xff]))).toBe("ff");
    expect(toHex(Buffer.alloc(0))).toBe("");
  });
});
