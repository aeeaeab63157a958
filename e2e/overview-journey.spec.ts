// From the Overview, an operator finds the compensated saga, opens its timeline and follows the failed
// step to its trace (the rest of that walk, from /sagas, is e2e/sagas-journey.spec.ts); the count opens
// the filtered list, and the dead letters and the cluster lead to their pages. Data: the reference system.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { cleanUpDemoRun, useDemoSession, compensatedSagaCount, processesOf, queryFlowdeck, startDemoRun, type DemoRun } from "./fixtures/demo-run";
import { OverviewPage } from "./pages/overview-page";
import { SagasPage } from "./pages/sagas-page";

test.describe.configure({ mode: "serial" });

let run: DemoRun | undefined;

function demoRun(): DemoRun {
  if (!run) throw new Error("the demo did not start");
  return run;
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  run = startDemoRun(randomUUID().slice(0, 8), { flowdeck: 3460, worker: 3461, order: 4460 });
  const demo = run;
  await expect.poll(() => compensatedSagaCount(demo), { timeout: 150_000, intervals: [2_000] }).toBeGreaterThan(0);
});

// Each test opens the run's Flowdeck signed in as the demo's account.
test.beforeEach(async ({ context }) => {
  if (run) await useDemoSession(context, run);
});

test.afterAll(async () => {
  if (!run) return;
  for (const pid of await processesOf(run)) process.kill(pid, "SIGKILL");
  await cleanUpDemoRun(run);
});

test("from the overview, find the compensated saga, open its timeline, and follow the failed step to its trace", async ({ page }) => {
  test.setTimeout(120_000);
  const demo = demoRun();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  // The root is the overview: an SRE's first screen.
  await page.goto(demo.flowdeckUrl);
  await expect(page).toHaveURL(`${demo.flowdeckUrl}/overview`);
  const overview = new OverviewPage(page, demo.flowdeckUrl);
  await overview.open("?range=15m");

  await expect(overview.sagaCount("compensated")).not.toContainText(/^0/);
  await expect(overview.findings().filter({ hasText: /sagas? compensated/ })).toHaveCount(1);
  await expect(overview.section("sagas")).toHaveAttribute("data-severity", /bad|warn/);
  await expect(overview.calm()).toHaveCount(0);
  // The recent list shows the newest sagas in trouble; a compensated one is among them within a refresh or two.
  await expect(async () => {
    await page.reload();
    await expect(overview.recentSagas("compensated").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await page.screenshot({ path: test.info().outputPath("overview.png"), fullPage: true });

  const sagaId = await overview.openSaga(overview.recentSagas("compensated").first());
  const [stored] = await queryFlowdeck<{ failed_step: string; error: string | null; status: string }>(demo,
    `SELECT failed_step, error, status FROM sagas WHERE id = ${quoted(sagaId)}`);
  expect(stored?.status).toBe("compensated");

  // The saga's timeline, with the failed step marked, and from it the step's span in the trace.
  const sagas = new SagasPage(page, demo.flowdeckUrl);
  await expect(page.getByTestId("saga-summary").getByTestId("saga-status")).toHaveText("compensated");
  const failed = sagas.failedStep();
  await expect(failed).toHaveCount(1);
  await expect(failed).toHaveAttribute("data-step", stored?.failed_step ?? "");
  await expect(sagas.summaryFailure()).toContainText(`Failed at ${stored?.failed_step ?? ""}`);
  const [step] = await queryFlowdeck<{ trace_id: string; span_id: string }>(demo,
    `SELECT trace_id, span_id FROM saga_steps WHERE saga_id = ${quoted(sagaId)} AND status = 'error' ORDER BY started_at DESC, span_id DESC LIMIT 1`);
  await failed.getByTestId("gantt-bar").click();
  await expect(page).toHaveURL(`${demo.flowdeckUrl}/traces/${step?.trace_id ?? ""}?span=${step?.span_id ?? ""}`);
  await expect(page.locator(`[data-testid="span-row"][data-span-id="${step?.span_id ?? ""}"]`)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("span-details").getByTestId("span-status")).toContainText("Error");

  // Back on the overview, the count opens the sagas list filtered to that status, in the same window.
  await overview.open("?range=15m");
  await overview.sagaCount("compensated").click();
  await expect(page).toHaveURL(/\/sagas\?range=15m&status=compensated$/);
  await expect(sagas.statusChip("compensated")).toHaveAttribute("aria-current", "true");
  await expect(sagas.rows().first()).toBeVisible();
  for (const status of await sagas.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")))) expect(status).toBe("compensated");
  expect(errors).toEqual([]);
});

test("the dead letters and the cluster on the overview lead to their pages", async ({ page }) => {
  test.setTimeout(150_000);
  const demo = demoRun();
  const overview = new OverviewPage(page, demo.flowdeckUrl);
  await overview.open();
  await expect(overview.cluster("local")).toHaveAttribute("data-up", "true");
  await expect(overview.cluster("local").getByTestId("overview-cluster-status")).toHaveText("Up");

  // The payment gateway outage sends charges to the payment DLQ; the indexer finds the topic within a minute or so.
  await expect(async () => {
    await page.reload();
    await expect(overview.dlqRow(demo.paymentDlq)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [3_000] });
  const [indexed] = await queryFlowdeck<{ pending: string }>(demo, `SELECT pending_count::text AS pending FROM dlq_topics WHERE topic = ${quoted(demo.paymentDlq)}`);
  expect(Number(indexed?.pending ?? 0)).toBeGreaterThan(0);
  await expect(overview.dlqRow(demo.paymentDlq).getByTestId("sparkline")).toBeVisible();
  await expect(overview.findings().filter({ hasText: /dead letters? pending/ })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("overview-dlq.png"), fullPage: true });

  await overview.dlqRow(demo.paymentDlq).getByRole("link", { name: demo.paymentDlq }).click();
  await expect(page).toHaveURL(`${demo.flowdeckUrl}/dlq/local/${encodeURIComponent(demo.paymentDlq)}`);

  await overview.open();
  await overview.cluster("local").getByRole("link", { name: "local" }).click();
  await expect(page).toHaveURL(`${demo.flowdeckUrl}/clusters#cluster-local`);
});
