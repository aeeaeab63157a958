// The sagas list lives in the URL (DESIGN.md, Style 5): window, status chip, filters and page. This
// reads it, names every problem by its parameter, and writes links back.
import { z } from "zod";
import { parseTimeWindow, windowSearchParams, type TimeWindow } from "@/components/time-window/time-window";
import { decodeSagaCursor, SagaId, SagaStatusFilter, type SagaListFilterInput, type SagaStatusFilter as Status } from "@/lib/sagas/queries/saga-filter";

export type RawSearchParams = Record<string, string | string[] | undefined>;
export type UrlProblem = { param: string; message: string };

const text = z.string().trim().max(200, "at most 200 characters").optional();

/** The list's own parameters; range/from/to/tz belong to the shared time window. */
export const SagasUrl = z.object({
  status: SagaStatusFilter.optional(),
  name: text,
  key: text,
  id: SagaId.optional(),
  cursor: z.string().max(300).refine((v) => decodeSagaCursor(v) !== null, "not a page position this page wrote; start from the newest").optional(),
});
export type SagasUrl = z.infer<typeof SagasUrl>;

export type SagasView = { window: TimeWindow; status: Status; name?: string; key?: string; id?: string; cursor?: string };
export type ParsedSagasUrl = { ok: true; view: SagasView; filter: SagaListFilterInput } | { ok: false; problems: UrlProblem[] };

const single = (value: string | string[] | undefined) => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === "" ? undefined : first.trim();
};

export function parseSagasUrl(params: RawSearchParams, now: Date, timeZone: string): ParsedSagasUrl {
  const problems: UrlProblem[] = [];
  const window = parseTimeWindow(params, now, timeZone);
  if (!window.ok) problems.push(...window.problems);
  const parsed = SagasUrl.safeParse(Object.fromEntries(Object.keys(SagasUrl.shape).map((name) => [name, single(params[name])])));
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => ({
      param: String(issue.path[0] ?? "query"),
      message: issue.path[0] === "status"
        ? `"${single(params.status) ?? ""}" is not a status; use one of ${SagaStatusFilter.options.join(", ")}`
        : issue.message,
    })));
  }
  if (!window.ok || !parsed.success) return { ok: false, problems };
  const url = parsed.data;
  const view: SagasView = {
    window: window.window, status: url.status ?? "any",
    ...(url.name ? { name: url.name } : {}), ...(url.key ? { key: url.key } : {}), ...(url.id ? { id: url.id } : {}), ...(url.cursor ? { cursor: url.cursor } : {}),
  };
  const cursor = view.cursor === undefined ? null : decodeSagaCursor(view.cursor);
  return {
    ok: true,
    view,
    filter: {
      from: view.window.from, to: view.window.to, status: view.status, name: view.name, key: view.key, sagaId: view.id,
      ...(cursor ? { cursor } : {}),
    },
  };
}

/** The filters (not the status chip, not the page) as URL parameters. */
function filterParams(view: SagasView, window: TimeWindow): URLSearchParams {
  const params = windowSearchParams(window);
  if (view.name !== undefined) params.set("name", view.name);
  if (view.key !== undefined) params.set("key", view.key);
  if (view.id !== undefined) params.set("id", view.id);
  return params;
}

function href(params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? "/sagas" : `/sagas?${query}`;
}

/** The same window and filters with another status chip, from the newest saga. */
export function statusHref(view: SagasView, status: Status): string {
  const params = filterParams(view, view.window);
  if (status !== "any") params.set("status", status);
  return href(params);
}

/** The next page pins the window just shown, or keyset paging would drift as a preset moves with time. */
export function nextPageHref(view: SagasView, cursor: string): string {
  const params = filterParams(view, { ...view.window, range: "custom" });
  if (view.status !== "any") params.set("status", view.status);
  params.set("cursor", cursor);
  return href(params);
}

export function firstPageHref(view: SagasView): string {
  return statusHref(view, view.status);
}

/** The list as the operator set it up, without any filter but the window: where "clear filters" goes. */
export function clearFiltersHref(view: SagasView): string {
  return href(windowSearchParams(view.window));
}

export function sagaHref(id: string): string {
  return `/sagas/${encodeURIComponent(id)}`;
}
