// The message browser: a DLQ's messages paged newest first, filtered by error type, grouped by error, and
// one message opened with its error, payload, headers and trace — everything from the message shown as
// text; a bad link or an unknown topic explains itself.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";

const topic = `e2e-${randomUUID().slice(0, 8)}.browse.DLQ`;
const base = `/dlq/local/${encodeURIComponent(topic)}`;
const XSS = `<script>document.title="pwned"</script><img src=x onerror="document.title='pwned'">`;

test.beforeAll(async () => {
  await createTopic(topic);
  await produceTo(topic, [
    ...Array.from({ length: 60 }, (_, i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ orderId: `order-${i}`, amountCents: 1299 + i }),
      timestamp: String(Date.now() - (60 - i) * 1000),
      headers: { "event-id": `evt-${i}`, "dlq.original.topic": "orders.payment", "dlq.error.type": "GatewayUnavailableError", "dlq.error.message": "payment gateway answered 503", "dlq.attempts": "4" },
    })),
    {
      key: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
      value: XSS,
      headers: { "event-id": "evt-xss", "dlq.original.topic": "orders.payment", "dlq.error.type": "PoisonMessageError", "dlq.error.message": XSS, [XSS]: XSS },
    },
  ]);
});

test.afterAll(async () => {
  await deleteTopic(topic);
});

test("browse, filter, group and open a dead-lettered message", async ({ page }) => {
  test.setTimeout(90_000);
  await expect(async () => {
    await page.goto(base);
    await expect(page.getByTestId("dlq-message-row")).toHaveCount(50, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  // Newest first, keyset paged: the second page holds the remaining 11.
  await expect(page.getByTestId("dlq-message-row").first()).toContainText("PoisonMessageError");
  await expect(page.getByTestId("dlq-message-row").first()).toContainText("0xdeadbeef");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(11);
  await expect(page.getByTestId("dlq-message-row").last()).toContainText("order-0");

  await page.goto(`${base}?group=errors`);
  const groups = page.getByTestId("dlq-error-group");
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toContainText("GatewayUnavailableError");
  await expect(groups.first()).toContainText("60");
  await groups.nth(1).getByRole("link").click();
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(1);

  await page.getByTestId("dlq-message-row").getByRole("link").click();
  const drawer = page.getByTestId("dlq-message-drawer");
  await expect(drawer.getByTestId("dlq-error-message")).toHaveText(XSS);
  await expect(drawer.getByTestId("dlq-payload")).toHaveText(XSS);
  await expect(drawer.getByRole("table", { name: "Headers" })).toContainText(XSS);
  expect(await page.title()).not.toContain("pwned");
  await expect(page.locator("img[src=x]")).toHaveCount(0);

  await page.goto(`${base}?error=GatewayUnavailableError&q=order-7`);
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(1);
  await page.getByTestId("dlq-message-row").getByRole("link").click();
  await expect(drawer.getByTestId("dlq-payload")).toContainText('"amountCents": 1306');
  await expect(drawer).toContainText("orders.payment");
  const download = await page.request.get(await drawer.getByRole("link", { name: "Download" }).getAttribute("href") ?? "");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(await download.text()).toBe(JSON.stringify({ orderId: "order-7", amountCents: 1306 }));
  await page.screenshot({ path: "test-results/screenshots/dlq-browser.png", fullPage: true });
});

test("a bad link and an unknown topic explain themselves", async ({ page, request }) => {
  await page.goto(`${base}?status=lost&msg=1:x`);
  const problems = page.getByTestId("traces-url-problems");
  await expect(problems).toContainText("This link has a problem, so no messages were listed");
  await expect(problems).toContainText("status");
  await expect(problems).toContainText("msg: partition:offset, like 0:42");
  await page.goto(`/dlq/local/${encodeURIComponent("no-such-topic.DLQ")}`);
  await expect(page.getByTestId("dlq-unknown-topic")).toContainText("Flowdeck knows no dead-letter topic “no-such-topic.DLQ” on a cluster “local”");
  const bad = await request.get(`/api/dlq/local/${encodeURIComponent(topic)}/payload?partition=0&offset=99999999999999999999`);
  expect(bad.status()).toBe(400);
  const missing = await request.get(`/api/dlq/nowhere/${encodeURIComponent(topic)}/payload?partition=0&offset=0`);
  expect(missing.status()).toBe(404);
});
