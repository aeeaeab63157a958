// Every page is served under a strict, per-response nonce policy and the usual security headers, and loads
// without a single CSP violation; the OTLP ingest route stays outside the proxy yet gets static headers.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, storageStateOf } from "./env";
import { bearer, mintIngestToken } from "./fixtures/ingest-token";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";
import { expectSecurityHeaders, expectStaticHeaders, parsePolicy, watchSecurity } from "./fixtures/security-watch";
import { hex, orderTrace, seedSpans } from "./fixtures/trace-seed";

test.describe.configure({ mode: "serial" });

const topic = `e2e-${randomUUID().slice(0, 8)}.csp.DLQ`;
const topicPath = `/dlq/local/${encodeURIComponent(topic)}`;
const traceId = hex(16);
const spans = orderTrace(traceId, `order-${hex(4)}`, Date.now() - 60_000);
const sagaId = spans.map((s) => s.attributes["saga.id"]).find((id) => typeof id === "string") ?? "";

// Pages that need no seeded data; / redirects to the first page that exists.
const PAGES = ["/", "/overview", "/sagas", "/breakers", "/flows", "/dlq", "/dlq/jobs", "/traces", "/clusters", "/audit"];

test.beforeAll(async () => {
  await createTopic(topic);
  await produceTo(topic, [{ key: "order-1", value: JSON.stringify({ orderId: "order-1" }), headers: { "dlq.original.topic": "orders.payment", "dlq.error.type": "PoisonMessageError", "dlq.error.message": "amountCents is not a number" } }]);
  await seedSpans(spans);
});

test.afterAll(async () => {
  await deleteTopic(topic);
});

/** Loads `path` and checks its headers and that every <script> in the HTML carries this response's nonce. */
async function openUnderPolicy(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  const nonce = expectSecurityHeaders(response);
  const html = (await response?.text()) ?? "";
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length, `${path} renders Next's scripts`).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag, `a script tag on ${path}`).toContain(`nonce="${nonce}"`);
  // Next's bootstrap ran: its nonced scripts, and the chunks they load under 'strict-dynamic', executed.
  await page.waitForFunction(() => typeof (window as { next?: { version?: unknown } }).next?.version === "string");
  return nonce;
}

