import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

/** The policy as directive → sources, the way a browser splits it. */
function parse(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...sources]) => [name, sources]));
}

describe("contentSecurityPolicy", () => {
  const production = parse(contentSecurityPolicy({ nonce: "abc123==", development: false, https: false }));

  it("runs scripts only by nonce and what they load, never inline or eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("locks down plugins, base, framing, forms and connections", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("allows inline style attributes but keeps style elements on self and the nonce", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(production.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("allows eval and un-nonced dev styles only in development", () => {
    const dev = parse(contentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    expect(parse(contentSecurityPolicy({ nonce: "n", development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});
