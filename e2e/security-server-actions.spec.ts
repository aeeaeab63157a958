// Next refuses a server action whose Origin is not Flowdeck's own host (CSRF): a real discard request,
// captured from the drawer and replayed with a forged Origin, records nothing; the same request from
// Flowdeck's origin does discard, which shows the replay was a valid action call.
import { randomUUID } from "node:crypto";
import { expect, test, type Request } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";
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

async function recorded(): Promise<{ dispositions: number; audits: number }> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ dispositions: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM dlq_dispositions WHERE cluster = 'local' AND topic = $1) AS dispositions,
              (SELECT count(*)::int FROM audit_events WHERE action = 'dlq.discard' AND target LIKE '%' || $1 || '%') AS audits`, [topic]);
    return rows[0] ?? { dispositions: -1, audits: -1 };
  } finally {
    await db.end();
  }
}

test("a discard action posted from another origin is refused and records nothing", async ({ page, request, baseURL }) => {
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
  expect(await recorded()).toEqual({ dispositions: 0, audits: 0 });

  const replay = (origin: string) => request.post(call.url(), {
    headers: { "next-action": actionId, "content-type": call.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: call.postDataBuffer() ?? Buffer.alloc(0),
    maxRedirects: 0,
  });

  for (const origin of ["https://evil.example", "null", `http://flowdeck.evil.example:${new URL(baseURL ?? "").port}`]) {
    const forged = await replay(origin);
    expect(forged.status(), `Origin: ${origin}`).toBe(500);
    expect(await recorded(), `Origin: ${origin}`).toEqual({ dispositions: 0, audits: 0 });
  }

  const genuine = await replay(new URL(baseURL ?? "").origin);
  expect(genuine.status()).toBe(200);
  expect(await genuine.text()).toContain('"discarded":1');
  expect(await recorded()).toEqual({ dispositions: 1, audits: 1 });
});
