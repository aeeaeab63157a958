// Discard journey: one message discarded with a reason from its drawer, two ticked in the table, then all
// that match a filter; each is found on the Audit page with who, what, how many and why.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_USERS } from "./env";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";

const topic = `e2e-${randomUUID().slice(0, 8)}.discard.DLQ`;
const base = `/dlq/local/${encodeURIComponent(topic)}`;

test.beforeAll(async () => {
  await createTopic(topic);
  await produceTo(topic, Array.from({ length: 5 }, (_, i) => ({
    key: `order-${i}`, value: JSON.stringify({ orderId: `order-${i}` }),
    headers: { "dlq.original.topic": "orders.payment", "dlq.error.type": "PoisonMessageError", "dlq.error.message": "amountCents is not a number" },
  })));
});

test.afterAll(async () => {
  await deleteTopic(topic);
});

test("a discard with a reason, then found on the Audit page", async ({ page }) => {
  test.setTimeout(90_000);
  await expect(async () => {
    await page.goto(base);
    await expect(page.getByTestId("dlq-message-row")).toHaveCount(5, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });

  await page.getByTestId("dlq-message-row").first().getByRole("link").click();
  const single = page.getByTestId("dlq-discard-message");
  await single.getByRole("button", { name: "Discard this message…" }).click();
  // The reason is required: the browser will not send the form without it.
  await single.getByRole("button", { name: "Discard this message", exact: true }).click();
  await expect(single.getByRole("status")).toHaveCount(0);
  await single.getByLabel(/Reason/).fill("INC-1042: order cancelled by the customer");
  await single.getByRole("button", { name: "Discard this message", exact: true }).click();
  // The drawer now says who discarded it and why, in place of the actions.
  await expect(page.getByTestId("dlq-disposition")).toContainText("by operator@flowdeck.test at");
  await expect(page.getByTestId("dlq-disposition")).toContainText("INC-1042: order cancelled by the customer");
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(4);

  const rows = page.getByTestId("dlq-message-row");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await expect(page.getByTestId("dlq-selected-count")).toHaveText("2 selected");
  const selected = page.getByTestId("dlq-discard-selected");
  await selected.getByRole("button", { name: "Discard 2 selected…" }).click();
  await selected.getByLabel(/Reason/).fill("INC-1043: duplicates of order-3");
  await selected.getByRole("button", { name: "Discard 2 selected", exact: true }).click();
  await expect(page.getByTestId("dlq-selection-notice")).toHaveText("Discarded 2 messages.");
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(2);

  const matching = page.getByTestId("dlq-discard-matching");
  await matching.getByRole("button", { name: "Discard all 2 pending matching…" }).click();
  await matching.getByLabel(/Reason/).fill("known poison, fixed in payment v2.3");
  await matching.getByRole("button", { name: "Discard all 2 pending matching", exact: true }).click();
  await expect(matching.getByRole("status")).toHaveText("Discarded 2 messages.");
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(0);

  await page.goto("/audit?action=dlq.discard");
  const events = page.getByTestId("audit-event").filter({ hasText: topic });
  await expect(events).toHaveCount(3);
  await expect(events.first()).toContainText("known poison, fixed in payment v2.3");
  await expect(events.first()).toContainText('"discarded":2');
  await expect(events.nth(1)).toContainText("INC-1043: duplicates of order-3");
  await expect(events.nth(1)).toContainText('"discarded":2');
  await expect(events.nth(2)).toContainText("INC-1042: order cancelled by the customer");
  await expect(events.nth(2)).toContainText('"discarded":1');
  await expect(events.first()).toContainText(E2E_USERS.operator.email);
  await page.screenshot({ path: "test-results/screenshots/audit.png", fullPage: true });
});
