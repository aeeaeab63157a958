import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";

// Unique names, so events other specs record (redrives, discards) never match these filters.
const run = randomBytes(4).toString("hex");
const ana = `ana-${run}`;
const bob = `bob-${run}`;
const target = `local/orders-${run}.DLQ`;

test.beforeAll(async () => {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    // As the database superuser the test may date events in the past; the app itself cannot.
    await db.query(
      `INSERT INTO audit_events (at, actor, action, target, details, outcome) VALUES
         (now() - interval '50 minutes', $1, 'dlq.discard', $3, '{"reason":"duplicate of INC-7","discarded":3}', 'ok'),
         (now() - interval '40 minutes', $1, 'dlq.redrive', $3, '{"job":"j-1","count":12}', 'ok'),
         (now() - interval '30 minutes', $2, 'dlq.redrive.pause', $3, '{"job":"j-1"}', 'ok'),
         (now() - interval '20 minutes', $1, 'dlq.discard', '=HYPERLINK("http://evil.example")', '{"reason":"a, \\"quoted\\" reason"}', 'denied'),
         (now() - interval '3 hours', $1, 'dlq.discard', $3, '{"reason":"older than the window"}', 'ok')`,
      [ana, bob, target]);
  } finally {
    await db.end();
  }
});

const rows = (page: Page) => page.getByTestId("audit-event");

test("filters narrow the audit list, and the CSV download holds exactly the filtered events", async ({ page }) => {
  await page.goto("/audit?range=1h");
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();

  // Who: ana's three events in the last hour (the three-hour-old one is outside the window).
  await page.getByLabel("Who").fill(ana);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${ana}`));
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).filter({ hasText: bob })).toHaveCount(0);

  // What: only her discards.
  await page.getByLabel("What").selectOption("dlq.discard");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("=HYPERLINK"); // shown as text, newest first
  await expect(rows(page).nth(1)).toContainText("duplicate of INC-7");

  // Target (contains, any case): one left.
  await page.getByLabel("Target").fill(`ORDERS-${run}`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('"discarded":3');

  // A wider window brings the older event back, filters kept.
  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "6h" }).click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(rows(page)).toHaveCount(2);

  // The export is the current filter: ana's discards on that target over the last 6 hours.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^flowdeck-audit-\d{8}-\d{4}-\d{8}-\d{4}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,at,actor,action,target,outcome,details");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`${ana},dlq.discard,${target},ok,"{""reason"":""duplicate of INC-7"",""discarded"":3}"`);
  expect(lines[2]).toContain(`${ana},dlq.discard,${target},ok,"{""reason"":""older than the window""}"`);
});

test("the CSV neutralises cells a spreadsheet would run as formulas", async ({ page }) => {
  await page.goto(`/audit?range=1h&actor=${ana}&outcome=denied`);
  await expect(rows(page)).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${ana},dlq.discard,"'=HYPERLINK(""http://evil.example"")",denied,`);
});

test("a bad link is explained, not a crash", async ({ page }) => {
  await page.goto("/audit?action=DROP%20TABLE&range=2y");
  await expect(page.getByTestId("audit-url-problems")).toContainText("action");
  await expect(page.getByTestId("audit-url-problems")).toContainText("range");
});
