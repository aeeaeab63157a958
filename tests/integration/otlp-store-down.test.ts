import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres";

const run = promisify(execFile);
let postgres: ThrowawayPostgres;
let POST: (request: Request) => Promise<Response>;
let authorization = "";

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  await run("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: postgres.url } });
  // This file's own module graph: the route and its pool point at the throwaway Postgres.
  vi.stubEnv("DATABASE_URL", postgres.url);
  ({ POST } = await import("@/app/api/otlp/v1/traces/route"));
  const { createIngestToken } = await import("@/lib/ingest-tokens");
  authorization = `Bearer ${(await createIngestToken("it-store-down", "it:store-down")).token}`;
}, 120_000);

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb().catch(() => {});
  await postgres.destroy();
});

function exportOne(): Request {
  const start = BigInt(Date.now()) * 1_000_000n;
  const body = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"),
    name: "charge", startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 1000n).toString() }] }] }] };
  return new Request("http://flowdeck.test/api/otlp/v1/traces", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", authorization } });
}

describe("ingest while Postgres is down", () => {
  it("answers 503 with Retry-After, stays up, and stores again once Postgres is back", async () => {
    expect((await POST(exportOne())).status).toBe(200);

    await postgres.stop();
    const down = await POST(exportOne());
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.json()).toEqual({ code: 14, message: "trace store unavailable: spans were not stored, retry later" });

    // Past the token cache too: the token cannot be checked, which is a 503 to retry on, never a 401.
    const { resetIngestTokenCache } = await import("@/lib/ingest-tokens");
    resetIngestTokenCache();
    const unchecked = await POST(exportOne());
    expect(unchecked.status).toBe(503);
    expect(unchecked.headers.get("retry-after")).toBe("5");
    expect(await unchecked.json()).toEqual({ code: 14, message: "trace store unavailable: spans were not stored, retry later" });

    await postgres.start();
    // The pool drops its dead connections by itself; polled with slack rather than timed.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await POST(exportOne())).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
  });
});
