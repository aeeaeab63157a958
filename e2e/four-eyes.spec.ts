// The four-eyes rule (FLOWDECK_FOUR_EYES_ABOVE=20 for this suite): a bulk redrive of 25 waits on its job page
// for a second operator; its requester (the suite's operator) sees only Withdraw; the second operator, signed
// in in another browser context, approves it from the page and it runs. A bulk discard of 25 waits on the DLQ
// topic page, is rejected with a reason by the second operator, asked again and approved.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, E2E_USERS, storageStateOf } from "./env";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";

const run = randomUUID().slice(0, 8);
const dlq = `e2e-${run}.four-eyes.DLQ`;
const target = `e2e-${run}.four-eyes.orders`;
const dlqPath = `/dlq/local/${encodeURIComponent(dlq)}`;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, params)).rows;
  } finally {
    await db.end();
  }
}

/** A page signed in as the second operator, who may decide what the suite's operator asked for. */
async function secondOperatorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf("secondOperator") });
  return context.newPage();
}

async function pendingCount(): Promise<number> {
  return (await sql<{ n: number }>("SELECT count(*)::int AS n FROM dlq_messages WHERE topic = $1 AND status = 'pending'", [dlq]))[0]?.n ?? -1;
}

async function openWhenIndexed(page: Page, pending: number): Promise<void> {
  await expect(async () => {
    await page.goto(dlqPath);
    await expect(page.getByText(`Dead-letter topic on local · ${pending} pending`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await createTopic(target);
  await createTopic(dlq);
  await produceTo(dlq, Array.from({ length: 50 }, (_, i) => ({
    key: `order-${i}`, value: JSON.stringify({ orderId: `order-${i}` }),
    headers: { "dlq.original.topic": target, "dlq.error.type": i < 25 ? "GatewayTimeout" : "PoisonMessageError", "event-id": `evt-${run}-${i}` },
  })));
});

test.afterAll(async () => {
  await deleteTopic(dlq);
  await deleteTopic(target);
});

test("a bulk redrive waits for a second operator: its requester can only withdraw; another operator approves it and it runs", async ({ page, browser }) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => void dialog.accept());
  await openWhenIndexed(page, 50);
  await page.goto(`${dlqPath}?error=GatewayTimeout`);
  const matching = page.getByTestId("dlq-redrive-matching");
  await matching.getByRole("button", { name: "Redrive all 25 pending matching…" }).click();
  const confirm = page.getByRole("form", { name: "Confirm redrive" });
  await expect(confirm.getByTestId("redrive-needs-approval")).toContainText("More than 20 messages");
  await confirm.getByRole("button", { name: "Ask for approval to redrive 25" }).click();

  await expect(page).toHaveURL(/\/dlq\/jobs\/[0-9a-f-]{36}/);
  const approval = page.getByTestId("job-approval");
  await expect(approval).toContainText("Awaiting approval from a second operator");
  await expect(approval).toContainText(`Requested by ${E2E_USERS.operator.email} at`);
  await expect(page.getByTestId("job-status")).toHaveText("awaiting approval");
  await expect(approval.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await approval.getByRole("button", { name: "Withdraw" }).click();
  await expect(approval).toContainText("withdrawn by the requester");
  await expect(page.getByTestId("job-status")).toHaveText("cancelled");

  // Asked again; the second operator approves it.
  await page.goto(`${dlqPath}?error=GatewayTimeout`);
  await matching.getByRole("button", { name: "Redrive all 25 pending matching…" }).click();
  await confirm.getByRole("button", { name: "Ask for approval to redrive 25" }).click();
  await expect(page).toHaveURL(/\/dlq\/jobs\/[0-9a-f-]{36}/);
  const jobId = page.url().split("/dlq/jobs/")[1]?.split("?")[0] ?? "";
  await expect(approval.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.goto("/dlq/jobs");
  await expect(page.getByTestId("redrive-jobs").getByRole("row").filter({ hasText: dlq }).first()).toContainText("awaiting approval");
  expect(await sql("SELECT 1 FROM redrive_items WHERE job_id = $1 AND status = 'sent'", [jobId])).toHaveLength(0);

  const second = await secondOperatorPage(browser);
  await second.goto(`/dlq/jobs/${jobId}`);
  const theirs = second.getByTestId("job-approval");
  await expect(theirs).toContainText(`Requested by ${E2E_USERS.operator.email} at`);
  await expect(theirs.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await theirs.getByRole("button", { name: "Approve" }).click();
  await expect(theirs).toContainText(`approved by ${E2E_USERS.secondOperator.email} at`);
  await expect(second.getByTestId("job-status")).toHaveText("completed", { timeout: 60_000 });
  await second.context().close();
  await page.goto(`/dlq/jobs/${jobId}`);
  await expect(page.getByTestId("job-status")).toHaveText("completed");
  await expect(page.getByTestId("job-counts")).toContainText("25 sent");
  expect(await pendingCount()).toBe(25);
});

test("a bulk discard waits on the DLQ page; rejected with a reason it discards nothing; approved it discards them", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await openWhenIndexed(page, 25);
  const matching = page.getByTestId("dlq-discard-matching");
  await matching.getByRole("button", { name: "Discard all 25 pending matching…" }).click();
  await expect(matching).toContainText("More than 20 messages: a second operator must approve this discard");
  await matching.getByLabel(/Reason/).fill("INC-77: poison from the v1 client");
  await matching.getByRole("button", { name: "Ask for approval" }).click();
  await expect(matching.getByRole("status")).toContainText("Nothing discarded yet: 25 messages need a second operator's approval");
  const requests = page.getByTestId("discard-request");
  await expect(requests).toHaveCount(1);
  await expect(requests.first()).toContainText("Discard 25 messages");
  await expect(requests.first()).toContainText("INC-77: poison from the v1 client");
  await expect(requests.first().getByRole("button", { name: "Approve" })).toHaveCount(0);

  const second = await secondOperatorPage(browser);
  await second.goto(dlqPath);
  const theirs = second.getByTestId("discard-request");
  await expect(theirs.first()).toContainText(`Requested by ${E2E_USERS.operator.email}`);
  await theirs.first().getByRole("button", { name: "Reject…" }).click();
  await theirs.first().getByLabel(/Why is it rejected/).fill("keep them until the replay tool ships");
  await theirs.first().getByRole("button", { name: "Reject", exact: true }).click();
  await expect(theirs).toHaveCount(0);
  expect(await pendingCount()).toBe(25);

  await page.reload();
  await expect(requests).toHaveCount(0);
  await matching.getByRole("button", { name: "Discard all 25 pending matching…" }).click();
  await matching.getByLabel(/Reason/).fill("INC-78: poison from the v1 client");
  await matching.getByRole("button", { name: "Ask for approval" }).click();
  await expect(requests).toHaveCount(1);
  await second.reload();
  await theirs.first().getByRole("button", { name: "Approve" }).click();
  await expect(theirs).toHaveCount(0);
  await expect(second.getByText("Dead-letter topic on local · 0 pending")).toBeVisible();
  await second.context().close();
  expect(await pendingCount()).toBe(0);

  await page.goto("/audit?action=dlq.discard.reject");
  await expect(page.getByTestId("audit-event").filter({ hasText: dlq }).first()).toContainText("keep them until the replay tool ships");
});
