// How much CPU each stage of ingest costs per span, on one core, without Postgres (npm run bench:ingest-cpu).
import { clusterResolver } from "@/lib/config/resolve-cluster";
import { decodeRequest } from "@/lib/ingest/otlp/decode-request";
import { ExportTraceServiceRequest } from "@/lib/ingest/otlp/schema";
import { toSpanRecords } from "@/lib/ingest/otlp/to-span-records";
import { sanitizeAttributes } from "@/lib/ingest/sanitize";
import { spanCopyLine } from "@/lib/ingest/span-row";
import { indexColumns } from "@/lib/projections";
import { exportRequest } from "./realistic-spans";

const body = ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(exportRequest(512, 0, Date.now()))).finish();
const resolve = clusterResolver({ clusters: [], defaultCluster: "local" });
const ROUNDS = 200;

function time(label: string, fn: () => unknown): void {
  for (let i = 0; i < 20; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) fn();
  const used = process.cpuUsage(start);
  console.log(`${label.padEnd(34)} ${((used.user + used.system) / ROUNDS / 512).toFixed(1)} µs/span`);
}

const message = decodeRequest("protobuf", body);
const records = toSpanRecords(message);
time("protobuf decode", () => decodeRequest("protobuf", body));
time("to SpanRecord", () => toSpanRecords(message));
time("sanitize attributes", () => records.map((s) => sanitizeAttributes(s.attributes)));
time("index columns", () => records.map((s) => indexColumns(s, resolve)));
time("COPY line", () => records.map((s) => spanCopyLine(s, indexColumns(s, resolve))));
