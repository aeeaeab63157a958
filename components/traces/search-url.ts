// The traces search lives in the URL (DESIGN.md, Style 5): this reads it, checks it, and writes links back.
import { z } from "zod";
import {
  AttributeFilter, DEFAULT_PAGE_SIZE, MAX_ATTRIBUTE_FILTERS, MAX_PAGE_SIZE, OperationMatch, TraceId, TraceStatus,
  decodeCursor, windowProblem, type TraceSearchInput,
} from "@/lib/traces/queries/search-filter";
import { isTimeZone } from "@/components/time/time-preference";
import { parseTimeInput } from "./wall-time";

export const RANGE_PRESETS = { "15m": 15 * 60_000, "1h": 60 * 60_000, "6h": 6 * 60 * 60_000, "24h": 24 * 60 * 60_000 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const PRESET_NAMES = Object.keys(RANGE_PRESETS) as RangePreset[];
const DEFAULT_PRESET: RangePreset = "1h";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const text = (max: number) => z.string().trim().max(max, `at most ${String(max)} characters`).optional();

/** The query string of /traces, every value as text, before it means anything. */
export const TracesUrl = z.object({
  service: text(200),
  operation: text(500),
  match: OperationMatch.optional(),
  status: TraceStatus.optional(),
  range: z.enum(["15m", "1h", "6h", "24h", "custom"]).optional(),
  from: text(64),
  to: text(64),
  tz: z.string().max(64).refine(isTimeZone, "not a time zone").optional(),
  minDuration: z.string().regex(/^\d+(\.\d+)?$/, "a number of milliseconds, like 250").optional(),
  messageId: text(500),
  sagaId: text(500),
  sagaKey: text(500),
  attr: z.array(z.string().max(1_300).regex(/^[^=]+=/, "key=value, like http.route=/orders")).max(MAX_ATTRIBUTE_FILTERS, `at most ${String(MAX_ATTRIBUTE_FILTERS)} attribute filters`),
  limit: z.string().regex(/^\d+$/, "a whole number").refine((v) => Number(v) >= 1 && Number(v) <= MAX_PAGE_SIZE, `between 1 and ${String(MAX_PAGE_SIZE)}`).optional(),
  cursor: z.string().max(100).refine((v) => decodeCursor(v) !== null, "not a page position this page wrote; start from the first page").optional(),
  traceId: z.string().trim().max(100).optional(),
});
export type TracesUrl = z.infer<typeof TracesUrl>;

/** What the page shows: the filters as typed, and the window they resolve to. */
export type TracesView = {
  service?: string;
  operation?: string;
  match: OperationMatch;
  status: TraceStatus;
  minDuration?: string;
  messageId?: string;
  sagaId?: string;
  sagaKey?: string;
  attributes: AttributeFilter[];
  limit: number;
  cursor?: string;
  range: RangePreset | "custom";
  from: Date;
  to: Date;
  /** The zone wall-clock from/to are read in. */
  tz: string;
};

export type UrlProblem = { param: string; message: string };
export type ParsedTracesUrl =
  | { ok: true; view: TracesView; search: TraceSearchInput; jumpTo?: string }
  | { ok: false; problems: UrlProblem[]; raw: Partial<Record<string, string>> };

/** Reads the query string; every problem is named by its parameter, for the page to show. */
export function parseTracesUrl(params: RawSearchParams, now: Date, defaultTimeZone: string): ParsedTracesUrl {
  const normalised = normalise(params);
  const raw = Object.fromEntries(Object.entries(normalised).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = TracesUrl.safeParse(normalised);
  if (!parsed.success) {
    return { ok: false, raw, problems: parsed.error.issues.map((issue) => ({ param: String(issue.path[0] ?? "query"), message: issue.message })) };
  }
  const url = parsed.data;
  const problems: UrlProblem[] = [];
  const tz = url.tz ?? defaultTimeZone;

  let range: TracesView["range"] = url.range ?? (url.from !== undefined || url.to !== undefined ? "custom" : DEFAULT_PRESET);
  let from: Date;
  let to: Date;
  if (range === "custom") {
    to = now;
    if (url.to !== undefined) to = parseTimeInput(url.to, tz) ?? invalid(problems, "to", url.to);
    from = new Date(to.getTime() - RANGE_PRESETS[DEFAULT_PRESET]);
    if (url.from !== undefined) from = parseTimeInput(url.from, tz) ?? invalid(problems, "from", url.from);
    if (url.from === undefined && url.to === undefined) range = DEFAULT_PRESET;
  } else {
    to = now;
    from = new Date(now.getTime() - RANGE_PRESETS[range]);
  }
  if (problems.length === 0) {
    const problem = windowProblem({ from, to });
    if (problem !== null) problems.push({ param: "from", message: problem });
  }

  const attributes = url.attr.map((pair): AttributeFilter => {
    const at = pair.indexOf("=");
    return { key: pair.slice(0, at).trim(), value: pair.slice(at + 1) };
  });
  attributes.forEach((filter, i) => {
    if (!AttributeFilter.safeParse(filter).success) problems.push({ param: "attr", message: `"${url.attr[i] ?? ""}" needs a key before "="` });
  });

  let jumpTo: string | undefined;
  if (url.traceId !== undefined) {
    const id = TraceId.safeParse(url.traceId);
    if (id.success) jumpTo = id.data;
    else problems.push({ param: "traceId", message: "a trace id is 32 hexadecimal digits" });
  }
  if (problems.length > 0) return { ok: false, problems, raw };

  const view: TracesView = {
    ...(url.service ? { service: url.service } : {}),
    ...(url.operation ? { operation: url.operation } : {}),
    match: url.match ?? "prefix",
    status: url.status ?? "any",
    ...(url.minDuration ? { minDuration: url.minDuration } : {}),
    ...(url.messageId ? { messageId: url.messageId } : {}),
    ...(url.sagaId ? { sagaId: url.sagaId } : {}),
    ...(url.sagaKey ? { sagaKey: url.sagaKey } : {}),
    attributes,
    limit: url.limit === undefined ? DEFAULT_PAGE_SIZE : Number(url.limit),
    ...(url.cursor ? { cursor: url.cursor } : {}),
    range, from, to, tz,
  };
  const cursor = view.cursor === undefined ? null : decodeCursor(view.cursor);
  const search: TraceSearchInput = {
    service: view.service, operation: view.operation, operationMatch: view.match, status: view.status,
    from: view.from, to: view.to, minDurationMs: view.minDuration === undefined ? undefined : Number(view.minDuration),
    messageId: view.messageId, sagaId: view.sagaId, sagaKey: view.sagaKey, attributes: view.attributes, limit: view.limit,
    ...(cursor ? { cursor } : {}),
  };
  return { ok: true, view, search, ...(jumpTo ? { jumpTo } : {}) };
}

function invalid(problems: UrlProblem[], param: string, value: string): Date {
  problems.push({ param, message: `"${value}" is not a date and time (use 2026-03-14T09:30, or ISO-8601 with a zone)` });
  return new Date(Number.NaN);
}

/** Empty fields (a submitted blank form) count as absent; repeated parameters keep their first value, except attr. */
function normalise(params: RawSearchParams): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = { attr: [] };
  for (const [key, value] of Object.entries(params)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => v !== undefined && v.trim() !== "");
    out[key] = key === "attr" ? values : values[0];
  }
  return out;
}

