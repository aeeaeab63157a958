import { describe, expect, it } from "vitest";
import { copyBytea, copyJson, copyText, copyTimestamp } from "./copy-format";

describe("COPY text encoding", () => {
  it("escapes the characters COPY gives meaning to", () => {
    expect(copyText("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyText(null)).toBe("\\N");
  });

  it("writes bytea as escaped hex, JSON with bigints as strings, timestamps to the microsecond", () => {
    expect(copyBytea("00f067aa0ba902b7")).toBe("\\\\x00f067aa0ba902b7");
    expect(copyJson({ t: 1795788984012345678n, s: "tab\there" })).toBe('{"t":"1795788984012345678","s":"tab\\\\there"}');
    expect(copyTimestamp(1795788984012345678n)).toBe("2026-11-27T14:16:24.012345Z");
  });
});
