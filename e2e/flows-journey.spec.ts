// The flow map of the running reference system (`npm run demo` on its own ports): the order → payment →
// shipping path with the topics between them, the payment DLQ beside its topic with a dead-letter count,
// an edge's series in the side panel, bad links explained, and the page's cold-load JavaScript measured.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { cleanUpDemoRun, useDemoSession, processesOf, queryFlowdeck, startDemoRun, type DemoRun } from "./fixtures/demo-run";
import { FlowsPage } from "./pages/flows-page";

const JS_BUDGET_BYTES = 300 * 1024;
let run: DemoRun | undefined;

test.afterAll(async () => {
  if (!run) return;
  for (const pid of await processesOf(run)) process.kill(pid, "SIGKILL");
  await cleanUpDemoRun(run);
});

/** Gzipped bytes of every script a fresh page load of `url` downloads, counted once `ready` shows. */
async function coldLoadScriptBytes(page: Page, url: string, ready: (page: Page) => Promise<void>): Promise<{ total: number; files: number }> {
  const bodies: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().then((b) => gzipSync(b).length, () => 0));
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  const sizes = await Promise.all(bodies);
  return { total: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

test("the flow map shows the demo's order → payment → shipping flow, its DLQ, and an edge's series", async ({ page, browser }) => {
  test.setTimeout(240_000);
  run = startDemoRun(randomUUID().slice(0, 8), { flowdeck: 3450, worker: 3451, order: 4450 });
  const demo = run;
  const t = (name: string) => `${demo.marker}.${name}`;

  // The demo has produced, consumed and dead-lettered payment messages, and the worker indexed the DLQ.
  await expect.poll(async () => {
    const edges = await queryFlowdeck<{ n: number }>(demo,
      `SELECT count(DISTINCT (topic, direction))::int AS n FROM flow_edge_minutes WHERE topic IN ('${t("orders.payment")}', '${t("orders.shipping")}', '${t("orders.payment.DLQ")}')`).catch(() => []);
    const dlq = await queryFlowdeck<{ n: number }>(demo, `SELECT coalesce(sum(count), 0)::int AS n FROM dlq_minutes WHERE topic = '${demo.paymentDlq}'`).catch(() => []);
    return { edges: edges[0]?.n ?? 0, dead: (dlq[0]?.n ?? 0) > 0 };
  }, { timeout: 150_000, intervals: [3_000] }).toEqual({ edges: 5, dead: true });
  await useDemoSession(page.context(), demo);

  const flows = new FlowsPage(page, demo.flowdeckUrl);
  await flows.open("?range=15m");
  await page.screenshot({ path: "test-results/flows-map.png", fullPage: true });
  for (const name of ["Service order-service", `Topic ${t("orders.payment")}`, "Service payment-service", `Topic ${t("orders.shipping")}`, "Service shipping-service"]) {
    await expect(flows.node(name)).toBeVisible();
  }
  await expect(flows.edge(`order-service produces to ${t("orders.payment")}`)).toBeVisible();
  const paymentEdge = flows.edge(`payment-service consumes ${t("orders.payment")} as ${t("payment-service")}`);
  await expect(paymentEdge).toBeVisible();
  await expect(paymentEdge).toContainText(/lag (\d[\d,]*|unknown)/);
  await expect(flows.edge(`order-service produces to ${t("orders.shipping")}`)).toBeVisible();
  await expect(flows.edge(`shipping-service consumes ${t("orders.shipping")} as ${t("shipping-service")}`)).toBeVisible();

  // The DLQ sits right below its source topic, joined by a dead-letter edge that counts what arrived.
  const dlqNode = flows.node(`DLQ topic ${demo.paymentDlq}`);
  await expect(dlqNode).toBeVisible();
  const deadLetters = flows.edge(`${t("orders.payment")} dead-letters to ${demo.paymentDlq}`);
  await expect(deadLetters).toHaveText(/^[1-9][\d,]* to DLQ$/);
  const [sourceBox, dlqBox] = [await flows.node(`Topic ${t("orders.payment")}`).boundingBox(), await dlqNode.boundingBox()];
  expect(dlqBox?.x).toBe(sourceBox?.x);
  expect((dlqBox?.y ?? 0) - ((sourceBox?.y ?? 0) + (sourceBox?.height ?? 0))).toBeGreaterThan(0);
  expect((dlqBox?.y ?? 0) - ((sourceBox?.y ?? 0) + (sourceBox?.height ?? 0))).toBeLessThan(60);

  // Clicking an edge opens its series in the side panel, and the URL says what is selected.
  await paymentEdge.click();
  await expect(page).toHaveURL(/select=consume/);
  await expect(flows.panel().getByTestId("flow-panel-title")).toHaveText(`payment-service consumes ${t("orders.payment")} as ${t("payment-service")}`);
  await expect(flows.series().locator(".recharts-line-curve").first()).toBeVisible();
  await expect(flows.panel()).toContainText(/Messages\s*[1-9]/);
  await page.screenshot({ path: "test-results/flows-journey.png", fullPage: true });
  await page.getByRole("button", { name: "Dark theme" }).click();
  await page.screenshot({ path: "test-results/flows-journey-dark.png", fullPage: true });

  // The dead-letter edge's series is the DLQ's arrivals.
  await deadLetters.click();
  await expect(flows.panel().getByTestId("flow-panel-title")).toHaveText(`${t("orders.payment")} dead-letters to ${demo.paymentDlq}`);
  await expect(flows.panel().getByRole("link", { name: "Browse the DLQ messages →" })).toBeVisible();

  // Bad links: a range that does not exist, and a selection the map does not have.
  await flows.open("?range=2h");
  await expect(flows.problems()).toContainText("range");
  await flows.open("?range=15m&select=service&service=no-such-service");
  await expect(flows.panel().getByTestId("flow-selection-unknown")).toBeVisible();
  await expect(flows.map()).toBeVisible();
  await flows.open("?select=consume&cluster=local");
  await expect(flows.problems()).toContainText("topic");

  // Cold loads stay under the JavaScript budget: the map alone, and with a panel whose chart (Recharts) loads lazily.
  const coldLoads = [
    { query: "?range=15m", ready: (p: Page) => expect(p.getByTestId("flow-map")).toBeVisible() },
    {
      query: `?range=15m&select=topic&cluster=local&topic=${encodeURIComponent(t("orders.payment"))}`,
      ready: (p: Page) => expect(p.getByTestId("flow-series").locator(".recharts-line-curve").first()).toBeVisible(),
    },
  ];
  const totals: number[] = [];
  for (const { query, ready } of coldLoads) {
    const context = await browser.newContext();
    await useDemoSession(context, demo);
    const cold = await coldLoadScriptBytes(await context.newPage(), `${demo.flowdeckUrl}/flows${query}`, ready);
    console.log(`flows: cold load of /flows${query.includes("select") ? " with a chart" : ""}: ${cold.files} scripts, ${(cold.total / 1024).toFixed(1)} KB gzipped`);
    expect(cold.total).toBeLessThan(JS_BUDGET_BYTES);
    totals.push(cold.total);
    await context.close();
  }
  // The chart's weight comes only with a chart.
  expect((totals[1] ?? 0) - (totals[0] ?? 0)).toBeGreaterThan(50 * 1024);
});
