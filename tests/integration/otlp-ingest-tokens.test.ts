// The OTLP endpoint's bearer tokens: who is refused (before the body is read, with nothing stored), how
// fast a revoke bites in another process, and that a token never lands in a log or in the database.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RpcStatus } from "@/lib/ingest/otlp/schema";
import { INTEGRATION_DATABASE_URL } from "./env";

const CACHE_TTL_MS = 2_000;
// Before any module reads the configuration: a short cache, so the revoke bound is quick to observe.
vi.stubEnv("FLOWDECK_INGEST_TOKEN_CACHE_TTL", `${CACHE_TTL_MS / 1000}s`);
const { POST } = await import("@/app/api/otlp/v1/traces/route");
const { disconnectDb } = await import("@/lib/db");
const tokens = await import("@/lib/ingest-tokens");
const { getMetrics } = await import("@/lib/metrics");
const { setLogLevel } = await import("@/lib/log");

const run = promisify(execFile);
const db = new pg.Pool({ connectionString: INTEGRATION_DATABASE_URL, max: 1 });
afterAll(async () => {
  await db.end();
  await disconnectDb();
});

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const unique = (what: string) => `it-${what}-${hex(4)}`;

function exportBody(traceId: string): string {
  const start = BigInt(Date.now()) * 1_000_000n;
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "token-probe" } }] },
    scopeSpans: [{ spans: [{ traceId, spanId: hex(8), name: "probe", startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 1000n).toString() }] }] }] });
}

type Probe = { response: Response; traceId: string; bodyRead: () => boolean };

/** One export whose body is a stream that records whether anyone pulled from it. */
async function exportWith(authorization: string | null, contentType = "application/json"): Promise<Probe> {
  const traceId = hex(16);
  const bytes = Buffer.from(exportBody(traceId));
  let pulled = false;
  // highWaterMark 0: nothing is pulled until someone reads.
  const body = new ReadableStream<Uint8Array>({ pull(controller) {
    pulled = true;
    controller.enqueue(bytes);
    controller.close();
  } }, { highWaterMark: 0 });
  const headers: Record<string, string> = { "content-type": contentType, ...(authorization === null ? {} : { authorization }) };
  const init = { method: "POST", body, headers, duplex: "half" } as RequestInit;
  const response = await POST(new Request("http://flowdeck.test/api/otlp/v1/traces", init));
  return { response, traceId, bodyRead: () => pulled };
}

async function storedCount(traceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
  return rows[0]?.n ?? 0;
}

