import { z } from "zod";

/** How far back a search may reach in one go; retention is shorter by default, so this only stops typos. */
export const MAX_SEARCH_RANGE_MS = 31 * 86_400_000;
export const DEFAULT_SEARCH_RANGE_MS = 3_600_000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_ATTRIBUTE_FILTERS = 10;

export const TraceId = z.string().trim().toLowerCase().regex(/^[0-9a-f]{32}$/, "a trace id is 32 hexadecimal digits");
export type TraceId = z.infer<typeof TraceId>;
export const SpanId = z.string().trim().toLowerCase().regex(/^[0-9a-f]{16}$/, "a span id is 16 hexadecimal digits");
export type SpanId = z.infer<typeof SpanId>;

export const TRACE_STATUSES = ["any", "ok", "error", "unset"] as const;
export const TraceStatus = z.enum(TRACE_STATUSES);
export type TraceStatus = z.infer<typeof TraceStatus>;

export const OperationMatch = z.enum(["prefix", "exact"]);
export type OperationMatch = z.infer<typeof OperationMatch>;

/** `key=value` on a span's attributes (or its resource's); the value matches as text, number or boolean. */
export const AttributeFilter = z.object({ key: z.string().trim().min(1).max(256), value: z.string().max(1024) });
export type AttributeFilter = z.infer<typeof AttributeFilter>;

/** Where the previous page ended: the last trace's sort key (its latest matching span's start, in µs, and its id). */
export const TraceCursor = z.object({ startMicros: z.string().regex(/^\d{1,18}$/), traceId: TraceId });
export type TraceCursor = z.infer<typeof TraceCursor>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** One search: every filter must hold on the same span, and that span must start inside [from, to). */
export const TraceSearch = z.object({
  service: text(200).optional(),
  operation: text(500).optional(),
  operationMatch: OperationMatch.default("prefix"),
  status: TraceStatus.default("any"),
  from: z.date().optional(),
  to: z.date().optional(),
  minDurationMs: z.number().nonnegative().max(MAX_SEARCH_RANGE_MS).optional(),
  messageId: text(500).optional(),
  sagaId: text(500).optional(),
  sagaKey: text(500).optional(),
  attributes: z.array(AttributeFilter).max(MAX_ATTRIBUTE_FILTERS).default([]),
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: TraceCursor.optional(),
});
export type TraceSearch = z.infer<typeof TraceSearch>;
export type TraceSearchInput = z.input<typeof TraceSearch>;

/** "1742000000123456-<trace id>": the cursor as it travels in a URL. */
export function encodeCursor(cursor: TraceCursor): string {
  return `${cursor.startMicros}-${cursor.traceId}`;
}

export function decodeCursor(value: string): TraceCursor | null {
  const [startMicros = "", traceId = "", ...rest] = value.split("-");
  if (rest.length > 0) return null;
  const parsed = TraceCursor.safeParse({ startMicros, traceId });
  return parsed.success ? parsed.data : null;
}

/** The window a search covers: `to` defaults to now, `from` to an hour before `to`. */
export function resolveWindow(search: Pick<TraceSearch, "from" | "to">, now: Date): { from: Date; to: Date } {
  const to = search.to ?? now;
  const from = search.from ?? new Date(to.getTime() - DEFAULT_SEARCH_RANGE_MS);
  return { from, to };
}

/** Why a window cannot be searched, or null when it can. */
export function windowProblem(window: { from: Date; to: Date }): string | null {
  if (Number.isNaN(window.from.getTime()) || Number.isNaN(window.to.getTime())) return "the time range is not a valid date";
  if (window.from.getTime() >= window.to.getTime()) return "the time range must start before it ends";
  if (window.to.getTime() - window.from.getTime() > MAX_SEARCH_RANGE_MS) return "the time range may span at most 31 days";
  return null;
}
