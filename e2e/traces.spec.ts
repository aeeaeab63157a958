import { expect, test } from "@playwright/test";
import { bulkTrace, hex, orderTrace, seedSpans } from "./fixtures/trace-seed";
import { TracesPage } from "./pages/traces-page";

const SHOTS = "test-results/screenshots";

test("a trace is found by service and by saga key, and its waterfall shows Kafka hops and span details", async ({ page }) => {
  const traceId = hex(16);
  const sagaKey = `order-${hex(4)}`;
  // Two healthy orders a little earlier, so the search shows more than the one trace under test.
  const healthy = [hex(16), hex(16)].flatMap((id, i) =>
    orderTrace(id, `order-${hex(4)}`, Date.now() - (4 + i) * 60_000).map((s) => ({ ...s, statusCode: 1 as const, statusMessage: null })));
  await seedSpans([...orderTrace(traceId, sagaKey, Date.now() - 2 * 60_000), ...healthy]);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const traces = new TracesPage(page);

  await traces.searchBy("Service", "api-gateway");
  await expect(page).toHaveURL(/service=api-gateway/);
  const row = traces.resultRow(traceId);
  await expect(row).toBeVisible();
  await expect(row).toContainText("POST /api/orders");
  await expect(row).toContainText("errors"); // three failed spans, in words
  await page.screenshot({ path: `${SHOTS}/traces-search.png`, fullPage: true });

  await traces.searchBy("Saga key", sagaKey);
  await expect(traces.results()).toHaveCount(1);
  await expect(row).toBeVisible();
  await traces.useTheme("dark", row);
  await page.screenshot({ path: `${SHOTS}/traces-search-dark.png`, fullPage: true });
  await traces.useTheme("light", row);

  await row.getByRole("link", { name: "POST /api/orders" }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
  await expect(page.getByTestId("trace-id")).toHaveText(traceId);
  await expect(traces.spanRow("POST /api/orders")).toBeVisible();
  await expect(traces.spanRow("orders.placed publish").getByTestId("messaging-label")).toContainText("orders.placed · p1 · @48213");

  await traces.spanRow("charge-payment").click();
  await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
  const details = traces.details();
  await expect(details.getByRole("heading", { name: "charge-payment" })).toBeVisible();
  await expect(details.getByRole("table", { name: "Span attributes" })).toContainText("saga.step");
  await expect(details.getByRole("table", { name: "Span attributes" })).toContainText(sagaKey);

  await traces.spanRow("POST psp /v1/charges").first().click();
  await expect(details.getByTestId("span-status")).toHaveText(/Error/);
  await expect(details).toContainText("deadline exceeded after 300 ms");
  // Not fullPage: the waterfall is sized to the viewport, and a taller capture would show it half-drawn.
  await page.screenshot({ path: `${SHOTS}/trace.png` });

  // The selection survives a reload: it is in the URL.
  await page.reload();
  await expect(traces.details().getByRole("heading", { name: "POST psp /v1/charges" })).toBeVisible();
  await traces.useTheme("dark", traces.spanRows());
  await page.screenshot({ path: `${SHOTS}/trace-dark.png` });
  await traces.useTheme("light", traces.spanRows());

  // The span whose parent never arrived is the last top-level row.
  await traces.waterfall().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(traces.spanRow("push send")).toContainText("parent not received");
  expect(errors).toEqual([]);
});

test("a 5,000-span trace opens, and scrolling to the bottom shows its last span", async ({ page }) => {
  const traceId = hex(16);
  const spans = bulkTrace(traceId, 5_000, Date.now() - 3 * 60_000);
  expect(spans).toHaveLength(5_000);
  await seedSpans(spans);
  const traces = new TracesPage(page);
  await traces.openTrace(traceId);
  await expect(traces.spanRow("import catalogue")).toBeVisible();
  await expect(page.getByText("5,000", { exact: true })).toBeVisible();
  // Virtualised: only the rows in view (and a few either side) are in the DOM.
  expect(await traces.spanRows().count()).toBeLessThan(100);

  const last = traces.spanRow("item-last");
  // A scroll made while the page is still hydrating can be reset by it: scroll again until the end shows.
  await expect(async () => {
    await traces.waterfall().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await last.click();
  await expect(traces.details().getByRole("heading", { name: "item-last" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/trace-5000-bottom.png` });
});

test("a bad search link explains itself, and an unknown trace says it was not received", async ({ page }) => {
  const traces = new TracesPage(page);
  await traces.openSearch("?status=broken&minDuration=fast");
  const alert = page.getByTestId("traces-url-problems");
  await expect(alert).toContainText("status");
  await expect(alert).toContainText("minDuration");
  await expect(traces.searchForm()).toBeVisible();

  await traces.openTrace(hex(16));
  await expect(page.getByTestId("trace-not-found")).toBeVisible();
});
