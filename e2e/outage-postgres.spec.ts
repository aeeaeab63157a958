// With Flowdeck on a throwaway Postgres that is then stopped, every page shows the error state and
// recovers when it is back, without restarting Flowdeck.
import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_USERS } from "./env";
import { ensureUser, signIn } from "./fixtures/sign-in";
import { bearer, mintIngestToken } from "./fixtures/ingest-token";
import { migratedThrowawayPostgres, startFlowdeck, waitForOk, type FlowdeckOnPostgres, type ThrowawayPostgres } from "./fixtures/throwaway-postgres";

const PORTS = { web: 3460, worker: 3461 };
const SAGA_ID = `outage-saga-${randomBytes(4).toString("hex")}`;
const TRACE_ID = randomBytes(16).toString("hex");
const SERVICE = "outage-payment";
const BREAKER = "card-gateway";

type Visit = { path: string; content: (page: Page) => Locator };

// Every page of the console, with what shows that it has its content. Breakers and flows are read from
// Postgres projections once built, like the rest; the clusters page reads only Kafka, but sessions are
// kept in Postgres, so while it is down no page can check who is signing in and every page fails closed.
const VISITS: Visit[] = [
  { path: "/overview", content: (p) => p.getByTestId("overview-ingest") },
  { path: "/sagas", content: (p) => p.getByTestId("saga-row").first() },
  { path: `/sagas/${SAGA_ID}`, content: (p) => p.getByTestId("saga-summary") },
  { path: "/breakers", content: (p) => p.getByText(BREAKER).first() },
  { path: `/breakers/${SERVICE}/${BREAKER}`, content: (p) => p.getByText(BREAKER).first() },
  { path: "/flows", content: (p) => p.getByText(SERVICE).first() },
  { path: "/dlq", content: (p) => p.getByTestId("dlq-topics") },
  { path: "/traces", content: (p) => p.getByTestId("trace-row").first() },
  { path: `/traces/${TRACE_ID}`, content: (p) => p.getByTestId("span-row").first() },
  { path: "/clusters", content: (p) => p.getByTestId("cluster-status-local") },
  { path: "/audit", content: (p) => p.getByTestId("audit-empty").or(p.getByTestId("audit-event").first()) },
];

/** A failed page's message: every error panel says the server failed; the overview names Postgres. */
const errorState = (page: Page) => page.getByRole("alert").filter({ hasText: /failed on the server|Postgres is not answering/ });

let postgres: ThrowawayPostgres | undefined;
let flowdeck: FlowdeckOnPostgres | undefined;
let ingestHeaders: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await migratedThrowawayPostgres();
  ingestHeaders = bearer(await mintIngestToken(postgres.url, "e2e-outage"));
  flowdeck = startFlowdeck(postgres.url, PORTS);
  await waitForOk(`${flowdeck.url}/api/health/ready`, 120_000, flowdeck);
  await ensureUser(postgres.url, E2E_USERS.operator);
});

test.afterAll(async () => {
  await flowdeck?.stop();
  await postgres?.destroy();
});