test("every page loads under the nonce policy with no CSP violation", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);
  const nonces = new Set<string>();
  for (const path of PAGES) {
    nonces.add(await openUnderPolicy(page, path));
    await expect(page.getByRole("main")).toBeVisible();
    await watch.expectClean();
  }
  // A nonce is never reused: each response had its own.
  expect(nonces.size).toBe(PAGES.length);

  await expect(async () => {
    await openUnderPolicy(page, topicPath);
    await expect(page.getByTestId("dlq-message-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await page.getByTestId("dlq-message-row").getByRole("link").first().click();
  await expect(page.getByTestId("dlq-message-drawer").getByTestId("dlq-payload")).toContainText("order-1");
  await watch.expectClean();

  await openUnderPolicy(page, `/traces/${traceId}`);
  await expect(page.getByTestId("waterfall").getByTestId("span-row").first()).toBeVisible();
  await page.getByTestId("waterfall").getByRole("button", { name: "charge-payment", exact: true }).click();
  await expect(page.getByTestId("span-details").getByRole("heading", { name: "charge-payment" })).toBeVisible();
  await watch.expectClean();

  // The worker projects the seeded spans into a saga within a few seconds.
  await expect(async () => {
    await openUnderPolicy(page, `/sagas/${encodeURIComponent(sagaId)}`);
    await expect(page.getByTestId("saga-summary")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(page.getByTestId("saga-gantt")).toBeVisible();
  await watch.expectClean();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page loads under the nonce policy, and signing in there raises no CSP violation", async ({ page }) => {
    const watch = await watchSecurity(page);
    await openUnderPolicy(page, "/sign-in");
    await expect(page.getByRole("main")).toBeVisible();
    await page.getByLabel("Email").fill("nobody@flowdeck.local");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-problem")).toBeVisible();
    await watch.expectClean();
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the Users and Ingest tokens pages load under the nonce policy with no CSP violation", async ({ page }) => {
    const watch = await watchSecurity(page);
    for (const path of ["/settings/users", "/settings/ingest-tokens"]) {
      await openUnderPolicy(page, path);
      await expect(page.getByRole("main")).toBeVisible();
      await watch.expectClean();
    }
  });
});

test("the nonced theme script runs before paint and the page hydrates", async ({ page }) => {
  const watch = await watchSecurity(page);
  await page.goto("/clusters");
  await page.evaluate(() => window.localStorage.setItem("flowdeck-theme", "dark"));
  // Nothing but the inline theme script sets the class on load when a theme is stored.
  await openUnderPolicy(page, "/clusters");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await watch.expectClean();
});

test("markup that slipped into a page would still be refused by the policy", async ({ page }) => {
  const watch = await watchSecurity(page);
  // What a server-rendering bug would do with a message payload: put it into the HTML as markup. The
  // response keeps its real headers, so its real policy applies.
  const injected = `<script>window.__pwned=1</script><script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__pwned=2</script>`
    + `<img src="x" onerror="window.__pwned=3"><a id="js-link" href="javascript:window.__pwned=4">x</a>`;
  await page.route("**/clusters", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", `${injected}</body>`);
    await route.fulfill({ response, body });
  });
  await page.goto("/clusters");
  await page.locator("#js-link").click();
  await expect.poll(() => watch.violations.filter((v) => !v.startsWith("console:")).length).toBe(4);
  const reports = watch.violations.join("\n");
  expect(reports).toMatch(/script-src-elem blocked inline/);
  expect(reports).toMatch(/script-src-attr blocked inline/);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("Strict-Transport-Security is sent when Flowdeck is reached over https", async ({ request }) => {
  const plain = await request.get("/clusters");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const viaTls = await request.get("/clusters", { headers: { "x-forwarded-proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(parsePolicy(viaTls.headers()["content-security-policy"] ?? "").has("upgrade-insecure-requests")).toBe(true);
});

test("a large OTLP export bypasses the proxy, is stored whole, and gets the static headers", async ({ request }) => {
  // ~7.4 MB: near the 8 MB ingest limit, where a buffering proxy in front would hold the whole body.
  const id = hex(16);
  const blob = "x".repeat(8_000);
  const now = BigInt(Date.now()) * 1_000_000n;
  const exportBody = JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: "service.name", value: { stringValue: "bulk-exporter" } }] },
      scopeSpans: [{ scope: { name: "e2e" }, spans: Array.from({ length: 900 }, () => ({
        traceId: id, spanId: hex(8), name: "bulk", kind: 1, startTimeUnixNano: now.toString(), endTimeUnixNano: (now + 1_000_000n).toString(),
        attributes: [{ key: "payload.blob", value: { stringValue: blob } }],
      })) }],
    }],
  });
  expect(exportBody.length).toBeGreaterThan(7_000_000);
  const token = await mintIngestToken(E2E_DATABASE_URL, "e2e-security-headers");
  const response = await request.post("/api/otlp/v1/traces", { headers: { "content-type": "application/json", ...bearer(token) }, data: exportBody });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({});
  const headers = response.headers();
  expectStaticHeaders(headers);
  // The static API policy, not a per-request nonce one: the proxy did not run for this request.
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [id]);
    expect(rows[0]?.n).toBe(900);
  } finally {
    await db.end();
  }
});

test("static files get the static headers too", async ({ request, page }) => {
  await page.goto("/clusters");
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  expect(stylesheet).toMatch(/^\/_next\/static\//);
  const css = await request.get(stylesheet ?? "");
  expect(css.status()).toBe(200);
  expectStaticHeaders(css.headers());
});
