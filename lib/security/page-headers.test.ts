import { describe, expect, it } from "vitest";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { NONCE_HEADER, pageHeaders } from "./page-headers";

const plain = "http:";

describe("pageHeaders", () => {
  it("gives every request a fresh nonce that Next finds in the request's policy", () => {
    const first = pageHeaders(new Headers(), plain, false);
    const second = pageHeaders(new Headers(), plain, false);
    const nonce = first.request.get(NONCE_HEADER) ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.request.get(NONCE_HEADER)).not.toBe(nonce);
    // The same parser Next renders with: its scripts get exactly this nonce.
    expect(getScriptNonceFromHeader(first.request.get("content-security-policy") ?? "")).toBe(nonce);
    expect(first.response["content-security-policy"]).toBe(first.request.get("content-security-policy"));
  });

  it("overrides a nonce or policy the client sent", () => {
    const forged = new Headers({ [NONCE_HEADER]: "attacker", "content-security-policy": "script-src 'nonce-attacker'", "content-security-policy-report-only": "script-src 'nonce-attacker'", cookie: "a=b" });
    const { request } = pageHeaders(forged, plain, false);
    expect(request.get(NONCE_HEADER)).not.toBe("attacker");
    expect(request.get("content-security-policy")).not.toContain("attacker");
    expect(request.has("content-security-policy-report-only")).toBe(false);
    expect(request.get("cookie")).toBe("a=b");
  });

  it("sends Strict-Transport-Security only over https", () => {
    expect(pageHeaders(new Headers(), plain, false).response["strict-transport-security"]).toBeUndefined();
    expect(pageHeaders(new Headers({ "x-forwarded-proto": "https" }), plain, false).response["strict-transport-security"]).toBe("max-age=31536000");
    expect(pageHeaders(new Headers(), "https:", false).response["strict-transport-security"]).toBe("max-age=31536000");
    expect(pageHeaders(new Headers({ "x-forwarded-proto": "http" }), "https:", false).response["strict-transport-security"]).toBeUndefined();
  });
});
