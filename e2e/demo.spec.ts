// `npm run demo` on its own ports: within 60 s of the command, Flowdeck's Postgres holds completed and
// compensated sagas and a payment breaker that opened and went half-open, and Kafka holds messages in
// the payment DLQ; Ctrl-C then stops every process the demo started.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNT, cleanUpDemoRun, pressCtrlC, processesOf, queryFlowdeck, startDemoRun, topicDepth, type DemoRun } from "./fixtures/demo-run";
import { signIn } from "./fixtures/sign-in";

let run: DemoRun | undefined;

test.afterAll(async () => {
  if (!run) return;
  for (const pid of await processesOf(run)) process.kill(pid, "SIGKILL");
  await cleanUpDemoRun(run);
});

test("npm run demo shows sagas, an opening breaker and a DLQ within a minute, and Ctrl-C stops it all", async ({ page }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  run = startDemoRun(randomUUID().slice(0, 8), { flowdeck: 3410, worker: 3411, order: 4410 });
  const demo = run;

  const sagas = () => queryFlowdeck<{ status: string; n: number }>(demo, "SELECT status, count(*)::int AS n FROM sagas GROUP BY status");
  const transitions = () => queryFlowdeck<{ to_state: string }>(demo,
    "SELECT to_state FROM breaker_transitions WHERE breaker = 'payment-gateway' ORDER BY at, to_state");
  const seenAt: Record<string, number> = {};
  await expect.poll(async () => {
    const counts = Object.fromEntries((await sagas().catch(() => [])).map((row) => [row.status, row.n]));
    const states = (await transitions().catch(() => [])).map((row) => row.to_state);
    const openThenHalfOpen = states.indexOf("open") >= 0 && states.indexOf("half_open") > states.indexOf("open");
    const seen = {
      completed: (counts.completed ?? 0) > 0,
      compensated: (counts.compensated ?? 0) > 0,
      breakerOpenedThenHalfOpen: openThenHalfOpen,
      dlqMessages: (await topicDepth(demo.paymentDlq)) > 0,
    };
    for (const [what, yes] of Object.entries(seen)) if (yes) seenAt[what] ??= Math.round((Date.now() - started) / 1000);
    return seen;
  }, { timeout: 60_000 - (Date.now() - started), intervals: [2_000] }).toEqual({ completed: true, compensated: true, breakerOpenedThenHalfOpen: true, dlqMessages: true });
  console.log(`demo: seconds after npm run demo until visible: ${JSON.stringify(seenAt)}`);

  // It says how to sign in, and the console it started shows the demo's traces once signed in.
  expect(demo.output.join("\n")).toContain(`sign in as ${DEMO_ACCOUNT.email} with the password ${DEMO_ACCOUNT.password}`);
  await signIn(page, demo.flowdeckUrl, { ...DEMO_ACCOUNT, role: "admin" });
  await page.goto(`${demo.flowdeckUrl}/traces?service=payment-service&range=15m`);
  await expect(page.getByTestId("traces-table").getByTestId("trace-row").first()).toBeVisible();

  expect((await processesOf(demo)).length).toBeGreaterThanOrEqual(7);
  pressCtrlC(demo);
  // npm itself may end by the signal (as in a terminal); what matters is that it ends and leaves nothing.
  await expect.poll(() => demo.child.exitCode !== null || demo.child.signalCode !== null, { timeout: 30_000 }).toBe(true);
  await expect.poll(() => processesOf(demo), { timeout: 10_000 }).toEqual([]);
  expect(demo.output.join("\n")).toContain("stopped; nothing left running");
});
