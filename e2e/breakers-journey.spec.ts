// The breakers journey against the reference system (`npm run demo -- --scenario idle`, demo timings: the
// payment gateway's breaker stays open 5 s before it tries half-open). The gateway fails every call while
// orders flow, so its breaker opens on the board; the load stops, so the breaker goes half-open and stays;
// the breaker's page shows both states in its history, with the failing calls around them.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { OrderApi } from "../demo/load/order-api";
import { cleanUpDemoRun, useDemoSession, processesOf, startDemoRun, type DemoRun } from "./fixtures/demo-run";
import { BreakersPage } from "./pages/breakers-page";

test.describe.configure({ mode: "serial" });

const PORTS = { flowdeck: 3440, worker: 3441, order: 4440 };
const SERVICE = "payment-service";
const BREAKER = "payment-gateway";
const orders = new OrderApi(`http://127.0.0.1:${PORTS.order}`);
let run: DemoRun;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  run = startDemoRun(randomUUID().slice(0, 8), PORTS, { scenario: "idle" });
  await expect.poll(() => run.output.some((line) => line.includes("demo: ready")), { timeout: 150_000 }).toBe(true);
  await expect.poll(() => orders.knobs().then((k) => k["load.ordersPerSecond"]).catch(() => -1), { timeout: 10_000 }).toBe(0);
});

// Each test opens the run's Flowdeck signed in as the demo's account.
test.beforeEach(async ({ context }) => {
  await useDemoSession(context, run);
});

test.afterAll(async () => {
  for (const pid of await processesOf(run)) process.kill(pid, "SIGKILL");
  await cleanUpDemoRun(run);
});

/** Reloads the board until the breaker shows `state`; the board also refreshes itself, but a reload is sooner. */
async function boardShows(page: Page, breakers: BreakersPage, state: string, timeout: number): Promise<void> {
  await expect(async () => {
    await breakers.openBoard();
    // Visible, not only present: a streamed page holds its content hidden until React reveals it.
    await expect(breakers.stateOf(SERVICE, BREAKER)).toBeVisible({ timeout: 2_000 });
    await expect(breakers.stateOf(SERVICE, BREAKER)).toHaveText(state, { timeout: 1_000 });
  }).toPass({ timeout, intervals: [1_000] });
}

test("a failing payment gateway: its breaker opens, then goes half-open, on the board and in its history", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const breakers = new BreakersPage(page, run.flowdeckUrl);

  // Every gateway call fails while orders keep coming: the breaker opens, and each trial call opens it again.
  await orders.setKnobs({ "payment.gatewayErrorRate": 1, "load.ordersPerSecond": 3 });
  await boardShows(page, breakers, "open", 60_000);
  const row = breakers.row(SERVICE, BREAKER);
  await expect(row).toHaveAttribute("data-state", "open");
  // The open breaker's service comes first on the board, and its recent calls are mostly errors.
  await expect(page.getByTestId("breakers-service").first()).toContainText(SERVICE);
  await expect(row.getByRole("cell").nth(4)).toHaveText(/^\d+ %$/);
  await page.screenshot({ path: testInfo.outputPath("breakers-board-open.png"), fullPage: true });

  // No more orders: once the retries are spent, no call comes to try the gateway, so after its reset
  // timeout the breaker waits half-open.
  await orders.setKnobs({ "load.ordersPerSecond": 0 });
  await boardShows(page, breakers, "half-open", 90_000);
  await expect(breakers.row(SERVICE, BREAKER)).toHaveAttribute("data-state", "half_open");
  await page.screenshot({ path: testInfo.outputPath("breakers-board-half-open.png"), fullPage: true });

  await breakers.openBreaker(SERVICE, BREAKER);
  await expect(page).toHaveURL(new RegExp(`/breakers/${SERVICE}/${BREAKER}\\?range=15m$`));
  await expect(page.getByRole("heading", { name: BREAKER, level: 1 })).toBeVisible();
  await expect(page.getByTestId("breaker-current-state")).toContainText("half-open");
  await expect(breakers.transitions("open").first()).toBeVisible();
  await expect(breakers.transitions("half_open").first()).toBeVisible();
  // The chart draws all three levels, half-open among them, and the time spent in open and half-open is counted.
  await expect(breakers.stateChart().getByText("half-open")).toBeVisible();
  await expect(breakers.stateChart().locator(".recharts-area-curve")).toBeVisible();
  const timeInStates = page.getByTestId("breaker-time-in-states");
  await expect(timeInStates.locator("div", { hasText: /^open/ }).locator("dd")).not.toHaveText("—");
  await expect(timeInStates.locator("div", { hasText: /^half-open/ }).locator("dd")).not.toHaveText("—");
  // The gateway's failures just before it opened are listed beside the transition, and link to their traces.
  const failing = breakers.transitions("open").last().getByTestId("failing-calls");
  await expect(failing.getByRole("link").first()).toHaveAttribute("href", /^\/traces\/[0-9a-f]{32}\?span=[0-9a-f]{16}$/);
  await expect(failing).toContainText(/payment gateway answered 503|Breaker is open/);
  await expect(breakers.callsChart().locator(".calls-failed .recharts-area-area")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("breaker-history.png"), fullPage: true });
  // Seconds of changes at the end of 15 minutes: zoom in, and both states are still drawn and listed.
  await page.getByRole("link", { name: "Zoom in on the changes" }).click();
  await expect(page).toHaveURL(/range=custom&from=.+&to=/);
  await expect(breakers.stateChart().locator(".recharts-area-curve")).toBeVisible();
  await expect(breakers.transitions("half_open").first()).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath("breaker-history-zoomed.png"), fullPage: true });

  await failing.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?span=/);
  await expect(page.getByText(SERVICE).first()).toBeVisible();
});

test("an unknown breaker and a bad time range say so plainly", async ({ page }) => {
  await page.goto(`${run.flowdeckUrl}/breakers/${SERVICE}/no-such-breaker`);
  await expect(page.getByTestId("breaker-not-found")).toContainText("no circuit breaker by this name");
  await page.goto(`${run.flowdeckUrl}/breakers?range=3weeks`);
  await expect(page.getByTestId("traces-url-problems")).toContainText('range: "3weeks" is not a range');
  await page.goto(`${run.flowdeckUrl}/breakers/${SERVICE}/${BREAKER}?range=custom&from=yesterday`);
  await expect(page.getByTestId("traces-url-problems")).toContainText('from: "yesterday" is not a date and time');
});

/** Bytes of JavaScript a cold load of `path` downloads (as sent, so compressed), in a fresh browser context. */
async function coldScriptBytes(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
    await useDemoSession(context, run);
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  await page.goto(`${run.flowdeckUrl}${path}`, { waitUntil: "networkidle" });
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

test("the board and a breaker's page each download under 300 KB of JavaScript on a cold load", async ({ browser }) => {
  const board = await coldScriptBytes(browser, "/breakers?range=15m");
  const history = await coldScriptBytes(browser, `/breakers/${SERVICE}/${BREAKER}?range=15m`);
  console.log(`cold-load JavaScript: board ${(board / 1024).toFixed(0)} KB, breaker page ${(history / 1024).toFixed(0)} KB`);
  expect(board).toBeGreaterThan(0);
  expect(board).toBeLessThan(300 * 1024);
  expect(history).toBeLessThan(300 * 1024);
});
