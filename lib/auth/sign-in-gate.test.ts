import { describe, expect, it } from "vitest";
import { gate, safeNextPath } from "./sign-in-gate";

const none = new Headers();
const withSession = new Headers({ cookie: "theme=dark; flowdeck.session_token=abc.def" });

describe("the sign-in gate", () => {
  it("sends a page load without a session to sign-in, keeping where it was going", () => {
    expect(gate("/dlq/local/orders.DLQ", "?q=x", "GET", none)).toEqual({ kind: "sign-in", location: "/sign-in?next=%2Fdlq%2Flocal%2Forders.DLQ%3Fq%3Dx" });
    expect(gate("/", "", "GET", none)).toEqual({ kind: "sign-in", location: "/sign-in" });
  });

  it("answers API calls and posts without a session with 401", () => {
    expect(gate("/api/audit/export", "", "GET", none)).toEqual({ kind: "unauthenticated" });
    expect(gate("/dlq/local/orders.DLQ", "", "POST", none)).toEqual({ kind: "unauthenticated" });
  });

  it("lets sign-in, auth endpoints, health and requests with a session cookie through", () => {
    for (const path of ["/sign-in", "/api/auth/sign-in/email", "/api/health/live", "/api/metrics", "/flowdeck.svg"]) {
      expect(gate(path, "", "GET", none)).toEqual({ kind: "pass" });
    }
    expect(gate("/overview", "", "GET", withSession)).toEqual({ kind: "pass" });
    expect(gate("/overview", "", "GET", new Headers({ cookie: "__Secure-flowdeck.session_token=abc" }))).toEqual({ kind: "pass" });
    expect(gate("/overview", "", "GET", new Headers({ cookie: "better-auth.session_token=abc" }))).toMatchObject({ kind: "sign-in" });
  });

  it("only ever returns to a path on this site", () => {
    expect(safeNextPath("/sagas?status=failed")).toBe("/sagas?status=failed");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", null, undefined, "/sign-in?next=/x"]) {
      expect(safeNextPath(bad)).toBe("/overview");
    }
  });
});
