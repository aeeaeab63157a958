import "server-only";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { statementTimedOut } from "./query-errors";
import { TraceSearch, encodeCursor, resolveWindow, windowProblem, type TraceCursor, type TraceSearchInput } from "./search-filter";
import { SqlParams, spanConditions } from "./span-conditions";
import { summarizeTraces, type TraceSummary } from "./summarize-traces";

/** Matching spans read per round, and rounds per page: a page never reads more than 20,000 span keys. */
const SCAN_CHUNK = 2_000;
const MAX_ROUNDS = 10;

export type TraceSearchPage = {
  traces: TraceSummary[];
  /** Where the next page starts, or null on the last page. */
  nextCursor: string | null;
  window: { from: Date; to: Date };
};

type ScannedSpan = { trace_id: string; start_micros: string };

/**
 * Traces with a span that matches every filter, newest first. A trace sorts by its latest matching span
 * (start time, then trace id), which is also the keyset cursor. Matching spans are read in index order,
 * a chunk at a time, until a page of distinct traces is found; only those traces are then aggregated.
 */
export async function searchTraces(input: TraceSearchInput, now: Date = new Date()): Promise<TraceSearchPage> {
  const parsed = TraceSearch.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", `Invalid trace search: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const search = parsed.data;
  const window = resolveWindow(search, now);
  const problem = windowProblem(window);
  if (problem !== null) throw new AppError("VALIDATION", `Invalid trace search: ${problem}`);

  try {
    const found: { traceId: string; startMicros: string }[] = [];
    const seen = new Set<string>();
    let position: TraceCursor | undefined = search.cursor;
    let exhausted = false;
    for (let round = 0; round < MAX_ROUNDS && found.length <= search.limit; round++) {
      const scanned = await scanMatchingSpans(search, window, position);
      const fresh: { traceId: string; startMicros: string }[] = [];
      for (const row of scanned) {
        if (seen.has(row.trace_id)) continue;
        seen.add(row.trace_id);
        fresh.push({ traceId: row.trace_id, startMicros: row.start_micros });
      }
      const shownBefore = search.cursor ? await tracesMatchingFrom(search, window, search.cursor, fresh.map((t) => t.traceId)) : new Set<string>();
      found.push(...fresh.filter((t) => !shownBefore.has(t.traceId)));
      const last = scanned.at(-1);
      if (scanned.length < SCAN_CHUNK || last === undefined) {
        exhausted = true;
        break;
      }
      position = { startMicros: last.start_micros, traceId: last.trace_id };
    }

    const page = found.slice(0, search.limit);
    const lastOnPage = page.at(-1);
    let nextCursor: string | null = null;
    if (found.length > search.limit && lastOnPage) nextCursor = encodeCursor(lastOnPage);
    // Out of rounds: everything at or after `position` has been seen, so the next page resumes there.
    else if (!exhausted && position) nextCursor = encodeCursor(position);

    const summaries = await summarizeTraces(page.map((t) => t.traceId), window);
    const byId = new Map(summaries.map((s) => [s.traceId, s]));
    const traces = page.flatMap((t) => byId.get(t.traceId) ?? []);
    return { traces, nextCursor, window };
  } catch (error) {
    if (statementTimedOut(error)) {
      throw new AppError("UNAVAILABLE", "The trace search took too long. Narrow the time range or add a filter (service, saga key, message id).");
    }
    throw error;
  }
}

/** The next chunk of matching spans before `position`, newest first: only their trace id and start. */
async function scanMatchingSpans(search: TraceSearch, window: { from: Date; to: Date }, position: TraceCursor | undefined): Promise<ScannedSpan[]> {
  const params = new SqlParams();
  const conditions = spanConditions(search, window, "s", params);
  if (position) {
    const at = params.add(microsToIso(position.startMicros));
    // The plain comparison lets the time index (and partition pruning) bound the scan; the row one breaks ties.
    conditions.push(`s.start_time <= ${at}::timestamptz`, `(s.start_time, s.trace_id) < (${at}::timestamptz, decode(${params.add(position.traceId)}, 'hex'))`);
  }
  const sql = `SELECT encode(s.trace_id, 'hex') AS trace_id, (extract(epoch FROM s.start_time) * 1000000)::bigint::text AS start_micros
    FROM spans s WHERE ${conditions.join(" AND ")}
    ORDER BY s.start_time DESC, s.trace_id DESC LIMIT ${String(SCAN_CHUNK)}`;
  const { rows } = await getPool().query<ScannedSpan>(sql, params.values);
  return rows;
}

/** Which of `traceIds` have a matching span at or after `cursor`: those sorted before it, on an earlier page. */
async function tracesMatchingFrom(search: TraceSearch, window: { from: Date; to: Date }, cursor: TraceCursor, traceIds: string[]): Promise<Set<string>> {
  if (traceIds.length === 0) return new Set();
  const params = new SqlParams();
  const conditions = spanConditions(search, window, "e", params);
  const at = params.add(microsToIso(cursor.startMicros));
  conditions.push(
    `e.trace_id = ANY(ARRAY(SELECT decode(id, 'hex') FROM unnest(${params.add(traceIds)}::text[]) AS id))`,
    `e.start_time >= ${at}::timestamptz`,
    `(e.start_time, e.trace_id) >= (${at}::timestamptz, decode(${params.add(cursor.traceId)}, 'hex'))`,
  );
  const { rows } = await getPool().query<{ trace_id: string }>(
    `SELECT DISTINCT encode(e.trace_id, 'hex') AS trace_id FROM spans e WHERE ${conditions.join(" AND ")}`,
    params.values,
  );
  return new Set(rows.map((r) => r.trace_id));
}

/** 1742000000123456 → "2025-03-15T00:53:20.123456Z", exact to the microsecond (a Date keeps only ms). */
export function microsToIso(micros: string): string {
  const value = BigInt(micros);
  const iso = new Date(Number(value / 1000n)).toISOString();
  return `${iso.slice(0, -1)}${(value % 1000n).toString().padStart(3, "0")}Z`;
}
