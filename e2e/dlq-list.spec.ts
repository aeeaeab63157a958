// The DLQ list: a dead-letter topic with messages appears by itself, with its pending count, its top error
// types and an index that has caught up; an unknown cluster in the link says so.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";
import { DlqPage } from "./pages/dlq-page";

const topic = `e2e-${randomUUID().slice(0, 8)}.orders.payment.DLQ`;

test.afterAll(async () => {
  await deleteTopic(topic);
});

test("a DLQ topic with messages shows its pending count and top errors", async ({ page }) => {
  test.setTimeout(90_000);
  await createTopic(topic);
  await produceTo(topic, Array.from({ length: 7 }, (_, i) => ({
    key: `order-${i}`,
    value: JSON.stringify({ orderId: `order-${i}` }),
    headers: {
      "event-id": `evt-${i}`,
      "dlq.original.topic": "orders.payment",
      "dlq.error.type": i < 5 ? "GatewayUnavailableError" : "<img src=x onerror=alert(1)>",
      "dlq.error.message": "payment gateway answered 503",
    },
  })));

  const dlq = new DlqPage(page);
  const row = dlq.topicRow(topic);
  // Topics are discovered every 30 s and indexed every 2 s.
  await expect(async () => {
    await dlq.open();
    await expect(row.getByTestId("dlq-pending")).toHaveText("7", { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(row).toContainText("GatewayUnavailableError");
  await expect(row).toContainText("up to date");
  // An error type from a message is shown as text, never as markup.
  await expect(row.getByText("<img src=x onerror=alert(1)>")).toBeVisible();
  await expect(row.locator("img")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/dlq-list.png" });
});

test("a link to an unknown cluster says which clusters exist", async ({ page }) => {
  await new DlqPage(page).open("?cluster=nowhere");
  await expect(page.getByTestId("dlq-unknown-cluster")).toHaveText("There is no cluster named “nowhere”. Configured: local, outage.");
});
