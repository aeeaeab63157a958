// Script-injection payloads in everything Flowdeck shows from outside — a DLQ message's key, payload,
// headers and original topic; a span's service, name, attributes, status, events, saga and breaker
// fields; an operator's discard reason; and the URL — render as inert text on every page: nothing runs,
// no dialog opens, no element is made from them, and the policy reports no violation.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, storageStateOf } from "./env";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";
import { watchSecurity } from "./fixtures/security-watch";
import { hex, seedSpans } from "./fixtures/trace-seed";
import type { SpanRecord } from "../lib/traces/span-record";

test.describe.configure({ mode: "serial" });

/** One payload per field, each a script tag, an inline handler and a javascript: URL, tagged with where it went. */
const P = (where: string) => `javascript:alert(1)//<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1;alert(1)"><svg onload="alert(1)">${where}`;

// Kafka allows only [a-zA-Z0-9._-] in topic names, so the DLQ topic itself cannot carry a payload; the
// original topic (a header) and the topic a span names (messaging.destination.name) can.
const topic = `e2e-${randomUUID().slice(0, 8)}.inject.DLQ`;
const topicPath = `/dlq/local/${encodeURIComponent(topic)}`;
const traceId = hex(16);
const rootSpanId = hex(8);
const sagaId = `saga-${hex(6)}`;

function injectedTrace(): SpanRecord[] {
  const start = BigInt(Date.now() - 60_000) * 1_000_000n;
  const ms = (n: number) => BigInt(n) * 1_000_000n;
  const base = {
    traceId, kind: 1 as const, scopeName: P("scope"), statusCode: 2 as const, links: [],
    serviceName: P("service"), resourceAttributes: { "service.name": P("service"), "host.name": P("host") },
  };
  return [
    {
      ...base, spanId: rootSpanId, parentSpanId: null, name: P("span-name"), startTimeUnixNano: start, endTimeUnixNano: start + ms(50),
      statusMessage: P("status"),
      attributes: {
        "saga.id": sagaId, "saga.name": P("saga-name"), "saga.key": P("saga-key"), "saga.step": P("saga-step"), "saga.step.kind": "action",
        "url.full": "javascript:window.__pwned=1", [P("attr-name")]: P("attr-value"),
      },
      events: [
        { name: "saga.status", timeUnixNano: start + ms(1), attributes: { "saga.status": "started" } },
        { name: "exception", timeUnixNano: start + ms(40), attributes: { "exception.type": P("exception-type"), "exception.message": P("exception") } },
      ],
    },
    {
      ...base, spanId: hex(8), parentSpanId: rootSpanId, name: "publish", kind: 4, startTimeUnixNano: start + ms(5), endTimeUnixNano: start + ms(9),
      statusCode: 0, statusMessage: null, events: [],
      attributes: {
        "messaging.system": "kafka", "messaging.operation.type": "send", "messaging.destination.name": P("span-topic"),
        "messaging.destination.partition.id": "0", "messaging.kafka.offset": 7, "messaging.kafka.message.key": P("span-key"),
      },
    },
    {
      ...base, spanId: hex(8), parentSpanId: rootSpanId, name: "call psp", kind: 3, startTimeUnixNano: start + ms(10), endTimeUnixNano: start + ms(30),
      statusMessage: P("breaker-status"),
      attributes: { "circuit_breaker.name": P("breaker"), "circuit_breaker.outcome": "failure" },
      events: [{ name: "circuit_breaker.state_change", timeUnixNano: start + ms(29), attributes: { "circuit_breaker.name": P("breaker"), "circuit_breaker.state": "open", "circuit_breaker.previous_state": "closed" } }],
    },
  ];
}

test.beforeAll(async () => {
  await seedSpans(injectedTrace());
  await createTopic(topic);
  await produceTo(topic, [{
    key: P("key"),
    value: P("payload"),
    headers: {
      "dlq.original.topic": P("original-topic"), "dlq.error.type": P("error-type"), "dlq.error.message": P("error-message"),
      "dlq.consumer.group": P("group"), "event-id": P("event-id"), traceparent: `00-${traceId}-${rootSpanId}-01`,
      [P("header-name")]: P("header-value"),
    },
  }]);
});

test.afterAll(async () => {
  await deleteTopic(topic);
});

