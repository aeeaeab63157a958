// The flow map's view lives in the URL: the shared time window, and what is selected on the map
// (?select=service|topic|produce|consume|dead-letter with its names), so a pasted link opens the same panel.
import { FlowSelection, SELECTION_KINDS } from "@/lib/flows/selection";
import { parseTimeWindow, windowSearchParams, type TimeWindow } from "@/components/time-window/time-window";

export type RawParams = Record<string, string | string[] | undefined>;
export type FlowsProblem = { param: string; message: string };
export type FlowsView = { window: TimeWindow; selection: FlowSelection | null };
export type ParsedFlowsUrl = { ok: true; view: FlowsView } | { ok: false; problems: FlowsProblem[] };

const SELECTION_PARAMS = ["select", "service", "cluster", "topic", "group"] as const;

function one(params: RawParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseFlowsUrl(params: RawParams, now: Date, timeZone: string): ParsedFlowsUrl {
  const window = parseTimeWindow(params, now, timeZone);
  const selection = parseSelection(params);
  const problems = [...(window.ok ? [] : window.problems), ...(selection.ok ? [] : selection.problems)];
  if (!window.ok || !selection.ok) return { ok: false, problems };
  return { ok: true, view: { window: window.window, selection: selection.selection } };
}

function parseSelection(params: RawParams): { ok: true; selection: FlowSelection | null } | { ok: false; problems: FlowsProblem[] } {
  const kind = one(params, "select");
  if (kind === undefined || kind === "") return { ok: true, selection: null };
  if (!(SELECTION_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, problems: [{ param: "select", message: `"${kind}" is not something on the map; use ${SELECTION_KINDS.join(", ")}` }] };
  }
  const parsed = FlowSelection.safeParse({
    kind, service: one(params, "service"), cluster: one(params, "cluster"), topic: one(params, "topic"), group: one(params, "group") ?? "",
  });
  if (parsed.success) return { ok: true, selection: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      param: String(issue.path[0] ?? "select"),
      message: issue.code === "invalid_type" ? `missing: a ${kind} selection names its ${String(issue.path[0])}` : issue.message,
    })),
  };
}

/** The URL of the map for `window`, with `selection` selected (or nothing). */
export function flowsHref(window: TimeWindow, selection: FlowSelection | null): string {
  const params = windowSearchParams(window);
  if (selection) {
    params.set("select", selection.kind);
    for (const key of SELECTION_PARAMS.slice(1)) {
      const value = (selection as Partial<Record<string, string>>)[key];
      if (value !== undefined) params.set(key, value);
    }
  }
  return `/flows?${params.toString()}`;
}
