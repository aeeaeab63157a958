// Ingest benchmark (npm run bench:ingest): 4 concurrent OTLP senders against `npm start` for a
// sustained period, then — in the same run — the raw COPY rate of the same rows into the same
// partitioned, indexed table, and the ratio. Uses a database of its own and drops it afterwards.
import "./load-env"; // first: what follows may read the configuration
import { spawn, type ChildProcess } from "node:child_process";
import { randomFillSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { decodeRequest } from "@/lib/ingest/otlp/decode-request";
import { ExportTraceServiceRequest } from "@/lib/ingest/otlp/schema";
import { toSpanRecords } from "@/lib/ingest/otlp/to-span-records";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { indexColumns } from "@/lib/projections";
import { BENCH_DATABASE_URL, createBenchDatabase, dropBenchDatabase, requireFreeDisk } from "./bench-database";
import { copySpanLines } from "./copy-lines";
import { percentile } from "./percentile";
import { pidsMatching, totalCpu } from "./process-cpu";
import { exportRequest } from "./realistic-spans";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 180);
const BASELINE_S = Math.min(DURATION_S, Number(process.env.BENCH_BASELINE_SECONDS ?? 60));
const SENDERS = 4;
const BATCH = 512;
const TEMPLATES = 16;
const PORT = 3300;
const URL_ = `http://127.0.0.1:${PORT}/api/otlp/v1/traces`;

type Template = { body: Buffer; idOffsets: { at: number; length: number }[] };

/** Pre-encoded batches; each send gives every span fresh ids in place, so nothing is a duplicate. */
function templates(): Template[] {
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const request = exportRequest(BATCH, t * BATCH, Date.now());
    const body = Buffer.from(ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish());
    const idOffsets: Template["idOffsets"] = [];
    const spans = (request.resourceSpans as { scopeSpans: { spans: { traceId: Buffer; spanId: Buffer }[] }[] }[])
      .flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    for (const span of spans) {
      for (const id of [span.traceId, span.spanId]) idOffsets.push({ at: body.indexOf(id), length: id.length });
    }
    return { body, idOffsets };
  });
}

function freshIds(template: Template): Buffer {
  for (const { at, length } of template.idOffsets) randomFillSync(template.body, at, length);
  return template.body;
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Flowdeck did not become ready");
}

async function sendFor(seconds: number, pool: Template[], latencies: number[] | null, authorization: string): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let acknowledged = 0;
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    while (Date.now() < deadline) {
      const template = pool[next++ % pool.length] as Template;
      const body = Buffer.from(freshIds(template));
      const started = performance.now();
      const response = await fetch(URL_, { method: "POST", body, headers: { "content-type": "application/x-protobuf", authorization } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`export answered ${response.status}`);
      latencies?.push(performance.now() - started);
      acknowledged += BATCH;
    }
  }));
  return acknowledged;
}

/** The same rows COPYed straight into spans by 4 connections: the floor of what Postgres can take. */
async function rawCopyRate(pool: Template[], seconds: number): Promise<number> {
  const lines = pool.map((t) => toSpanRecords(decodeRequest("protobuf", t.body)).map((s) => spanCopyLine(s, indexColumns(s, () => "local"))));
  const ID_PREFIX = "\\\\x".length * 2 + 32 + 16 + 1; // both escaped ids and the tab between them
  const deadline = Date.now() + seconds * 1000;
  let rows = 0;
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
    await client.connect();
    while (Date.now() < deadline) {
      const batch = (lines[next++ % lines.length] ?? []).map((line) => {
        const ids = randomFillSync(Buffer.alloc(24)).toString("hex");
        return `\\\\x${ids.slice(0, 32)}\t\\\\x${ids.slice(32)}${line.slice(ID_PREFIX)}`;
      });
      await copySpanLines(client, batch);
      rows += batch.length;
    }
    await client.end();
  }));
  return rows / seconds;
}

async function main(): Promise<void> {
  process.env.DATABASE_URL = BENCH_DATABASE_URL; // for the lib/ modules this script reads the store through
  requireFreeDisk(5);
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  createBenchDatabase();
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: String(PORT), FLOWDECK_WORKER_PORT: String(PORT + 1), DATABASE_URL: BENCH_DATABASE_URL, FLOWDECK_LOG_LEVEL: "warn", FLOWDECK_SELF_TRACING: "false" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitReady();
    // The senders authenticate like any exporter, so the token check is part of what is measured.
    const { createIngestToken } = await import("@/lib/ingest-tokens");
    const authorization = `Bearer ${(await createIngestToken(`bench-ingest-${Date.now()}`, "bench:ingest")).token}`;
    const pool = templates();
    console.log(`bench: ${TEMPLATES} pre-encoded batches of ${BATCH} spans (${(pool[0]?.body.length ?? 0) / 1024 | 0} KB each); warming up 10 s`);
    await sendFor(10, pool, null, authorization);

    const web = pidsMatching("next-server");
    const worker = pidsMatching("lib/worker/main.ts");
    const postgres = pidsMatching("postgres:");
    const cpuBefore = [totalCpu(web), totalCpu(worker), totalCpu(postgres)];
    const latencies: number[] = [];
    console.log(`bench: ${SENDERS} senders for ${DURATION_S} s`);
    const started = performance.now();
    const acknowledged = await sendFor(DURATION_S, pool, latencies, authorization);
    const wall = (performance.now() - started) / 1000;
    const cpu = [totalCpu(web), totalCpu(worker), totalCpu(postgres)].map((c, i) => (c - (cpuBefore[i] ?? 0)) / wall);
    const { projectionLagSeconds } = await import("@/lib/projector");
    const lag = await projectionLagSeconds();
    latencies.sort((a, b) => a - b);
    const rate = acknowledged / wall;
    server.kill("SIGTERM");
    await new Promise((r) => server?.once("exit", r));
    server = undefined;

    console.log(`bench: raw COPY of the same rows for ${BASELINE_S} s`);
    const raw = await rawCopyRate(pool, BASELINE_S);
    const [webCpu = 0, workerCpu = 0, pgCpu = 0] = cpu;
    console.log(`ingest: ${Math.round(rate)} spans/s acknowledged over ${wall.toFixed(0)} s; request p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    console.log(`cpu (cores): web ${webCpu.toFixed(2)}, worker ${workerCpu.toFixed(2)}, postgres ${pgCpu.toFixed(2)}; projection lag at end ${lag.toFixed(1)} s`);
    console.log(`raw COPY: ${Math.round(raw)} rows/s; ratio ${(rate / raw).toFixed(2)}`);
    console.log(`SUMMARY ingest ${Math.round(rate)} spans/s, ${(rate / raw).toFixed(2)} of raw COPY (${Math.round(raw)} rows/s), p99 ${percentile(latencies, 99).toFixed(0)} ms, lag ${lag.toFixed(1)} s on ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`);
  } finally {
    server?.kill("SIGTERM");
    if (server) await new Promise((r) => server?.once("exit", r));
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb().catch(() => {});
    dropBenchDatabase();
  }
}

await main();
