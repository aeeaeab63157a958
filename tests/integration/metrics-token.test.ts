// With FLOWDECK_METRICS_TOKEN set, both metrics endpoints (the web process's /api/metrics and the worker's
// /metrics) answer only a scrape that sends it, and refuse any other with 401 and no metrics in the body.
import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort } from "./support/free-port";

const TOKEN = "it-metrics-token-0123456789abcdef";
// Before any module reads the configuration.
vi.stubEnv("FLOWDECK_METRICS_TOKEN", TOKEN);
const { GET } = await import("@/app/api/metrics/route");
const { startHealthServer } = await import("@/lib/worker/health-server");
const { getConfig } = await import("@/lib/config");
const { disconnectDb } = await import("@/lib/db");

const workerPort = await freePort();
const worker = await startHealthServer(workerPort, getConfig().metricsToken);
afterAll(async () => {
  await new Promise((resolve) => worker.close(resolve));
  await disconnectDb();
});

const REFUSED = [
  ["no credentials", {}],
  ["a wrong token", { authorization: "Bearer it-metrics-token-0123456789abcdeX" }],
  ["the token as basic credentials", { authorization: `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString("base64")}` }],
] as const;

describe("the web process's /api/metrics", () => {
  it.each(REFUSED)("refuses %s with 401 and no metrics", async (_what, headers) => {
    const response = await GET(new Request("http://127.0.0.1/api/metrics", { headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await response.text()).not.toMatch(/flowdeck_|process_cpu/);
  });

  it("answers the configured bearer token with Prometheus text", async () => {
    const response = await GET(new Request("http://127.0.0.1/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^# HELP flowdeck_process_cpu_user_seconds_total/m);
  });
});

describe("the worker's /metrics", () => {
  const scrape = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${workerPort}/metrics`, { headers });

  it.each(REFUSED)("refuses %s with 401 and no metrics", async (_what, headers) => {
    const response = await scrape({ ...headers });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/flowdeck_|process_cpu/);
  });

  it("answers the configured bearer token, and its health checks stay open", async () => {
    const response = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^# HELP flowdeck_process_cpu_user_seconds_total/m);
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/live`)).status).toBe(200);
  });
});
