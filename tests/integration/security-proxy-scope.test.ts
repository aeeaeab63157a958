import { randomBytes } from "node:crypto";
import type { NextConfig } from "next";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/otlp/v1/traces/route";
import { disconnectDb } from "@/lib/db";
import { createIngestToken } from "@/lib/ingest-tokens";
import { config, proxy } from "@/proxy";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

// next.config.mjs is plain JavaScript (Next loads it before any TypeScript); a computed specifier keeps
// the type checker from asking for its declarations.
const nextConfigUrl = new URL("../../next.config.mjs", import.meta.url).href;
const loadNextConfig = async () => ((await import(nextConfigUrl)) as { default: NextConfig }).default;

describe("which requests the proxy sees", () => {
  it.each(["/", "/dlq", "/dlq/local/orders.DLQ", "/traces/abc", "/api/metrics", "/api/dlq/local/t/payload"])("%s goes through it", (path) => {
    expect(unstable_doesMiddlewareMatch({ config, url: `http://flowdeck.test${path}` })).toBe(true);
  });

  it.each(["/api/otlp/v1/traces", "/_next/static/chunks/main.js", "/favicon.ico"])("%s does not: ingest bodies must not be buffered", (path) => {
    expect(unstable_doesMiddlewareMatch({ config, url: `http://flowdeck.test${path}` })).toBe(false);
  });
});

describe("the proxy", () => {
  it("hands the page render the same nonce policy the browser receives", () => {
    const response = proxy(new NextRequest("http://flowdeck.test/dlq", { headers: { cookie: "flowdeck.session_token=t" } }));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    // NextResponse.next({ request }) passes request overrides as x-middleware-request-* headers.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the proxy's sign-in gate", () => {
  it("sends a page load without a session cookie to sign-in, and answers API calls and posts with 401", async () => {
    const page = proxy(new NextRequest("http://flowdeck.test/sagas?status=failed"));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://flowdeck.test/sign-in?next=%2Fsagas%3Fstatus%3Dfailed");
    for (const request of [new NextRequest("http://flowdeck.test/api/audit/export"), new NextRequest("http://flowdeck.test/dlq", { method: "POST" })]) {
      const response = proxy(request);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
    expect(proxy(new NextRequest("http://flowdeck.test/sign-in")).status).toBe(200);
  });
});

describe("next.config.mjs headers", () => {
  it("gives the ingest route the static headers and a deny-all policy of its own", async () => {
    const response = await unstable_getResponseFromNextConfig({ url: "http://flowdeck.test/api/otlp/v1/traces", nextConfig: await loadNextConfig() });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "x-content-type-options": "nosniff", "x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin",
      "referrer-policy": "strict-origin-when-cross-origin", "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    });
  });

  it("leaves the page policy to the proxy, so a page never gets two", async () => {
    const response = await unstable_getResponseFromNextConfig({ url: "http://flowdeck.test/dlq", nextConfig: await loadNextConfig() });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});

describe("a large OTLP export, which the proxy would have buffered", () => {
  it("is stored whole", async () => {
    const traceId = randomBytes(16).toString("hex");
    const now = BigInt(Date.now()) * 1_000_000n;
    const blob = "x".repeat(8_000);
    const body = JSON.stringify({ resourceSpans: [{
      resource: { attributes: [{ key: "service.name", value: { stringValue: "bulk-exporter" } }] },
      scopeSpans: [{ spans: Array.from({ length: 900 }, () => ({
        traceId, spanId: randomBytes(8).toString("hex"), name: "bulk", kind: 1,
        startTimeUnixNano: now.toString(), endTimeUnixNano: (now + 1_000_000n).toString(),
        attributes: [{ key: "payload.blob", value: { stringValue: blob } }],
      })) }],
    }] });
    expect(body.length).toBeGreaterThan(7_000_000);
    const { token } = await createIngestToken(`it-proxy-scope-${randomBytes(4).toString("hex")}`, "it:proxy-scope");
    const response = await POST(new Request("http://flowdeck.test/api/otlp/v1/traces", { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } }));
    expect(response.status).toBe(200);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
    expect(rows[0]?.n).toBe(900);
  });
});
