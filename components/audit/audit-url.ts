// The Audit page's filters live in the URL (who, what, target, outcome, time window, page), so a link
// pasted into an incident channel shows the same events; the CSV export reads the same parameters.
import { z } from "zod";
import { decodeAuditCursor, encodeAuditCursor, type AuditCursor, type AuditFilter } from "@/lib/audit/audit-filter";
import { AUDIT_ACTION_PATTERN, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import { parseTimeWindow, windowSearchParams, type TimeWindow } from "@/components/time-window/time-window";

export type RawSearchParams = Record<string, string | string[] | undefined>;
export type AuditUrlProblem = { param: string; message: string };

const text = (max: number) => z.string().trim().max(max, `at most ${String(max)} characters`).transform((v) => (v === "" ? undefined : v)).optional();

/** The filter parameters of /audit and /api/audit/export, as text before they mean anything. */
export const AuditUrl = z.object({
  actor: text(200),
  action: z.string().trim().max(100).transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || AUDIT_ACTION_PATTERN.test(v), "an action such as dlq.discard or dlq.redrive.pause").optional(),
  target: text(300),
  outcome: z.union([z.enum(AUDIT_OUTCOMES), z.literal("")]).transform((v) => (v === "" ? undefined : v)).optional(),
  cursor: z.string().max(40).refine((v) => decodeAuditCursor(v) !== null, "not a page position this page wrote; start from the first page").optional(),
});
export type AuditUrl = z.infer<typeof AuditUrl>;

/** What the page shows: the filters as given and the window they resolve to. */
export type AuditView = Omit<AuditUrl, "cursor"> & { window: TimeWindow; cursor?: AuditCursor };

export type ParsedAuditUrl = { ok: true; view: AuditView; filter: AuditFilter } | { ok: false; problems: AuditUrlProblem[] };

function single(params: RawSearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the filters and the window (default: the last 24 hours); every problem names its parameter. */
export function parseAuditUrl(params: RawSearchParams, now: Date, timeZone: string): ParsedAuditUrl {
  const raw: Record<string, string> = {};
  for (const key of ["actor", "action", "target", "outcome", "cursor"]) {
    const value = single(params, key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = AuditUrl.safeParse(raw);
  const windowResult = parseTimeWindow(params, now, timeZone, "24h");
  const problems: AuditUrlProblem[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? "url"), message: i.message }))),
    ...(windowResult.ok ? [] : windowResult.problems),
  ];
  if (!parsed.success || !windowResult.ok) return { ok: false, problems };
  const { cursor: cursorText, ...filters } = parsed.data;
  const cursor = cursorText === undefined ? undefined : (decodeAuditCursor(cursorText) ?? undefined);
  const window = windowResult.window;
  const view: AuditView = { ...filters, window, cursor };
  return { ok: true, view, filter: { ...filters, from: window.from, to: window.to, cursor } };
}

/** The query string that reproduces the view's filters and window, without a page position. */
export function auditSearchParams(view: AuditView): URLSearchParams {
  const params = windowSearchParams(view.window);
  for (const key of ["actor", "action", "target", "outcome"] as const) {
    const value = view[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}

export function firstPageHref(view: AuditView): string {
  return `/audit?${auditSearchParams(view).toString()}`;
}

export function nextPageHref(view: AuditView, cursor: AuditCursor): string {
  const params = auditSearchParams(view);
  params.set("cursor", encodeAuditCursor(cursor));
  return `/audit?${params.toString()}`;
}

/** The CSV of every event the filters select (all pages), over the exact window the page shows. */
export function csvHref(view: AuditView): string {
  const params = auditSearchParams({ ...view, window: { ...view.window, range: "custom" } });
  return `/api/audit/export?${params.toString()}`;
}