async function rejections(reason: string): Promise<number> {
  const metric = await getMetrics().ingestAuthRejections.get();
  return metric.values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

async function expectRefused(probe: Probe, reason: string, before: number, challenge: string): Promise<void> {
  expect(probe.response.status).toBe(401);
  expect(probe.response.headers.get("www-authenticate")).toBe(challenge);
  expect(probe.bodyRead()).toBe(false);
  expect(await storedCount(probe.traceId)).toBe(0);
  expect(await rejections(reason)).toBe(before + 1);
}

const MISSING = 'Bearer realm="flowdeck-otlp"';
const INVALID = 'Bearer realm="flowdeck-otlp", error="invalid_token"';

describe("an export without a valid ingest token", () => {
  let live = "";
  beforeAll(async () => {
    live = (await tokens.createIngestToken(unique("live"), "it:tokens")).token;
  });

  it("without Authorization is refused with 401, a Bearer challenge and an OTLP status, before its body is read", async () => {
    const before = await rejections("missing");
    const probe = await exportWith(null);
    await expectRefused(probe, "missing", before, MISSING);
    expect(probe.response.headers.get("content-type")).toBe("application/json");
    expect(await probe.response.json()).toEqual({ code: 16, message: "missing credentials: send Authorization: Bearer <ingest token>" });
  });

  it("answers a protobuf exporter in protobuf", async () => {
    const probe = await exportWith(null, "application/x-protobuf");
    expect(probe.response.status).toBe(401);
    expect(probe.response.headers.get("content-type")).toBe("application/x-protobuf");
    expect(RpcStatus.toObject(RpcStatus.decode(new Uint8Array(await probe.response.arrayBuffer())))).toEqual({ code: 16, message: "missing credentials: send Authorization: Bearer <ingest token>" });
  });

  it.each([
    ["another scheme", () => `Basic ${Buffer.from(`x:${live}`).toString("base64")}`],
    ["the token without a scheme", () => live],
    ["the scheme alone", () => "Bearer"],
    ["two tokens", () => `Bearer ${live} ${live}`],
  ])("with %s is refused as malformed", async (_why, header) => {
    const before = await rejections("malformed");
    const probe = await exportWith(header());
    await expectRefused(probe, "malformed", before, INVALID);
    expect(((await probe.response.json()) as { message: string }).message).toBe("malformed Authorization header: expected Bearer <ingest token>");
  });

  it.each([
    ["a well-formed token nobody issued", () => `fdi_${randomBytes(32).toString("base64url")}`],
    ["a token of another format", () => "abc.def"],
    ["a live token with its last character changed", () => live.slice(0, -1) + (live.endsWith("A") ? "B" : "A")],
  ])("with %s is refused as unknown", async (_why, token) => {
    const before = await rejections("unknown");
    const probe = await exportWith(`Bearer ${token()}`);
    await expectRefused(probe, "unknown", before, INVALID);
    expect(((await probe.response.json()) as { message: string }).message).toBe("the ingest token is not valid (unknown or revoked)");
  });

  it("with a live token is read and stored, and the token's last use is written at most once a minute", async () => {
    const name = unique("used");
    const { token } = await tokens.createIngestToken(name, "it:tokens");
    const first = await exportWith(`Bearer ${token}`);
    expect(first.response.status).toBe(200);
    expect(first.bodyRead()).toBe(true);
    expect(await storedCount(first.traceId)).toBe(1);
    const lastUsed = async () => (await db.query<{ at: Date | null }>("SELECT last_used_at AS at FROM ingest_tokens WHERE name = $1", [name])).rows[0]?.at;
    const firstUse = await lastUsed();
    expect(firstUse).toBeInstanceOf(Date);
    const second = await exportWith(`bearer ${token}`);
    expect(second.response.status).toBe(200);
    expect(await lastUsed()).toEqual(firstUse);
  });
});

describe("revoking and rotating", () => {
  it("refuses a token revoked in this process at once, audited with its actor", async () => {
    const name = unique("revoked");
    const { token } = await tokens.createIngestToken(name, "it:ana");
    expect((await exportWith(`Bearer ${token}`)).response.status).toBe(200);
    await tokens.revokeIngestToken(name, "it:ana");
    const before = await rejections("revoked");
    await expectRefused(await exportWith(`Bearer ${token}`), "revoked", before, INVALID);
    const { rows } = await db.query<{ actor: string; action: string; outcome: string }>(
      "SELECT actor, action, outcome FROM audit_events WHERE target = $1 ORDER BY id", [name]);
    expect(rows).toEqual([
      { actor: "it:ana", action: "ingest-token.create", outcome: "ok" },
      { actor: "it:ana", action: "ingest-token.revoke", outcome: "ok" },
    ]);
  });

  it("created and revoked with the command, is refused within the cache TTL by this process, which never heard of the revoke", async () => {
    const name = unique("cli");
    const env = { ...process.env, DATABASE_URL: INTEGRATION_DATABASE_URL };
    const command = ["--conditions=react-server", "--import", "tsx", "scripts/ingest-token.ts"];
    const created = await run(process.execPath, [...command, "create", name], { env });
    const token = created.stdout.trim();
    expect(tokens.isWellFormedIngestToken(token)).toBe(true);
    expect(created.stderr).not.toContain(token);
    expect((await exportWith(`Bearer ${token}`)).response.status).toBe(200); // now cached here as live

    const listed = await run(process.execPath, [...command, "list"], { env });
    expect(listed.stdout).toContain(name);
    expect(listed.stdout + listed.stderr).not.toContain(token);

    await run(process.execPath, [...command, "revoke", name], { env });
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < CACHE_TTL_MS + 5_000) {
      status = (await exportWith(`Bearer ${token}`)).response.status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    // Polled with slack: refused no later than the TTL after the revoke (plus one poll and a reload).
    expect(Date.now() - revokedAt).toBeLessThan(CACHE_TTL_MS + 1_000);

    const { rows } = await db.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_events WHERE target = $1 ORDER BY id", [name]);
    const actor = `cli:${os.userInfo().username}`;
    expect(rows).toEqual([{ actor, action: "ingest-token.create" }, { actor, action: "ingest-token.revoke" }]);
  });

  it("a token created by another process is accepted at once, even just after this process read the tokens", async () => {
    expect((await exportWith(`Bearer fdi_${randomBytes(32).toString("base64url")}`)).response.status).toBe(401); // reads the tokens
    const token = `fdi_${randomBytes(32).toString("base64url")}`;
    await db.query("INSERT INTO ingest_tokens (name, token_hash, created_by) VALUES ($1, sha256(convert_to($2, 'UTF8')), 'it:elsewhere')", [unique("elsewhere"), token]);
    expect((await exportWith(`Bearer ${token}`)).response.status).toBe(200);
  });

  it("rotation replaces a name's token: the old one is refused, the new one works", async () => {
    const name = unique("rotated");
    const old = (await tokens.createIngestToken(name, "it:tokens")).token;
    const next = (await tokens.rotateIngestToken(name, "it:tokens")).token;
    expect(next).not.toBe(old);
    expect((await exportWith(`Bearer ${old}`)).response.status).toBe(401);
    expect((await exportWith(`Bearer ${next}`)).response.status).toBe(200);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM ingest_tokens WHERE name = $1", [name]);
    expect(rows[0]?.n).toBe(1);
  });

  it.each([
    ["a second token of one name", async (name: string) => {
      await tokens.createIngestToken(name, "it:tokens");
      return tokens.createIngestToken(name, "it:tokens");
    }, /already exists/, "ingest-token.create"],
    ["a name that breaks the rules", (name: string) => tokens.createIngestToken(`${name} with spaces`, "it:tokens"), /1 to 64 lower-case letters/, "ingest-token.create"],
    ["revoking a name nobody has", (name: string) => tokens.revokeIngestToken(name, "it:tokens"), /no ingest token is named/, "ingest-token.revoke"],
    ["revoking twice", async (name: string) => {
      await tokens.createIngestToken(name, "it:tokens");
      await tokens.revokeIngestToken(name, "it:tokens");
      return tokens.revokeIngestToken(name, "it:tokens");
    }, /already revoked at/, "ingest-token.revoke"],
  ] as const)("refuses %s with one line, and audits the refusal", async (_why, attempt, message, action) => {
    const name = unique("refused");
    await expect(attempt(name)).rejects.toThrow(message);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE target LIKE $1 AND action = $2 AND outcome = 'failed'", [`${name}%`, action]);
    expect(rows[0]?.n).toBe(1);
  });
});

describe("a token's secrecy", () => {
  it("never appears in a log line, nor in the database in clear", async () => {
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
      return true;
    };
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    setLogLevel("debug");
    const name = unique("secret");
    let token: string | undefined;
    try {
      token = (await tokens.createIngestToken(name, "it:tokens")).token;
      expect((await exportWith(`Bearer ${token}`)).response.status).toBe(200);
      expect((await exportWith(`Bearer ${token}x`)).response.status).toBe(401);
      expect((await exportWith(token)).response.status).toBe(401);
      await tokens.rotateIngestToken(name, "it:tokens");
      expect((await exportWith(`Bearer ${token}`)).response.status).toBe(401);
      await tokens.revokeIngestToken(name, "it:tokens");
    } finally {
      setLogLevel("info");
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const log = written.join("");
    // The capture saw this path's lines (so their absence of the token means something).
    expect(log).toContain("ingest token created");
    expect(log).toContain("OTLP export refused before its body was read");
    const secret = token.slice(4);
    expect(secret).toHaveLength(43);
    expect(log).not.toContain(secret);

    const { rows } = await db.query<{ row: string; digest_matches: boolean }>(
      "SELECT t::text AS row, token_hash = sha256(convert_to($2, 'UTF8')) AS digest_matches FROM ingest_tokens t WHERE name = $1", [name, `fdi_${secret}`]);
    expect(rows[0]?.row).not.toContain(secret);
    expect(rows[0]?.digest_matches).toBe(false); // rotated: the stored digest is the new token's
    const audit = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE $1 OR target LIKE $1", [`%${secret}%`]);
    expect(audit.rows[0]?.n).toBe(0);
    const everywhere = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM ingest_tokens t WHERE t::text LIKE $1", [`%${secret}%`]);
    expect(everywhere.rows[0]?.n).toBe(0);
  });

  it("is stored as the SHA-256 digest of the whole token, and only that", async () => {
    const name = unique("digest");
    const { token } = await tokens.createIngestToken(name, "it:tokens");
    const { rows } = await db.query<{ ok: boolean; length: number }>(
      "SELECT token_hash = sha256(convert_to($2, 'UTF8')) AS ok, octet_length(token_hash) AS length FROM ingest_tokens WHERE name = $1", [name, token]);
    expect(rows[0]).toEqual({ ok: true, length: 32 });
  });
});
