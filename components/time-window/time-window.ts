// The time window of the incident pages (overview, sagas, breakers, flows) lives in the URL as
// ?range=15m|1h|6h|24h, or ?range=custom&from=…&to=…&tz=…, so a pasted link shows the same thing.
import { parseTimeInput } from "@/components/traces/wall-time";

export const WINDOW_PRESETS = { "15m": 15 * 60_000, "1h": 60 * 60_000, "6h": 6 * 60 * 60_000, "24h": 24 * 60 * 60_000 } as const;
export type WindowPreset = keyof typeof WINDOW_PRESETS;
export const WINDOW_PRESET_NAMES = Object.keys(WINDOW_PRESETS) as WindowPreset[];

/** The longest custom window a page accepts; longer ones would read weeks of minute buckets. */
export const MAX_WINDOW_MS = 31 * 24 * 60 * 60_000;

export type TimeWindow = { range: WindowPreset | "custom"; from: Date; to: Date };
export type WindowProblem = { param: "range" | "from" | "to"; message: string };
export type ParsedWindow = { ok: true; window: TimeWindow } | { ok: false; problems: WindowProblem[] };

type RawParams = Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string | undefined {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
}

function isPreset(text: string): text is WindowPreset {
  return Object.hasOwn(WINDOW_PRESETS, text);
}

/**
 * Reads range/from/to/tz from a page's search params. A preset ends at `now`; a custom window's
 * wall-clock times are read in `tz` (or `defaultTimeZone`), ISO-8601 times with a zone as they are.
 * Every problem names its parameter, for the page to show instead of guessing.
 */
export function parseTimeWindow(params: RawParams, now: Date, defaultTimeZone: string, defaultPreset: WindowPreset = "1h"): ParsedWindow {
  const range = first(params, "range");
  const fromText = first(params, "from");
  const toText = first(params, "to");
  const tz = first(params, "tz") ?? defaultTimeZone;
  if (range !== undefined && range !== "custom" && !isPreset(range)) {
    return { ok: false, problems: [{ param: "range", message: `"${range}" is not a range; use 15m, 1h, 6h, 24h or custom` }] };
  }
  if (range === undefined && fromText === undefined && toText === undefined) return presetWindow(defaultPreset, now);
  if (range !== undefined && range !== "custom") return presetWindow(range, now);

  const problems: WindowProblem[] = [];
  const to = toText === undefined ? now : parseTimeInput(toText, tz);
  if (to === null) problems.push({ param: "to", message: `"${toText ?? ""}" is not a date and time (use 2026-03-14T09:30, or ISO-8601 with a zone)` });
  const from = fromText === undefined ? new Date((to ?? now).getTime() - WINDOW_PRESETS[defaultPreset]) : parseTimeInput(fromText, tz);
  if (from === null) problems.push({ param: "from", message: `"${fromText ?? ""}" is not a date and time (use 2026-03-14T09:30, or ISO-8601 with a zone)` });
  if (from === null || to === null) return { ok: false, problems };
  if (from.getTime() >= to.getTime()) return { ok: false, problems: [{ param: "from", message: "the time range must start before it ends" }] };
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) return { ok: false, problems: [{ param: "from", message: "the time range may span at most 31 days" }] };
  return { ok: true, window: { range: "custom", from, to } };
}

function presetWindow(preset: WindowPreset, now: Date): ParsedWindow {
  return { ok: true, window: { range: preset, from: new Date(now.getTime() - WINDOW_PRESETS[preset]), to: now } };
}

/**
 * The URL parameters that reproduce `window`: a preset stays relative (it moves with time, which is
 * what a live page wants); a custom window is written as two ISO instants.
 */
export function windowSearchParams(window: TimeWindow): URLSearchParams {
  const params = new URLSearchParams();
  if (window.range === "custom") {
    params.set("range", "custom");
    params.set("from", window.from.toISOString());
    params.set("to", window.to.toISOString());
  } else {
    params.set("range", window.range);
  }
  return params;
}

/** `params` with its time window replaced by `window`; everything else (filters) kept, paging reset. */
export function withWindow(params: URLSearchParams, window: { range: WindowPreset } | { range: "custom"; from: string; to: string; tz: string }): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ["range", "from", "to", "tz", "cursor"]) next.delete(key);
  next.set("range", window.range);
  if (window.range === "custom") {
    next.set("from", window.from);
    next.set("to", window.to);
    next.set("tz", window.tz);
  }
  return next;
}
