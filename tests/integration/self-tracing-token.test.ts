// The token Flowdeck's own exports carry: minted per role at start-up (the previous start's stops
// working), read from FLOWDECK_SELF_TRACING_TOKEN_FILE when given, and none for another collector.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/load";
import { disconnectDb } from "@/lib/db";
import { verifyIngestToken } from "@/lib/ingest-tokens";
import { SELF_TRACING_ACTOR, selfTracingToken } from "@/lib/telemetry/self-tracing-token";
import { INTEGRATION_DATABASE_URL } from "./env";

const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "flowdeck-self-token-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.end();
  await disconnectDb();
});

const config = (env: Record<string, string> = {}) => parseConfig({ DATABASE_URL: INTEGRATION_DATABASE_URL, FLOWDECK_SELF_TRACING: "true", ...env });

describe("selfTracingToken", () => {
  it("mints flowdeck-self-<role> for the own endpoint and replaces it on the next start", async () => {
    const first = await selfTracingToken(config(), "worker");
    const second = await selfTracingToken(config(), "worker");
    expect(first).not.toBeNull();
    expect(second).not.toBe(first);
    expect(await verifyIngestToken(first ?? "")).toEqual({ ok: false, reason: "unknown" });
    expect(await verifyIngestToken(second ?? "")).toMatchObject({ ok: true, name: "flowdeck-self-worker" });
    const { rows } = await db.query<{ n: number; by: string }>("SELECT count(*)::int AS n, max(created_by) AS by FROM ingest_tokens WHERE name = 'flowdeck-self-worker'");
    expect(rows[0]).toEqual({ n: 1, by: SELF_TRACING_ACTOR });
  });

  it("sends no token of this Flowdeck to another collector", async () => {
    expect(await selfTracingToken(config({ FLOWDECK_SELF_TRACING_URL: "http://otel-collector:4318/v1/traces" }), "web")).toBeNull();
  });

  it("uses the token in FLOWDECK_SELF_TRACING_TOKEN_FILE as it is", async () => {
    const token = `fdi_${randomBytes(32).toString("base64url")}`;
    const file = path.join(dir, "token");
    await writeFile(file, `${token}\n`);
    expect(await selfTracingToken(config({ FLOWDECK_SELF_TRACING_TOKEN_FILE: file, FLOWDECK_SELF_TRACING_URL: "http://other:3000/api/otlp/v1/traces" }), "web")).toBe(token);
  });

  it.each([
    ["a missing file", async () => path.join(dir, "missing"), /FLOWDECK_SELF_TRACING_TOKEN_FILE cannot be read .*ENOENT/],
    ["a file without a token", async () => {
      const file = path.join(dir, "not-a-token");
      await writeFile(file, "hunter2-not-a-token\n");
      return file;
    }, /does not hold one ingest token/],
  ])("refuses %s with one line that names the variable and not the file's content", async (_why, makeFile, message) => {
    const file = await makeFile();
    const failure = selfTracingToken(config({ FLOWDECK_SELF_TRACING_TOKEN_FILE: file }), "web");
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
