import { describe, expect, it } from "vitest";
import { generateIngestToken, hashIngestToken, isWellFormedIngestToken } from "./token-format";

describe("ingest token format", () => {
  it("mints distinct, well-formed fdi_ tokens of 32 random bytes", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateIngestToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(isWellFormedIngestToken(token)).toBe(true);
      expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    }
  });

  it.each([
    ["no prefix", "abc_" + "A".repeat(43)],
    ["too short", "fdi_" + "A".repeat(42)],
    ["too long", "fdi_" + "A".repeat(44)],
    ["standard base64 characters", "fdi_" + "A".repeat(42) + "+"],
    ["padding", "fdi_" + "A".repeat(42) + "="],
    ["empty", ""],
  ])("refuses %s", (_why, token) => expect(isWellFormedIngestToken(token)).toBe(false));

  it("hashes to a 32-byte SHA-256 digest that differs per token", () => {
    const a = generateIngestToken();
    expect(hashIngestToken(a)).toHaveLength(32);
    expect(hashIngestToken(a).equals(hashIngestToken(a))).toBe(true);
    expect(hashIngestToken(a).equals(hashIngestToken(generateIngestToken()))).toBe(false);
    expect(hashIngestToken("abc").toString("hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
