// An operator finds a compensated saga in the reference system, reads its timeline with the failed step
// and its error, and follows that step to its span in the trace view. The journey starts at /sagas; when
// the Overview lists failing sagas, its first step becomes a click from there (openList is that step).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { cleanUpDemoRun, useDemoSession, compensatedSagaCount, processesOf, queryFlowdeck, startDemoRun, type DemoRun } from "./fixtures/demo-run";
import { SagasPage } from "./pages/sagas-page";

test.describe.configure({ mode: "serial" });

let run: DemoRun | undefined;

function demoRun(): DemoRun {
  if (!run) throw new Error("the demo did not start");
  return run;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  run = startDemoRun(randomUUID().slice(0, 8), { flowdeck: 3430, worker: 3431, order: 4430 });
  const demo = run;
  // The default scenario declines a few cards from the start, so compensated sagas appear within a minute.
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

test("find a compensated saga, see where it failed and why, and follow the failed step to its trace", async ({ page }) => {
  const demo = demoRun();

  const sagas = new SagasPage(page, demo.flowdeckUrl);
  await sagas.openList("?range=15m");
  await expect(sagas.statusChip("compensated").getByTestId("saga-chip-count")).not.toHaveText("0");
  await sagas.filterByStatus("compensated");
  await expect(sagas.rows().first()).toBeVisible();
  for (const status of await sagas.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")))) expect(status).toBe("compensated");

  const sagaId = await sagas.openSaga(sagas.rows().first());
  const [stored] = await queryFlowdeck<{ failed_step: string; error: string | null; steps: number }>(demo,
    `SELECT failed_step, error, (SELECT count(*)::int FROM saga_steps WHERE saga_id = s.id) AS steps FROM sagas s WHERE id = '${sagaId.replace(/'/g, "''")}'`);
  expect(stored?.failed_step).toBeTruthy();

  await expect(page.getByTestId("saga-summary").getByTestId("saga-status")).toHaveText("compensated");
  await expect(sagas.timeline().getByTestId("gantt-row")).toHaveCount(stored?.steps ?? -1);
  await expect(sagas.compensations().first()).toBeVisible();
  const failed = sagas.failedStep();
  await expect(failed).toHaveCount(1);
  await expect(failed).toHaveAttribute("data-step", stored?.failed_step ?? "");
  await expect(failed.getByTestId("gantt-error")).toContainText(stored?.error ?? "the span has status error but no message");
  await expect(sagas.summaryFailure()).toContainText(`Failed at ${stored?.failed_step ?? ""}`);
  await page.screenshot({ path: test.info().outputPath("saga-timeline.png"), fullPage: true });

  // The failed step's bar opens its span, selected, in the trace view.
  const [step] = await queryFlowdeck<{ trace_id: string; span_id: string }>(demo,
    `SELECT trace_id, span_id FROM saga_steps WHERE saga_id = '${sagaId.replace(/'/g, "''")}' AND status = 'error' ORDER BY started_at DESC, span_id DESC LIMIT 1`);
  await failed.getByTestId("gantt-bar").click();
  await expect(page).toHaveURL(`${demo.flowdeckUrl}/traces/${step?.trace_id ?? ""}?span=${step?.span_id ?? ""}`);
  const selected = page.locator(`[data-testid="span-row"][data-span-id="${step?.span_id ?? ""}"]`);
  await expect(selected).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("span-details").getByTestId("span-status")).toContainText("Error");
  await expect(page.getByTestId("span-details")).toContainText(step?.span_id ?? "");
  await page.screenshot({ path: test.info().outputPath("failed-step-trace.png"), fullPage: true });
});

test("a bad link says what is wrong: an unknown saga, a malformed id, a bad filter", async ({ page }) => {
  const demo = demoRun();
  await page.goto(`${demo.flowdeckUrl}/sagas/no-such-saga-${randomUUID()}`);
  await expect(page.getByTestId("saga-not-found")).toContainText("Flowdeck knows no saga with this id.");

  await page.goto(`${demo.flowdeckUrl}/sagas/two%20words`);
  await expect(page.getByTestId("saga-malformed-id")).toContainText("is not a saga id: a saga id has no spaces or control characters");

  await page.goto(`${demo.flowdeckUrl}/sagas?status=broken&range=2w`);
  const problems = page.getByRole("alert").filter({ hasText: "This link has a problem, so no sagas were listed" });
  await expect(problems).toContainText('"broken" is not a status');
  await expect(problems).toContainText('"2w" is not a range');
  await expect(page.getByTestId("sagas-table")).toHaveCount(0);
});
