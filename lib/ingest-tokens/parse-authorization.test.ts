import { describe, expect, it } from "vitest";
import { parseBearerAuthorization } from "./parse-authorization";

const TOKEN = "fdi_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6";

describe("parseBearerAuthorization", () => {
  it.each([
    ["the canonical form", `Bearer ${TOKEN}`],
    ["a lower-case scheme", `bearer ${TOKEN}`],
    ["an upper-case scheme", `BEARER ${TOKEN}`],
    ["several spaces and trailing space", `Bearer   ${TOKEN}  `],
  ])("takes %s", (_why, header) => expect(parseBearerAuthorization(header)).toEqual({ ok: true, token: TOKEN }));

  it("passes a b64token that is not Flowdeck's format through, for the lookup to refuse", () => {
    expect(parseBearerAuthorization("Bearer abc.def-ghi_jkl~mno+pqr/stu==")).toEqual({ ok: true, token: "abc.def-ghi_jkl~mno+pqr/stu==" });
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["only spaces", "   "],
  ])("calls %s missing", (_why, header) => expect(parseBearerAuthorization(header)).toEqual({ ok: false, reason: "missing" }));

  it.each([
    ["another scheme", `Basic ${Buffer.from("user:pass").toString("base64")}`],
    ["the scheme alone", "Bearer"],
    ["the scheme and a space", "Bearer "],
    ["no space after the scheme", `Bearer${TOKEN}`],
    ["the token without a scheme", TOKEN],
    ["two tokens", `Bearer ${TOKEN} ${TOKEN}`],
    ["a comma-separated list", `Bearer ${TOKEN}, Bearer ${TOKEN}`],
    ["a tab instead of a space", `Bearer\t${TOKEN}`],
    ["characters outside b64token", "Bearer fdi_ab\"cd"],
    ["padding in the middle", "Bearer ab=cd"],
    ["auth-params instead of a token", 'Bearer realm="x"'],
    ["a header far longer than any token", `Bearer ${"a".repeat(600)}`],
  ])("calls %s malformed", (_why, header) => expect(parseBearerAuthorization(header)).toEqual({ ok: false, reason: "malformed" }));
});
