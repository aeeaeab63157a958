// The flow map with a cluster that does not answer: Flowdeck (its own instance, on its own ports and database)
// is configured with a second cluster whose broker is gone. The map still renders in time, its edges on the
// healthy cluster keep their lag, the dead cluster's consume edge says "lag unknown" and a note says why.
// Before any span arrives, the page shows how to send them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_USERS } from "./env";
import { ensureUser, signIn } from "./fixtures/sign-in";
import { FlowsPage } from "./pages/flows-page";

const PORT = 3452;
const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/flowdeck_e2e_flows";
const BASE = `http://127.0.0.1:${PORT}`;
const run = randomUUID().slice(0, 8);
let flowdeck: ChildProcess | undefined;

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env = { ...process.env, DATABASE_URL };
  execFileSync("node", ["scripts/db/ensure-database.mjs", "--fresh"], { stdio: "inherit", env });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env });
  flowdeck = spawn("node", ["scripts/start.mjs"], {
    env: {
      ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT), FLOWDECK_WORKER_PORT: String(PORT + 1),
      FLOWDECK_CLUSTERS: "local,dead", KAFKA_LOCAL_BROKERS: "127.0.0.1:9092", KAFKA_DEAD_BROKERS: `127.0.0.1:${await unusedPort()}`,
      FLOWDECK_KAFKA_TIMEOUT: "4s",
    },
    stdio: "ignore",
    detached: true,
  });
  await expect.poll(() => fetch(`${BASE}/api/health/live`).then((r) => r.status, () => 0), { timeout: 90_000, intervals: [1_000] }).toBe(200);
  await ensureUser(DATABASE_URL, E2E_USERS.operator);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, BASE, E2E_USERS.operator);
});

test.afterAll(async () => {
  if (flowdeck?.pid === undefined) return;
  const exited = new Promise((resolve) => flowdeck?.once("exit", resolve));
  process.kill(-flowdeck.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 25_000))]);
});

test("with no spans yet the map says how to send them; with a dead cluster it still renders, lag unknown there", async ({ page }) => {
  test.setTimeout(120_000);
  const flows = new FlowsPage(page, BASE);
  await flows.open();
  await expect(page.getByTestId("traces-empty")).toBeVisible();

  const topic = `orders-${run}`;
  const now = new Date();
  for (const cluster of ["local", "dead"]) {
    await sql(
      `INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors) VALUES
       (date_trunc('minute', $1::timestamptz), $2, $3, 'produce', 'checkout', '', 120, 0),
       (date_trunc('minute', $1::timestamptz), $2, $3, 'consume', 'billing', 'billing-group', 120, 30)`, [now, cluster, topic]);
  }

  const started = Date.now();
  await flows.open("?range=15m");
  await expect(flows.node("Service checkout")).toBeVisible();
  // Two clusters on the map: topic nodes say which cluster they are on.
  await expect(flows.map().getByRole("link", { name: `Topic ${topic}` })).toHaveCount(2);
  const edges = flows.map().getByRole("link", { name: `billing consumes ${topic} as billing-group`, exact: true });
  await expect(edges).toHaveCount(2);
  await expect(edges.filter({ hasText: "lag unknown" })).toHaveCount(2); // the group never committed on "local" either
  await expect(page.getByTestId("flow-lag-unknown")).toHaveText(/^Lag on dead is unknown: /);
  // Built within the lag deadline plus slack, not a broker timeout per call.
  expect(Date.now() - started).toBeLessThan(15_000);
  // 30 of 120 failed: the consume edges are red.
  await expect(page.getByTestId("flow-edge-path").and(page.locator(`[data-edge="billing consumes ${topic} as billing-group"]`)).first().locator("path").last())
    .toHaveAttribute("stroke", "var(--bad)");
  await page.screenshot({ path: "test-results/flows-broker-down.png", fullPage: true });
});
