import { expect, test, type APIRequestContext } from "@playwright/test";
import { throwawayBroker } from "./fixtures/throwaway-broker";
import { ClustersPage } from "./pages/clusters-page";

// Flowdeck against a broker that is stopped, and separately frozen (SIGSTOP): the cluster shows down
// within 10 s without any request hanging, and comes back within 15 s of the broker answering again.
const DOWN_WITHIN_MS = 10_000;
const UP_WITHIN_MS = 15_000;
const REQUEST_BOUND_MS = 8_000;

type Ready = { ready: boolean; clusters: { name: string; up: boolean }[] };

/** Polls /api/health/ready until the outage cluster is `up`; each request itself must answer in time. */
async function pollReady(request: APIRequestContext, up: boolean, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const sent = Date.now();
    // A fresh connection each time: reusing an idle keep-alive socket races the server closing it.
    const response = await request.get("/api/health/ready", { timeout: REQUEST_BOUND_MS, headers: { connection: "close" } });
    expect(Date.now() - sent, "a readiness request took too long").toBeLessThan(REQUEST_BOUND_MS);
    expect(response.status(), "Postgres is up, so Flowdeck stays ready whatever Kafka does").toBe(200);
    const body = (await response.json()) as Ready;
    if (body.clusters.find((c) => c.name === "outage")?.up === up) return Date.now() - started;
    expect(Date.now() - started, `outage cluster still ${up ? "down" : "up"}`).toBeLessThan(withinMs);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(() => throwawayBroker.start());
test.afterAll(() => {
  try {
    throwawayBroker.thaw();
  } catch {
    // already running or gone
  }
  throwawayBroker.stop();
});

for (const outage of ["stopped", "frozen"] as const) {
  test(`a ${outage} broker shows down, then recovers without a restart`, async ({ page, request }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const clusters = new ClustersPage(page);
    await pollReady(request, true, UP_WITHIN_MS);
    await clusters.open();
    await expect(clusters.status("outage")).toHaveText("Up");

    if (outage === "stopped") throwawayBroker.stop();
    else throwawayBroker.freeze();
    const wentDown = Date.now();
    const downAfter = await pollReady(request, false, DOWN_WITHIN_MS);
    await expect(clusters.status("outage")).toHaveText("Down", { timeout: DOWN_WITHIN_MS - (Date.now() - wentDown) + 2_000 });
    await expect(clusters.status("local"), "the other cluster is unaffected").toHaveText("Up");
    await page.screenshot({ path: `test-results/screenshots/outage-${outage}.png`, fullPage: true });

    if (outage === "stopped") throwawayBroker.start();
    else throwawayBroker.thaw();
    const answering = Date.now();
    const upAfter = await pollReady(request, true, UP_WITHIN_MS);
    console.log(`${outage} broker: /api/health/ready showed it down after ${downAfter} ms and up ${upAfter} ms after it answered again`);
    await expect(clusters.status("outage")).toHaveText("Up", { timeout: UP_WITHIN_MS - (Date.now() - answering) + 2_000 });
    expect(errors).toEqual([]);
  });
}