/** The filters part of a link: what narrows the search, never where in the results or when. */
function filterParams(view: TracesView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value !== undefined && params.set(key, value);
  set("service", view.service);
  set("operation", view.operation);
  if (view.match !== "prefix") params.set("match", view.match);
  if (view.status !== "any") params.set("status", view.status);
  set("minDuration", view.minDuration);
  set("messageId", view.messageId);
  set("sagaId", view.sagaId);
  set("sagaKey", view.sagaKey);
  for (const filter of view.attributes) params.append("attr", `${filter.key}=${filter.value}`);
  if (view.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(view.limit));
  return params;
}

function href(params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? "/traces" : `/traces?${query}`;
}

/** The same filters over the last `preset`, from the first page. */
export function presetHref(view: TracesView, preset: RangePreset): string {
  const params = filterParams(view);
  params.set("range", preset);
  return href(params);
}

/** The same filters over the window just shown, fixed in time: what to paste into an incident channel. */
export function permalinkHref(view: TracesView, cursor?: string): string {
  const params = filterParams(view);
  params.set("from", view.from.toISOString());
  params.set("to", view.to.toISOString());
  if (cursor !== undefined) params.set("cursor", cursor);
  return href(params);
}

/** The next page keeps the exact window of this one, or keyset paging would drift as time passes. */
export function nextPageHref(view: TracesView, cursor: string): string {
  return permalinkHref(view, cursor);
}

export function firstPageHref(view: TracesView): string {
  return view.range === "custom" ? permalinkHref(view) : presetHref(view, view.range);
}
