// The message browser's view lives in the URL (filters, page, grouping, open message), so a link pasted
// into an incident channel opens the same view. This reads it, checks it, and writes links back.
import { z } from "zod";
import { DlqStatusFilter, decodeCursor, type DlqBrowseInput } from "@/lib/dlq";

export type RawSearchParams = Record<string, string | string[] | undefined>;
export type UrlProblem = { param: string; message: string };

const text = (max: number) => z.string().max(max, `at most ${String(max)} characters`).optional();
// datetime-local inputs send "2026-11-27T17:05"; times are UTC, as the page says.
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/, "a time like 2026-11-27T17:05 (UTC)")
  .transform((value) => new Date(value.endsWith("Z") ? value : `${value}Z`)).refine((d) => !Number.isNaN(d.getTime()), "not a real time").optional();

export const BrowseUrl = z.object({
  status: DlqStatusFilter.optional(),
  from: time,
  to: time,
  error: text(1_000),
  original: text(300),
  key: text(1_000),
  header: z.string().max(2_000).regex(/^[^=]+=/, "name=value, like tenant=eu").optional(),
  q: z.string().trim().min(2, "at least 2 characters").max(200, "at most 200 characters").optional(),
  cursor: z.string().max(60).refine((v) => decodeCursor(v) !== null, "not a page position this page wrote; start from the newest").optional(),
  group: z.literal("errors").optional(),
  msg: z.string().regex(/^\d{1,10}:\d{1,19}$/, "partition:offset, like 0:42")
    .refine((v) => !/^\d{1,10}:\d{1,19}$/.test(v) || (Number(v.split(":")[0]) <= 2 ** 31 - 1 && BigInt(v.split(":")[1] ?? "0") <= 2n ** 63n - 1n), "partition or offset out of range").optional(),
});
export type BrowseUrl = z.infer<typeof BrowseUrl>;

export type BrowseView = { input: DlqBrowseInput; url: BrowseUrl; message: { partition: number; offset: bigint } | null };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseBrowseUrl(cluster: string, topic: string, params: RawSearchParams): { ok: true; view: BrowseView } | { ok: false; problems: UrlProblem[] } {
  const raw = Object.fromEntries(Object.keys(BrowseUrl.shape).map((name) => [name, single(params[name]) || undefined]));
  const parsed = BrowseUrl.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ param: issue.path.join("."), message: issue.message })) };
  const url = parsed.data;
  if (url.from && url.to && url.from >= url.to) return { ok: false, problems: [{ param: "from", message: "must be before to" }] };
  const [name = "", ...value] = url.header?.split("=") ?? [];
  const [partition, offset] = url.msg?.split(":") ?? [];
  return {
    ok: true,
    view: {
      url,
      message: partition !== undefined && offset !== undefined ? { partition: Number(partition), offset: BigInt(offset) } : null,
      input: {
        cluster, topic, status: url.status ?? "pending", from: url.from, to: url.to, errorType: url.error, originalTopic: url.original, key: url.key,
        header: url.header ? { name, value: value.join("=") } : undefined, text: url.q, cursor: url.cursor ? (decodeCursor(url.cursor) ?? undefined) : undefined,
      },
    },
  };
}

/** The browser's link with `changes` applied (undefined removes a parameter); filters changing resets the page. */
export function browseHref(cluster: string, topic: string, url: BrowseUrl, changes: Partial<Record<keyof BrowseUrl, string | undefined>>): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | Date | undefined> = { ...url, ...changes };
  for (const [name, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    params.set(name, value instanceof Date ? value.toISOString().slice(0, 19) : value);
  }
  const query = params.toString();
  return `/dlq/${encodeURIComponent(cluster)}/${encodeURIComponent(topic)}${query ? `?${query}` : ""}`;
}
