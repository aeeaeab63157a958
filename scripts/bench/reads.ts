// Read benchmark (npm run bench:reads): with BENCH_SPANS (default 5,000,000) spans stored, p50/p95 of
// a trace by id and of a search by service and time range (first page), and the time the 5,000-span
// trace view takes to open in the browser. Uses a database of its own and drops it afterwards.
import "./load-env"; // first: what follows may read the configuration
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { chromium } from "@playwright/test";
import pg from "pg";
import { BENCH_DATABASE_URL, createBenchDatabase, dropBenchDatabase, requireFreeDisk } from "./bench-database";
import { benchSession, type SessionCookie } from "./bench-session";
import { percentile } from "./percentile";
import { SERVICES, seedSpans } from "./seed-spans";

const TOTAL = Number(process.env.BENCH_SPANS ?? 5_000_000);
const ROUNDS = 100;
const PORT = 3300;

async function timeQueries(label: string, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await run(i); // warm the cache, as a console in use would be
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p95: percentile(times, 95) };
  console.log(`${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${ROUNDS}`);
  return result;
}

async function browserOpenMs(traceId: string, session: SessionCookie): Promise<number> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([session]);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/traces/${traceId}`); // warm-up: compiles nothing, fills caches
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await page.goto(`http://127.0.0.1:${PORT}/traces/${traceId}`);
      await page.getByTestId("waterfall").getByTestId("span-row").first().waitFor();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return percentile(times, 50);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  requireFreeDisk(Math.ceil(TOTAL / 250_000)); // about 4 GB per million spans with indexes, with room to spare
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  createBenchDatabase();
  let server: ChildProcess | undefined;
  try {
    const started = performance.now();
    let last = 0;
    const bigTrace = await seedSpans(BENCH_DATABASE_URL, TOTAL, (done) => {
      if (done - last >= 500_000) console.log(`bench: seeded ${(last = done).toLocaleString()} spans`);
    });
    const db = new pg.Client({ connectionString: BENCH_DATABASE_URL });
    await db.connect();
    await db.query("ANALYZE spans");
    const { rows } = await db.query<{ n: string; size: string }>("SELECT count(*)::text AS n, pg_size_pretty(pg_total_relation_size('spans') + (SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits WHERE inhparent = 'spans'::regclass)) AS size FROM spans");
    const sample = await db.query<{ id: string }>("SELECT encode(trace_id, 'hex') AS id FROM spans TABLESAMPLE SYSTEM (1) LIMIT 200");
    await db.end();
    console.log(`bench: ${rows[0]?.n} spans (${rows[0]?.size}) seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    process.env.DATABASE_URL = BENCH_DATABASE_URL;
    const { getTraceOutline, searchTraces } = await import("@/lib/traces/queries");
    const ids = sample.rows.map((r) => r.id);
    const byId = await timeQueries("trace by id", (i) => getTraceOutline(ids[i % ids.length] ?? ""));
    const search = await timeQueries("search by service, last hour, first page", (i) => searchTraces({ service: SERVICES[i % SERVICES.length], from: new Date(Date.now() - 3_600_000), to: new Date() }));

    server = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: String(PORT), FLOWDECK_WORKER_PORT: String(PORT + 1), DATABASE_URL: BENCH_DATABASE_URL, FLOWDECK_LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; i < 120 && !(await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 500));
    const openMs = await browserOpenMs(bigTrace, await benchSession(`http://127.0.0.1:${PORT}`, BENCH_DATABASE_URL));
    console.log(`5,000-span trace view: opens in ${openMs.toFixed(0)} ms (median of 5, navigation to first row)`);
    console.log(`SUMMARY reads with ${TOTAL.toLocaleString()} spans: trace by id p95 ${byId.p95.toFixed(1)} ms, search p95 ${search.p95.toFixed(1)} ms, 5,000-span view ${openMs.toFixed(0)} ms on ${os.cpus().length} cores`);
  } finally {
    server?.kill("SIGTERM");
    if (server) await new Promise((r) => server?.once("exit", r));
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb().catch(() => {});
    dropBenchDatabase();
  }
}

await main();
