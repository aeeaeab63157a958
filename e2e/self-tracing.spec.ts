import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";
import { bearer, mintIngestToken } from "./fixtures/ingest-token";

async function count(db: pg.Client, where: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM spans WHERE ${where}`);
  return rows[0]?.n ?? 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("Flowdeck traces its own ingest into itself, without tracing the ingest of its own spans", async ({ request }) => {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const start = BigInt(Date.now()) * 1_000_000n;
    const exportBody = { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "self-trace-probe" } }] },
      scopeSpans: [{ spans: [{ traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), name: "probe",
        startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 1000n).toString() }] }] }] };
    const before = await count(db, "service_name = 'flowdeck-web' AND name = 'otlp.ingest'");
    const headers = bearer(await mintIngestToken(E2E_DATABASE_URL, "e2e-self-tracing"));
    expect((await request.post("/api/otlp/v1/traces", { headers, data: exportBody })).status()).toBe(200);

    // Flowdeck's batch processor exports every few seconds: poll with slack.
    let after = before;
    for (let i = 0; i < 40 && after === before; i++) {
      await sleep(500);
      after = await count(db, "service_name = 'flowdeck-web' AND name = 'otlp.ingest'");
    }
    expect(after).toBeGreaterThan(before);

    // No span of an ingest request exists, and Flowdeck's own span count settles instead of growing.
    expect(await count(db, "service_name LIKE 'flowdeck%' AND name LIKE '%/api/otlp%'")).toBe(0);
    const settled = await count(db, "service_name = 'flowdeck-web' AND name = 'otlp.ingest'");
    await sleep(7_000);
    expect(await count(db, "service_name = 'flowdeck-web' AND name = 'otlp.ingest'")).toBe(settled);
  } finally {
    await db.end();
  }
});
