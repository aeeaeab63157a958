import { expect, test } from "@playwright/test";

test("health probes and metrics answer for the running console", async ({ request, page }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "live" });

  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  const body = (await ready.json()) as { ready: boolean; postgres: { up: boolean; latencyMs: number }; clusters: { name: string; up: boolean }[] };
  expect(body.ready).toBe(true);
  expect(body.postgres.up).toBe(true);
  expect(body.clusters.find((c) => c.name === "local")?.up).toBe(true);
  expect(body.clusters.map((c) => c.name).sort()).toEqual(["local", "outage"]);

  await page.goto("/clusters");
  await expect(page.getByTestId("cluster-status-local")).toHaveText("Up");
  const metrics = await (await request.get("/api/metrics")).text();
  expect(metrics).toMatch(/flowdeck_http_requests_total\{route="\/clusters",method="GET"\} [1-9]/);
  expect(metrics).toMatch(/flowdeck_broker_call_duration_seconds_count\{cluster="local",operation="describeCluster",outcome="ok"\} [1-9]/);
  expect(metrics).toMatch(/flowdeck_broker_circuit_state\{cluster="local"\} 0/);
});
