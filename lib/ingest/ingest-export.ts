import "server-only";
import { clusterResolver, getConfig } from "@/lib/config";
import { indexColumns } from "@/lib/projections";
import { acceptedSpanWindow } from "@/lib/traces/retention";
import { errorCode } from "@/lib/db";
import { errorMessage, log } from "@/lib/log";
import { getMetrics } from "@/lib/metrics/registry";
import { capIndexColumns } from "./cap-index-columns";
import { IngestError } from "./ingest-error";
import { decodeRequest, type Encoding } from "./otlp/decode-request";
import { toSpanRecords } from "./otlp/to-span-records";
import { sanitizeSpan } from "./sanitize";
import { spanCopyLine } from "./span-row";
import { rejectionReason } from "./validate-span";
import { writeSpanLines } from "./write-spans";

export type IngestOutcome = { accepted: number; stored: number; rejected: number; reason: string };

/** How long exporters should wait before retrying while Postgres is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Decodes one OTLP export, rejects bad spans one by one, and stores the rest; resolves only once they
 * are committed, so a 200 means stored. Throws IngestError for a request refused as a whole.
 */
export async function ingestExport(encoding: Encoding, body: Uint8Array, now = new Date()): Promise<IngestOutcome> {
  const config = getConfig();
  const spans = toSpanRecords(decodeRequest(encoding, body));
  const window = acceptedSpanWindow(now, config.spanRetentionMs);
  const resolveCluster = clusterResolver(config);
  const reasons = new Map<string, number>();
  const lines: string[] = [];
  for (const span of spans) {
    const reason = rejectionReason(span, window);
    if (reason) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    const clean = sanitizeSpan(span);
    lines.push(spanCopyLine(clean, capIndexColumns(indexColumns(clean, resolveCluster))));
  }
  let stored: number;
  try {
    stored = (await writeSpanLines(lines)).stored;
  } catch (error) {
    // Data errors (class 22) and limits (54) would fail the same way on every retry: refuse, don't loop.
    const sqlState = errorCode(error) ?? "";
    if (sqlState.startsWith("22") || sqlState.startsWith("54")) {
      log.warn("span batch refused by the store", { spans: lines.length, error: errorMessage(error) });
      throw new IngestError(400, `the trace store refused this batch: ${errorMessage(error).split("\n")[0] ?? ""}`);
    }
    log.warn("span batch not stored; exporters will retry", { spans: lines.length, error: errorMessage(error) });
    throw new IngestError(503, "trace store unavailable: spans were not stored, retry later", RETRY_AFTER_SECONDS);
  }
  const rejected = spans.length - lines.length;
  const counter = getMetrics().ingestSpans;
  counter.inc({ outcome: "stored" }, stored);
  counter.inc({ outcome: "duplicate" }, lines.length - stored);
  counter.inc({ outcome: "rejected" }, rejected);
  const reason = [...reasons].map(([why, count]) => `${count} ${why}`).join("; ");
  return { accepted: lines.length, stored, rejected, reason };
}
