// Next refuses a server action whose Origin is not Flowdeck's own host (CSRF): a real discard request,
// captured from the drawer and replayed with the operator's valid session cookie but a forged Origin,
// records nothing. Replayed from Flowdeck's origin by a signed-in viewer, it is refused as FORBIDDEN and
// records nothing either; replayed by the operator, it does discard, which shows the replay was a valid call.
import { randomUUID } from "node:crypto";
import { expect, test, type Request } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, storageStateOf } from "./env";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";

const topic = `e2e-${randomUUID().slice(0, 8)}.csrf.DLQ`;
const topicPath = `/dlq/local/${encodeURIComponent(topic)}`;

test.beforeAll(async () => {
  await createTopic(topic);
  await produceTo(topic, [{ key: "order-1", value: "{}", headers: { "dlq.original.topic": "orders.payment", "dlq.error.type": "PoisonMessageError" } }]);
});

test.afterAll(async () => {
  await deleteTopic(topic);
});

async function recorded(): Promise<{ dispositions: number; audits: number; denied: number }> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ dispositions: number; audits: number; denied: number }>(
      `SELECT (SELECT count(*)::int FROM dlq_dispositions WHERE cluster = 'local' AND topic = $1) AS dispositions,
              (SELECT count(*)::int FROM audit_events WHERE action = 'dlq.discard' AND outcome = 'ok' AND target LIKE '%' || $1 || '%') AS audits,
              (SELECT count(*)::int FROM audit_events WHERE action = 'dlq.discard' AND outcome = 'denied' AND target LIKE '%' || $1 || '%') AS denied`, [topic]);
    return rows[0] ?? { dispositions: -1, audits: -1, denied: -1 };
  } finally {
    await db.end();
  }
}

test("a discard action posted from another origin, or by a viewer, is refused and records nothing", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await expect(async () => {
    await page.goto(topicPath);
    await expect(page.getByTestId("dlq-message-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await page.getByTestId("dlq-message-row").getByRole("link").first().click();

  // The browser's own action call, held back so it never reaches the server.
  let captured: Request | undefined;
  await page.route(`**${topicPath}*`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else {
      await route.fallback();
    }
  });
  const form = page.getByTestId("dlq-discard-message");
  await form.getByRole("button", { name: "Discard this message…" }).click();
  await form.getByLabel(/Reason/).fill("forged from another site");
  await form.getByRole("button", { name: "Discard this message", exact: true }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  const call = captured;
  if (!call) throw new Error("no action call was captured");
  const actionId = call.headers()["next-action"] ?? "";
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  expect(await recorded()).toEqual({ dispositions: 0, audits: 0, denied: 0 });

  // Sent with the page's own cookies: the operator's valid session.
  const replay = (origin: string, request = page.request) => request.post(call.url(), {
    headers: { "next-action": actionId, "content-type": call.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: call.postDataBuffer() ?? Buffer.alloc(0),
    maxRedirects: 0,
  });

  for (const origin of ["https://evil.example", "null", `http://flowdeck.evil.example:${new URL(baseURL ?? "").port}`]) {
    const forged = await replay(origin);
    expect(forged.status(), `Origin: ${origin}`).toBe(500);
    expect(await recorded(), `Origin: ${origin}`).toEqual({ dispositions: 0, audits: 0, denied: 0 });
  }

  const ownOrigin = new URL(baseURL ?? "").origin;
  const viewer = await browser.newContext({ storageState: storageStateOf("viewer") });
  const byViewer = await replay(ownOrigin, viewer.request);
  expect(await byViewer.text()).toContain('"code":"FORBIDDEN"');
  expect(await recorded()).toEqual({ dispositions: 0, audits: 0, denied: 1 });
  await viewer.close();

  const genuine = await replay(ownOrigin);
  expect(genuine.status()).toBe(200);
  expect(await genuine.text()).toContain('"discarded":1');
  expect(await recorded()).toEqual({ dispositions: 1, audits: 1, denied: 1 });
});
