import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createTopic, deleteTopic } from "./fixtures/kafka-admin";
import { ClustersPage } from "./pages/clusters-page";

test("Clusters shows the local cluster up with a topic this test created", async ({ page }) => {
  const topic = `e2e-orders-${randomUUID().slice(0, 8)}`;
  await createTopic(topic, 3, 4);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    const clusters = new ClustersPage(page);
    await clusters.open();
    await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
    await expect(clusters.status("local")).toHaveText("Up");
    const row = clusters.topicRow("local", topic);
    await expect(row).toBeVisible();
    await expect(row).toContainText("3"); // partitions
    await expect(row).toContainText("4"); // messages
    await page.screenshot({ path: "test-results/screenshots/clusters.png", fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await deleteTopic(topic);
  }
});
