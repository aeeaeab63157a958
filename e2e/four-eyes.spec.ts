// The four-eyes rule (FLOWDECK_FOUR_EYES_ABOVE=20 for this suite): a bulk redrive of 25 waits on its job page
// for a second operator, its requester sees only Withdraw; a request by another operator is approved from the
// page and runs. A bulk discard of 25 waits on the DLQ topic page, is rejected with a reason, asked again and
// approved. Sign-in does not exist yet, so "another operator" is made by rewriting the requester in Postgres.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";
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

/** As if ben, another operator, had asked: the page then offers Approve and Reject to the local operator. */
async function askedByBen(requestId: string): Promise<void> {
  await sql("UPDATE approval_requests SET requested_by_id = 'e2e:ben', requested_by = 'ben' WHERE id = $1", [requestId]);
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

test("a bulk redrive waits for a second operator: its requester can only withdraw; another operator approves it and it runs", async ({ page }) => {
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
  await expect(approval).toContainText("Requested by local-operator at");
  await expect(page.getByTestId("job-status")).toHaveText("awaiting approval");
  await expect(approval.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await approval.getByRole("button", { name: "Withdraw" }).click();
  await expect(approval).toContainText("withdrawn by the requester");
  await expect(page.getByTestId("job-status")).toHaveText("cancelled");

  // Asked again, this time (as far as the page can tell) by ben.
  await page.goto(`${dlqPath}?error=GatewayTimeout`);
  await matching.getByRole("button", { name: "Redrive all 25 pending matching…" }).click();
  await confirm.getByRole("button", { name: "Ask for approval to redrive 25" }).click();
  await expect(page).toHaveURL(/\/dlq\/jobs\/[0-9a-f-]{36}/);
  const jobId = page.url().split("/dlq/jobs/")[1]?.split("?")[0] ?? "";
  const [held] = await sql<{ id: string }>("SELECT id FROM approval_requests WHERE redrive_job_id = $1", [jobId]);
  await askedByBen(held?.id ?? "");
  await page.goto("/dlq/jobs");
  await expect(page.getByTestId("redrive-jobs").getByRole("row").filter({ hasText: dlq }).first()).toContainText("awaiting approval");
  expect(await sql("SELECT 1 FROM redrive_items WHERE job_id = $1 AND status = 'sent'", [jobId])).toHaveLength(0);

  await page.goto(`/dlq/jobs/${jobId}`);
  await expect(approval).toContainText("Requested by ben at");
  await approval.getByRole("button", { name: "Approve" }).click();
  await expect(approval).toContainText("approved by local-operator at");
  await expect(page.getByTestId("job-status")).toHaveText("completed", { timeout: 60_000 });
  await expect(page.getByTestId("job-counts")).toContainText("25 sent");
  expect(await pendingCount()).toBe(25);
});

test("a bulk discard waits on the DLQ page; rejected with a reason it discards nothing; approved it discards them", async ({ page }) => {
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

  const [first] = await sql<{ id: string }>("SELECT id FROM approval_requests WHERE topic = $1 AND kind = 'discard' AND status = 'awaiting'", [dlq]);
  await askedByBen(first?.id ?? "");
  await page.reload();
  await requests.first().getByRole("button", { name: "Reject…" }).click();
  await requests.first().getByLabel(/Why is it rejected/).fill("keep them until the replay tool ships");
  await requests.first().getByRole("button", { name: "Reject", exact: true }).click();
  await expect(requests).toHaveCount(0);
  expect(await pendingCount()).toBe(25);

  await matching.getByRole("button", { name: "Discard all 25 pending matching…" }).click();
  await matching.getByLabel(/Reason/).fill("INC-78: poison from the v1 client");
  await matching.getByRole("button", { name: "Ask for approval" }).click();
  await expect(requests).toHaveCount(1);
  const [second] = await sql<{ id: string }>("SELECT id FROM approval_requests WHERE topic = $1 AND kind = 'discard' AND status = 'awaiting'", [dlq]);
  await askedByBen(second?.id ?? "");
  await page.reload();
  await requests.first().getByRole("button", { name: "Approve" }).click();
  await expect(requests).toHaveCount(0);
  await expect(page.getByText("Dead-letter topic on local · 0 pending")).toBeVisible();
  expect(await pendingCount()).toBe(0);

  await page.goto("/audit?action=dlq.discard.reject");
  await expect(page.getByTestId("audit-event").filter({ hasText: dlq }).first()).toContainText("keep them until the replay tool ships");
});