/** One saga whose payment step failed and was compensated, and a breaker that opened, sent as a service would. */
function sagaExport(): object {
  const t0 = BigInt(Date.now() - 5_000) * 1_000_000n;
  const ns = (ms: number) => (t0 + BigInt(ms) * 1_000_000n).toString();
  const attrs = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));
  const step = (name: string, kind: string) => attrs({ "saga.id": SAGA_ID, "saga.name": "order-fulfillment", "saga.key": "order-outage-1", "saga.step": name, "saga.step.kind": kind });
  const status = (value: string, ms: number) => ({ name: "saga.status", timeUnixNano: ns(ms), attributes: attrs({ "saga.status": value }) });
  const span = (name: string, startMs: number, attributes: object[], extra: object = {}) => ({
    traceId: TRACE_ID, spanId: randomBytes(8).toString("hex"), name, kind: 1, startTimeUnixNano: ns(startMs), endTimeUnixNano: ns(startMs + 50), attributes, ...extra,
  });
  return {
    resourceSpans: [{
      resource: { attributes: attrs({ "service.name": SERVICE }) },
      scopeSpans: [{ spans: [
        span("reserve-inventory", 0, step("reserve-inventory", "action"), { events: [status("started", 0)] }),
        span("charge-payment", 100, [...step("charge-payment", "action"), ...attrs({ "circuit_breaker.name": BREAKER })], {
          status: { code: 2, message: "card gateway unreachable" },
          events: [status("compensating", 150), { name: "circuit_breaker.state_change", timeUnixNano: ns(140),
            attributes: attrs({ "circuit_breaker.name": BREAKER, "circuit_breaker.state": "open", "circuit_breaker.previous_state": "closed" }) }],
        }),
        span("release-inventory", 200, step("release-inventory", "compensation"), { events: [status("compensated", 250)] }),
        // A message sent to Kafka, so the flow map has an edge from this service.
        { ...span("outage.payments send", 300, attrs({ "messaging.system": "kafka", "messaging.destination.name": "outage.payments", "messaging.operation.type": "send" })), kind: 4 },
      ] }],
    }],
  };
}

/** A saga that went well, with a breaker that stayed closed: nothing for the overview to report. */
function healthyExport(): object {
  const t0 = BigInt(Date.now() - 5_000) * 1_000_000n;
  const ns = (ms: number) => (t0 + BigInt(ms) * 1_000_000n).toString();
  const attrs = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));
  const id = `healthy-saga-${randomBytes(4).toString("hex")}`;
  const step = (name: string) => attrs({ "saga.id": id, "saga.name": "order-fulfillment", "saga.key": "order-healthy-1", "saga.step": name, "saga.step.kind": "action" });
  const span = (name: string, startMs: number, status: string) => ({
    traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), name, kind: 1, startTimeUnixNano: ns(startMs), endTimeUnixNano: ns(startMs + 50),
    attributes: step(name), events: [{ name: "saga.status", timeUnixNano: ns(startMs + 50), attributes: attrs({ "saga.status": status }) }],
  });
  return { resourceSpans: [{ resource: { attributes: attrs({ "service.name": "healthy-orders" }) }, scopeSpans: [{ spans: [span("place-order", 0, "started"), span("ship-order", 100, "completed")] }] }] };
}

test("an empty store says how to send spans; healthy spans give a plain all-clear", async ({ page, request }) => {
  if (!postgres || !flowdeck) throw new Error("the throwaway Postgres or Flowdeck did not start");
  const base = flowdeck.url;
  await signIn(page, base, E2E_USERS.operator);
  await page.goto(`${base}/overview`);
  await expect(page.getByTestId("traces-empty")).toContainText("No spans received yet");
  await expect(page.getByTestId("overview-calm")).toHaveCount(0);
  await expect(page.getByTestId("overview-attention")).toHaveCount(0);
  await expect(page.getByTestId("overview-brokers")).toHaveAttribute("data-severity", "ok");

  expect((await request.post(`${base}/api/otlp/v1/traces`, { headers: ingestHeaders, data: healthyExport() })).status()).toBe(200);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("overview-calm")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  await expect(page.getByTestId("overview-calm")).toContainText("Nothing is failing");
  await expect(page.getByTestId("overview-calm")).toContainText("no saga failed, stuck or compensating in the last hour");
  await expect(page.getByTestId("traces-empty")).toHaveCount(0);
  for (const id of ["dlq", "breakers", "sagas", "ingest", "brokers"]) await expect(page.getByTestId(`overview-${id}`)).toHaveAttribute("data-severity", "ok");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.setItem("flowdeck-theme", "dark"));
  await page.reload();
  await page.screenshot({ path: test.info().outputPath("overview-calm-dark.png"), fullPage: true });
  await page.evaluate(() => localStorage.removeItem("flowdeck-theme"));
});

