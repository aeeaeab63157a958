// The DLQ journeys against the reference system (`npm run demo -- --scenario idle`, test timings): a poison
// payment redriven after the failure is fixed, a bulk redrive of one error group paused and resumed under
// a velocity limit, and a discard found on the Audit page. Orders and knobs go through the demo's HTTP API.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { OrderApi } from "../demo/load/order-api";
import { DEMO_ACCOUNT, cleanUpDemoRun, useDemoSession, processesOf, queryFlowdeck, startDemoRun, type DemoRun } from "./fixtures/demo-run";

test.describe.configure({ mode: "serial" });

const PORTS = { flowdeck: 3420, worker: 3421, order: 4420 };
const orders = new OrderApi(`http://127.0.0.1:${PORTS.order}`);
const GOOD_ORDER = { sku: "mug", quantity: 1, card: "4242424242424242", address: "1 Harbour Street, Leith" };
let run: DemoRun;

const dlqPath = () => `/dlq/local/${encodeURIComponent(run.paymentDlq)}`;
const pending = async (errorType?: string) => (await queryFlowdeck<{ n: number }>(run,
  `SELECT count(*)::int AS n FROM dlq_messages WHERE topic = '${run.paymentDlq}' AND status = 'pending'${errorType ? ` AND error_type = '${errorType}'` : ""}`))[0]?.n ?? 0;

/** Waits until Flowdeck's trace store no longer holds the payment gateway's breaker open, as the confirmation would show. */
async function breakerNotOpen(): Promise<void> {
  await expect.poll(async () => (await queryFlowdeck<{ state: string }>(run,
    "SELECT state FROM breaker_states WHERE breaker = 'payment-gateway'").catch(() => []))[0]?.state ?? "none", { timeout: 30_000 }).not.toBe("open");
}

/**
 * Fails payments until `count` orders' charges are in the payment DLQ (indexed by Flowdeck), then heals the
 * gateway and waits until an order goes through, so no late failure joins the DLQ while a journey counts it.
 */
async function deadLetterPayments(count: number): Promise<void> {
  const before = await pending();
  await orders.setKnobs({ "payment.gatewayErrorRate": 1 });
  for (let i = 0; i < count; i++) await orders.placeOrder(GOOD_ORDER);
  await expect.poll(() => pending(), { timeout: 60_000 }).toBe(before + count);
  await orders.setKnobs({ "payment.gatewayErrorRate": 0 });
  // The services read knobs every 100 ms and the open breaker lets a trial call through after 1 s (the
  // demo's test timings). A charge sent sooner fails fast, runs out of retries and is dead-lettered too.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const healing = await orders.placeOrder(GOOD_ORDER); // the trial call succeeds and closes the breaker
  await expect.poll(async () => (await queryFlowdeck<{ status: string }>(run,
    `SELECT status FROM sagas WHERE id = '${healing.sagaId}'`))[0]?.status ?? "not yet projected", { timeout: 60_000 }).toBe("completed");
  await breakerNotOpen();
  expect(await pending()).toBe(before + count);
}