/** Nothing made from a payload exists as an element: no image, svg, script handler or javascript: link. */
async function expectNoInjectedElements(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
  // React gives a form whose action is a server function, when it renders it on the client (the sidebar's
  // Sign out after a refresh), a javascript: action of its own that throws if the form is ever submitted
  // natively; that one is React's, not a payload's, and is the only javascript: action allowed.
  const reactFormGuard = `form[action^="javascript:throw new Error('A React form was unexpectedly submitted."]`;
  await expect(page.locator(`a[href^="javascript:" i], form[action^="javascript:" i]:not(${reactFormGuard}), iframe`)).toHaveCount(0);
  // The payloads do travel inside scripts: Next's nonced flight data, as escaped JSON strings, where no
  // tag can close the script early.
  const carriers = await page.evaluate(() => [...document.scripts].filter((s) => s.textContent.includes("__pwned")).map((s) => ({
    flightData: /^\(?self\.__next_f/.test(s.textContent), nonced: s.nonce !== "", rawTag: /<\/?(script|img|svg)/i.test(s.textContent),
  })));
  for (const carrier of carriers) expect(carrier).toEqual({ flightData: true, nonced: true, rawTag: false });
}

/** The payload is on the page as its literal text. */
async function expectText(scope: Locator, ...where: string[]): Promise<void> {
  for (const w of where) await expect(scope).toContainText(P(w));
}

test("payloads in a dead-lettered message stay text on the DLQ pages", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);
  await expect(async () => {
    await page.goto(topicPath);
    await expect(page.getByTestId("dlq-message-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expectText(page.getByTestId("dlq-message-row"), "key", "original-topic", "error-type", "error-message");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto("/dlq");
  await expectText(page.locator(`[data-testid="dlq-topic-row"][data-topic="${topic}"]`), "error-type");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto(`${topicPath}?group=errors`);
  await expectText(page.getByTestId("dlq-error-group"), "error-type");
  await page.getByTestId("dlq-error-group").getByRole("link").first().click();
  await expect(page.getByTestId("dlq-message-row")).toHaveCount(1);
  await page.getByTestId("dlq-message-row").getByRole("link").first().click();
  const drawer = page.getByTestId("dlq-message-drawer");
  await expect(drawer.getByTestId("dlq-payload")).toHaveText(P("payload"));
  await expect(drawer.getByTestId("dlq-error-message")).toHaveText(P("error-message"));
  await expectText(drawer.getByRole("table", { name: "Headers" }), "header-name", "header-value");
  await expectText(drawer, "key", "original-topic", "group", "event-id", "error-type");
  // The message's trace is stored, so the drawer links to it and names its saga.
  await expect(drawer.getByRole("link", { name: traceId })).toHaveAttribute("href", `/traces/${traceId}`);
  await page.screenshot({ path: "test-results/screenshots/security-injection-dlq.png", fullPage: true });
  await expectNoInjectedElements(page);
  await watch.expectClean();

  // Reflected from the URL: a search, an error filter and a bad message position.
  await page.goto(`${topicPath}?q=${encodeURIComponent(P("search"))}&error=${encodeURIComponent(P("error-filter"))}`);
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoInjectedElements(page);
  await watch.expectClean();
  await page.goto(`${topicPath}?msg=${encodeURIComponent(P("msg"))}`);
  await expect(page.getByTestId("traces-url-problems")).toBeVisible();
  await expectNoInjectedElements(page);
  await watch.expectClean();
});

test("payloads in spans stay text in trace search, the trace view and its span details", async ({ page }) => {
  const watch = await watchSecurity(page);
  await page.goto(`/traces?range=1h&service=${encodeURIComponent(P("service"))}`);
  const row = page.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
  await expectText(row, "span-name");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto(`/traces/${traceId}`);
  const waterfall = page.getByTestId("waterfall");
  await expectText(waterfall, "span-name");
  await waterfall.getByRole("button", { name: P("span-name"), exact: true }).click();
  const details = page.getByTestId("span-details");
  await expect(details.getByRole("heading", { name: P("span-name") })).toBeVisible();
  await expectText(details, "status", "attr-name", "attr-value", "saga-name", "saga-key", "saga-step", "exception", "service");
  await expect(details).toContainText("javascript:window.__pwned=1");
  await page.screenshot({ path: "test-results/screenshots/security-injection-trace.png" });
  await waterfall.getByRole("button", { name: "publish", exact: true }).click();
  await expectText(details, "span-topic", "span-key");
  await expectText(waterfall, "span-topic");
  await waterfall.getByRole("button", { name: "call psp", exact: true }).click();
  await expectText(details, "breaker", "breaker-status");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  // Reflected from the URL into the search form and its problems.
  await page.goto(`/traces?operation=${encodeURIComponent(P("operation"))}&minDuration=${encodeURIComponent(P("duration"))}`);
  await expect(page.getByTestId("traces-url-problems")).toBeVisible();
  await expectNoInjectedElements(page);
  await watch.expectClean();
});

test("payloads in saga fields stay text on the sagas list and the saga's page", async ({ page }) => {
  test.setTimeout(90_000);
  const watch = await watchSecurity(page);
  // The worker projects the seeded spans into the saga within a few seconds.
  const row = page.locator(`[data-testid="saga-row"][data-saga-id="${sagaId}"]`);
  await expect(async () => {
    await page.goto(`/sagas?range=1h&key=${encodeURIComponent(P("saga-key"))}`);
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expectText(row, "saga-name", "saga-key");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto(`/sagas/${sagaId}`);
  await expectText(page.getByRole("heading", { level: 1 }), "saga-name");
  await expectText(page.getByTestId("saga-summary"), "saga-key", "saga-step", "status");
  await expectText(page.getByTestId("saga-gantt"), "saga-step");
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto(`/sagas?name=${encodeURIComponent(P("name-filter"))}&status=${encodeURIComponent(P("status-filter"))}`);
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoInjectedElements(page);
  await watch.expectClean();
});

test("a discard reason stays text in the drawer and on the Audit page", async ({ page }) => {
  const watch = await watchSecurity(page);
  await page.goto(topicPath);
  await page.getByTestId("dlq-message-row").getByRole("link").first().click();
  const form = page.getByTestId("dlq-discard-message");
  await form.getByRole("button", { name: "Discard this message…" }).click();
  await form.getByLabel(/Reason/).fill(P("reason"));
  await form.getByRole("button", { name: "Discard this message", exact: true }).click();
  await expect(page.getByTestId("dlq-disposition")).toContainText(P("reason"));
  await expectNoInjectedElements(page);
  await watch.expectClean();

  await page.goto("/audit?action=dlq.discard");
  await expectText(page.getByTestId("audit-event").filter({ hasText: topic }), "reason");
  await expectNoInjectedElements(page);
  await watch.expectClean();
  await page.goto(`/audit?action=${encodeURIComponent(P("action"))}`);
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoInjectedElements(page);
  await watch.expectClean();
});

test("pages that summarise spans and messages run nothing from them", async ({ page }) => {
  // Overview, Breakers and Flows read the same breaker names, topics and errors seeded above.
  const watch = await watchSecurity(page);
  for (const path of ["/overview", "/breakers", "/flows", "/dlq/jobs", "/clusters", "/"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    await expectNoInjectedElements(page);
    await watch.expectClean();
  }
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a user's name from the identity provider stays text on the Users page", async ({ page }) => {
    // An SSO user's display name comes from their ID token, so it is outside input like any span.
    const email = `inject-${randomUUID().slice(0, 8)}@flowdeck.local`;
    const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await db.connect();
    try {
      await db.query(`INSERT INTO auth_users (id, name, email, role) VALUES ($1, $2, $3, 'viewer')`, [randomUUID(), P("user-name"), email]);
    } finally {
      await db.end();
    }
    const watch = await watchSecurity(page);
    await page.goto("/settings/users");
    await expectText(page.locator(`[data-testid="user-row"][data-email="${email}"]`), "user-name");
    await expectNoInjectedElements(page);
    await watch.expectClean();
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a payload in the sign-in page's next address is not made into markup", async ({ page }) => {
    const watch = await watchSecurity(page);
    await page.goto(`/sign-in?next=${encodeURIComponent(P("next"))}`);
    await expect(page.getByRole("main")).toBeVisible();
    await expectNoInjectedElements(page);
    await watch.expectClean();
  });
});