test("with Postgres stopped every page shows its error state, and each recovers when Postgres is back", async ({ page, context, request }) => {
  test.setTimeout(300_000);
  if (!postgres || !flowdeck) throw new Error("the throwaway Postgres or Flowdeck did not start");
  const base = flowdeck.url;
  await signIn(page, base, E2E_USERS.operator);
  const crashes: string[] = [];
  page.on("pageerror", (e) => crashes.push(e.message));

  const exported = await request.post(`${base}/api/otlp/v1/traces`, { headers: ingestHeaders, data: sagaExport() });
  expect(exported.status()).toBe(200);
  // The worker projects the spans into the saga and the breaker within a few seconds.
  const store = new pg.Client({ connectionString: postgres.url });
  await store.connect();
  try {
    await expect.poll(async () => (await store.query<{ n: number }>(
      "SELECT (SELECT count(*) FROM sagas WHERE id = $1 AND status = 'compensated') + (SELECT count(*) FROM breaker_states WHERE breaker = $2) AS n",
      [SAGA_ID, BREAKER])).rows[0]?.n, { timeout: 30_000, intervals: [1_000] }).toBe("2");
  } finally {
    await store.end();
  }

  // Up: every page has its content.
  for (const visit of VISITS) {
    const response = await page.goto(`${base}${visit.path}`);
    expect(response?.status(), visit.path).toBe(200);
    await expect(visit.content(page), visit.path).toBeVisible();
  }

  // A second tab stays on the overview throughout: its live refresh must notice the outage and the recovery by itself.
  const watcher = await context.newPage();
  await watcher.goto(`${base}/overview`);
  await expect(watcher.getByTestId("overview-ingest")).toBeVisible();

  await postgres.stop();
  const statuses: Record<string, number> = {};
  for (const visit of VISITS) {
    const response = await page.goto(`${base}${visit.path}`);
    const status = response?.status() ?? 0;
    statuses[visit.path] = status;
    // The shell stays (sidebar, navigation): the failure is the page's, not a crash of Flowdeck.
    await expect(page.getByRole("navigation", { name: "Sections" }), visit.path).toBeVisible();
    await expect(page.getByText("Flowdeck failed to start this page"), visit.path).toHaveCount(0);
    // A page, not a dropped connection or a hang: the shell says why nothing can be shown.
    expect(status, visit.path).toBe(200);
    await expect(errorState(page), visit.path).toBeVisible();
    await expect(visit.content(page), visit.path).toHaveCount(0);
  }
  console.log(`HTTP status of each page while Postgres is down: ${JSON.stringify(statuses)}`);
  await page.goto(`${base}/overview`);
  await expect(page.getByTestId("session-store-down")).toContainText("connection refused");
  await page.screenshot({ path: test.info().outputPath("overview-postgres-down.png"), fullPage: true });
  await page.goto(`${base}/sagas`);
  await page.screenshot({ path: test.info().outputPath("sagas-postgres-down.png"), fullPage: true });
  await expect(watcher.getByTestId("session-store-down")).toBeVisible({ timeout: 30_000 });
  await expect(watcher.getByTestId("overview-ingest")).toHaveCount(0);

  await postgres.start();
  // The open overview fills in again on its own refresh, with no reload.
  await expect(watcher.getByTestId("overview-ingest")).toBeVisible({ timeout: 30_000 });
  await expect(watcher.getByTestId("session-store-down")).toHaveCount(0);
  for (const visit of VISITS) {
    // The pool drops its dead connections by itself; allowed a few tries, with slack.
    await expect(async () => {
      const response = await page.goto(`${base}${visit.path}`);
      expect(response?.status()).toBe(200);
      await expect(visit.content(page)).toBeVisible({ timeout: 2_000 });
    }, `${visit.path} recovers`).toPass({ timeout: 30_000, intervals: [1_000] });
    await expect(errorState(page), visit.path).toHaveCount(0);
  }
  await page.goto(`${base}/overview`);
  await page.screenshot({ path: test.info().outputPath("overview-recovered.png"), fullPage: true });
  expect(flowdeck.child.exitCode, "Flowdeck kept running through the outage").toBeNull();
  expect(crashes).toEqual([]);
});