async function openDlq(page: Page, query = ""): Promise<void> {
  await page.goto(`${run.flowdeckUrl}${dlqPath()}${query}`);
  await expect(page.getByRole("heading", { name: run.paymentDlq })).toBeVisible();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  run = startDemoRun(randomUUID().slice(0, 8), PORTS, { scenario: "idle", env: { DEMO_PROFILE: "test" } });
  await expect.poll(() => run.output.some((line) => line.includes("demo: ready")), { timeout: 150_000 }).toBe(true);
  // The idle scenario sets its knobs first; what the journeys turn must come after.
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

test("a failed payment: found from the DLQ list, its error and trace read, the knob turned off, redriven, processed, its saga complete", async ({ page }) => {
  test.setTimeout(180_000);
  await deadLetterPayments(1);

  await page.goto(`${run.flowdeckUrl}/dlq`);
  await page.getByRole("link", { name: run.paymentDlq }).click();
  await page.getByTestId("dlq-message-row").first().getByRole("link").click();
  const drawer = page.getByTestId("dlq-message-drawer");
  await expect(drawer.getByTestId("dlq-error-message")).toContainText(/payment gateway|Breaker is open/);
  // The trace that produced it: its spans reach Flowdeck within seconds of the failure.
  await expect(async () => {
    await page.reload();
    await expect(drawer.getByTestId("dlq-correlation").getByRole("link").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [2_000] });
  const messageUrl = page.url();
  await drawer.getByTestId("dlq-correlation").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
  await expect(page.getByText("payment-service").first()).toBeVisible();

  await page.goto(messageUrl);
  const redrive = page.getByTestId("dlq-redrive-message");
  await redrive.getByRole("button", { name: "Redrive this message…" }).click();
  const confirm = page.getByRole("form", { name: "Confirm redrive" });
  await expect(confirm).toContainText("Redrive 1 message");
  await expect(confirm).toContainText(`their original topic: ${run.marker}.orders.payment (1)`);
  await expect(confirm.getByTestId("redrive-preview")).toContainText("flowdeck.redrive.count");
  await expect(confirm.getByRole("alert")).toHaveCount(0); // no open breaker
  await confirm.getByRole("button", { name: "Redrive 1" }).click();

  await expect(page).toHaveURL(/\/dlq\/jobs\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("job-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.getByTestId("job-counts")).toContainText("1 of 1 done");
  const item = page.getByTestId("job-item-row");
  await expect(item).toContainText(`${run.marker}.orders.payment`);
  await expect(async () => {
    await page.reload();
    await expect(item).toContainText("processed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [2_000] });
  await page.screenshot({ path: "test-results/screenshots/redrive-job.png", fullPage: true });

  // Back at the message: redriven, and its saga completed.
  await item.getByRole("link").first().click();
  await expect(page.getByTestId("dlq-message-drawer")).toContainText("redriven");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("dlq-correlation")).toContainText("completed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [2_000] });
});

test("a bulk redrive of one error group under a velocity limit, paused and resumed, ends with the right counts", async ({ page }) => {
  test.setTimeout(180_000);
  await deadLetterPayments(8);
  const groups = await queryFlowdeck<{ error_type: string; n: number }>(run,
    `SELECT error_type, count(*)::int AS n FROM dlq_messages WHERE topic = '${run.paymentDlq}' AND status = 'pending' GROUP BY 1 ORDER BY 2 DESC, 1`);
  const group = groups[0];
  expect(group?.n).toBeGreaterThanOrEqual(4);
  if (!group) return;

  await openDlq(page, "?group=errors");
  await page.getByTestId("dlq-error-groups").getByRole("link", { name: group.error_type }).click();
  const matching = page.getByTestId("dlq-redrive-matching");
  await matching.getByRole("button", { name: `Redrive all ${group.n} pending matching…` }).click();
  const confirm = page.getByRole("form", { name: "Confirm redrive" });
  await expect(confirm).toContainText(`Redrive ${group.n} messages`);
  await confirm.getByLabel("Velocity limit").fill("1");
  await confirm.getByRole("button", { name: `Redrive ${group.n}` }).click();

  await expect(page).toHaveURL(/\/dlq\/jobs\//);
  await page.getByTestId("job-controls").getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("paused");
  const sentWhenPaused = await jobSent(page);
  expect(sentWhenPaused).toBeLessThan(group.n);
  await page.waitForTimeout(3_000);
  await page.reload();
  expect(await jobSent(page)).toBeLessThanOrEqual(sentWhenPaused + 1); // a batch under way when paused still finishes
  const afterPause = await jobSent(page);
  await page.waitForTimeout(2_000);
  await page.reload();
  expect(await jobSent(page)).toBe(afterPause);

  await page.getByTestId("job-controls").getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("completed", { timeout: 60_000 });
  await expect(page.getByTestId("job-counts")).toContainText(`${group.n} of ${group.n} done`);
  await expect(page.getByTestId("job-counts")).toContainText(`${group.n} sent`);
  expect(await pending(group.error_type)).toBe(0);
  const actions = await queryFlowdeck<{ action: string }>(run, "SELECT action FROM audit_events WHERE action LIKE 'dlq.redrive%' ORDER BY id DESC LIMIT 4");
  expect(actions.map((a) => a.action)).toEqual(["dlq.redrive.finished", "dlq.redrive.resume", "dlq.redrive.pause", "dlq.redrive"]);
});

test("a discard with a reason, then found on the Audit page", async ({ page }) => {
  test.setTimeout(120_000);
  const before = await pending("PoisonMessageError");
  await orders.setKnobs({ "order.poisonRate": 1 });
  await orders.placeOrder(GOOD_ORDER);
  await expect.poll(() => pending("PoisonMessageError"), { timeout: 60_000 }).toBe(before + 1);
  await orders.setKnobs({ "order.poisonRate": 0 });

  await openDlq(page, "?error=PoisonMessageError");
  await page.getByTestId("dlq-message-row").first().getByRole("link").click();
  await expect(page.getByTestId("dlq-error-message")).toContainText("does not match its schema");
  const discard = page.getByTestId("dlq-discard-message");
  await discard.getByRole("button", { name: "Discard this message…" }).click();
  await discard.getByLabel(/Reason/).fill("INC-77: malformed charge, refunded by hand");
  await discard.getByRole("button", { name: "Discard this message", exact: true }).click();
  await expect(discard.getByRole("status")).toHaveText("Discarded 1 message.");

  await page.goto(`${run.flowdeckUrl}/audit?action=dlq.discard`);
  const event = page.getByTestId("audit-event").filter({ hasText: run.paymentDlq });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("INC-77: malformed charge, refunded by hand");
  await expect(event).toContainText(DEMO_ACCOUNT.email);
});

async function jobSent(page: Page): Promise<number> {
  const text = await page.getByTestId("job-counts").textContent();
  return Number(/([\d,]+) sent/.exec(text ?? "")?.[1]?.replace(/,/g, "") ?? "NaN");
}
