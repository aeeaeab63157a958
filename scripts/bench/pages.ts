// Incident pages benchmark (npm run bench:pages): with BENCH_PAGES_SAGAS (default 1,000,000) sagas and
// BENCH_PAGES_SPANS (default 10,000,000) spans stored, the server-side p50/p95 of what the saga list, the saga
// page, the breaker board and the flow graph ask Postgres for (target: p95 under 200 ms), and the JavaScript a
// cold load of each page downloads, gzipped, measured in the browser (target: under 300 KB). Needs a production
// build (npm run build). Uses a database of its own and drops it afterwards.
import "./load-env"; // first: what follows may read the configuration
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { benchDatabaseUrl, createBenchDatabase, dropBenchDatabase, requireFreeDisk } from "./bench-database";
import { benchSession } from "./bench-session";
import { openBrowser, pageWeight, type PageWeight } from "./pages/page-weight";
import { timeCases, type Timed } from "./pages/time-cases";
import { seed } from "./pages/seed";

const DATABASE_URL = benchDatabaseUrl("flowdeck_bench_pages");
const SAGAS = Number(process.env.BENCH_PAGES_SAGAS ?? 1_000_000);
const SPANS = Number(process.env.BENCH_PAGES_SPANS ?? 10_000_000);
const BREAKERS = 40;
const ROUNDS = Number(process.env.BENCH_PAGES_ROUNDS ?? 50);
const PORT = 3310;
const QUERY_TARGET_MS = 200;
const JS_TARGET_KB = 300;

async function startFlowdeck(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), FLOWDECK_WORKER_PORT: String(PORT + 1), DATABASE_URL, FLOWDECK_LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).then((r) => r.ok).catch(() => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill("SIGTERM");
  throw new Error("Flowdeck did not become ready within 60 s");
}

async function main(): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  requireFreeDisk(Math.ceil(SPANS / 400_000) + Math.ceil(SAGAS / 200_000) + 2); // ~2.5 GB per million spans with indexes; sagas and steps ~1 GB per 200,000
  console.log(`machine: ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  createBenchDatabase(DATABASE_URL);
  let server: ChildProcess | undefined;
  try {
    await seed(DATABASE_URL, { spans: SPANS, sagas: SAGAS, breakers: BREAKERS });
    process.env.DATABASE_URL = DATABASE_URL; // before lib/ reads its configuration
    const { cases, sampleSagaId } = await import("./pages/query-cases");
    const timed: Timed[] = await timeCases(await cases(), ROUNDS);

    server = await startFlowdeck();
    const session = await benchSession(`http://127.0.0.1:${PORT}`, DATABASE_URL);
    const browser = await openBrowser();
    const weights: PageWeight[] = [];
    try {
      // The seed names breaker-0 of order-service (seed.ts): its page draws Recharts, the heaviest one.
      for (const path of ["/overview", "/sagas", `/sagas/${encodeURIComponent(await sampleSagaId())}`, "/breakers", "/breakers/order-service/breaker-0", "/flows", "/dlq", "/traces"]) {
        weights.push(await pageWeight(browser, `http://127.0.0.1:${PORT}`, path, session));
      }
    } finally {
      await browser.close();
    }

    console.log("");
    console.log(`${SAGAS.toLocaleString("en-US")} sagas, ${SPANS.toLocaleString("en-US")} spans, ${BREAKERS} breakers; server-side ms over ${ROUNDS} runs after 5 warm-up`);
    for (const t of timed) console.log(`  ${t.label.padEnd(58)} p50 ${t.p50.toFixed(1).padStart(6)}  p95 ${t.p95.toFixed(1).padStart(6)}  ${t.p95 < QUERY_TARGET_MS ? "met" : "NOT MET"}`);
    console.log(`JavaScript of a cold load, gzipped on the wire (target < ${JS_TARGET_KB} KB):`);
    for (const w of weights) console.log(`  ${w.path.padEnd(58)} ${(w.wireBytes / 1024).toFixed(0).padStart(4)} KB in ${w.scripts} scripts  ${w.wireBytes / 1024 < JS_TARGET_KB ? "met" : "NOT MET"}`);
    const worstQuery = timed.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const heaviest = weights.reduce((a, b) => (b.wireBytes > a.wireBytes ? b : a));
    const met = timed.filter((t) => t.p95 < QUERY_TARGET_MS).length + weights.filter((w) => w.wireBytes / 1024 < JS_TARGET_KB).length;
    console.log(`SUMMARY pages with ${SAGAS.toLocaleString("en-US")} sagas and ${SPANS.toLocaleString("en-US")} spans: ${met} of ${timed.length + weights.length} met; `
      + `worst p95 ${worstQuery.p95.toFixed(1)} ms (${worstQuery.label}); heaviest page ${(heaviest.wireBytes / 1024).toFixed(0)} KB (${heaviest.path})`);
  } finally {
    server?.kill("SIGTERM");
    if (server) await new Promise((r) => server?.once("exit", r));
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb().catch(() => {});
    dropBenchDatabase(DATABASE_URL);
  }
}

await main();
